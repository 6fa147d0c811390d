// Trunk Migrator: /inboundHandler, calls from the PBX to the PSTN.
// The SIP Domain's voice URL points here. Twilio passes the PBX's Request-URI as event.To
// (sip:+61255501234@acme.sip.twilio.com;transport=tls) and its From as event.From. We dial the
// number inside <Dial><Number>, with the PBX's caller ID, as the trunk's termination did:
// E.164 as it is, national and international-prefix forms read in BEHAVIOUR.country's
// numbering, emergency numbers always.
'use strict';

// What the trunk did for a call (CallBehaviour, see docs/HANDLERS.md for the fields).
const BEHAVIOUR = __TM_BEHAVIOUR__;

// The shared helpers read BEHAVIOUR: declared above them.
// @@TM_COMMON@@

// The numbering of each country CallBehaviour::countries() offers: country code, trunk prefix
// (dropped from national numbers), international prefix, and emergency numbers. NANP (US, CA)
// has no trunk prefix: 10 digits, or 1 + 10 digits. Emergency numbers beyond Twilio's list
// (911/933, 999/112, 000/112) are the countries' own short codes; dialling one Twilio cannot
// place costs nothing, rejecting a real emergency call could cost a life.
const COUNTRIES = {
    US: { code: '1', trunk: '', international: '011', emergency: ['911', '933'] },
    CA: { code: '1', trunk: '', international: '011', emergency: ['911', '933'] },
    GB: { code: '44', trunk: '0', international: '00', emergency: ['999', '112'] },
    AU: { code: '61', trunk: '0', international: '0011', emergency: ['000', '112', '106'] },
    NZ: { code: '64', trunk: '0', international: '00', emergency: ['111'] },
    IE: { code: '353', trunk: '0', international: '00', emergency: ['112', '999'] },
    DE: { code: '49', trunk: '0', international: '00', emergency: ['112', '110'] },
    FR: { code: '33', trunk: '0', international: '00', emergency: ['112', '15', '17', '18'] },
};
const COUNTRY_NAMES = ['US', 'CA', 'GB', 'AU', 'NZ', 'IE', 'DE', 'FR'];
const REFER_URL = 'referHandler?leg=inbound'; // relative: served beside this Function
// <Dial>'s largest timeout and timeLimit, for emergency calls whatever the trunk's choices.
const EMERGENCY_RING_TIMEOUT = 600;
const EMERGENCY_TIME_LIMIT = 86400;

// The country of an E.164 number among COUNTRIES, or '' (+1 is NANP; US and CA dial alike).
function countryOf(number) {
    if (number === null) {
        return '';
    }
    for (const name of COUNTRY_NAMES) {
        if (name !== 'CA' && number.indexOf('+' + COUNTRIES[name].code) === 0) {
            return name;
        }
    }
    return '';
}

// Emergency numbers are those of the caller's country (its From) and of BEHAVIOUR.country;
// when neither is known, those of every country in the table. Twilio routes an emergency call
// by its caller ID's country.
function isEmergency(digits, from) {
    const countries = [];
    for (const name of [countryOf(from), BEHAVIOUR.country]) {
        if (COUNTRIES.hasOwnProperty(name)) {
            countries.push(name);
        }
    }
    for (const name of countries.length > 0 ? countries : COUNTRY_NAMES) {
        if (COUNTRIES[name].emergency.indexOf(digits) >= 0) {
            return true;
        }
    }
    return false;
}

// digits ("+61255501234", "0255501234", "001161255501234") as E.164, or null.
function normalise(digits, country) {
    let number = null;
    const plan = COUNTRIES.hasOwnProperty(country) ? COUNTRIES[country] : null;
    if (digits.charAt(0) === '+') {
        number = digits;
    } else if (plan === null) {
        return null;
    } else if (digits.indexOf(plan.international) === 0) {
        number = '+' + digits.slice(plan.international.length);
    } else if (plan.trunk === '') {
        if (/^[2-9][0-9]{2}[2-9][0-9]{6}$/.test(digits)) {
            number = '+' + plan.code + digits;
        } else if (/^1[2-9][0-9]{2}[2-9][0-9]{6}$/.test(digits)) {
            number = '+' + digits;
        }
    } else if (digits.indexOf(plan.trunk) === 0 &&
               /^[1-9]/.test(digits.slice(plan.trunk.length))) {
        // A national significant number never starts with 0 in these countries.
        number = '+' + plan.code + digits.slice(plan.trunk.length);
    }
    return number !== null && E164_PATTERN.test(number) ? number : null;
}

exports.handler = function (context, event, callback) {
    const twiml = new Twilio.twiml.VoiceResponse();
    const request = event || {};
    const digits = dialledDigits(request.To);
    const from = e164From(request.From);
    if (digits !== null && isEmergency(digits, from)) {
        // Never rejected, whatever the caller ID: dialled as it is, with the caller's number or
        // the domain's emergency caller ID. Twilio's longest ring and call (its defaults would
        // give up after 30 s of ringing and cut the call at 4 h); no recording or transfer:
        // nothing that could make Twilio refuse or end the call.
        const attributes = {
            answerOnBridge: true,
            timeout: EMERGENCY_RING_TIMEOUT,
            timeLimit: EMERGENCY_TIME_LIMIT
        };
        if (from !== null) {
            attributes.callerId = from;
        } else if (BEHAVIOUR.emergencyCallerId !== '') {
            attributes.callerId = BEHAVIOUR.emergencyCallerId;
        }
        twiml.dial(attributes).number(digits);
        return callback(null, twiml);
    }
    const to = digits === null ? null : normalise(digits, BEHAVIOUR.country);
    // An extension without a DID calls with BEHAVIOUR.defaultCallerId. Without a valid caller
    // ID Twilio refuses a PSTN <Dial> (error 13214) after answering the PBX's leg; rejecting up
    // front gives the PBX an immediate, clean SIP failure instead.
    let callerId = from;
    if (callerId === null && BEHAVIOUR.defaultCallerId !== '') {
        callerId = BEHAVIOUR.defaultCallerId;
    }
    if (to === null || callerId === null) {
        twiml.reject({ reason: 'rejected' });
        return callback(null, twiml);
    }
    // answerOnBridge keeps the PBX's leg unanswered until the far end answers, as a trunk did:
    // the PBX hears real ringback and failed calls are not billed as answered.
    const attributes = { answerOnBridge: true, callerId: callerId };
    twiml.dial(dialAttributes(attributes, null, REFER_URL)).number(to);
    return callback(null, twiml);
};
