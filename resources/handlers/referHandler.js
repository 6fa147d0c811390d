// Trunk Migrator: /referHandler, a SIP REFER (blind transfer) from the PBX.
// The <Dial> of both other handlers names this Function as its referUrl when the trunk allowed
// transfers (?leg=outbound from /outboundHandler, ?leg=inbound from /inboundHandler). Twilio
// passes the REFER's Refer-To as event.ReferTransferTarget ("<sip:201@pbx.example.net>",
// "<tel:+61255501299>"); the TwiML answered here connects the party being transferred to it,
// honouring the trunk's transfer_mode and transfer_caller_id.
'use strict';

// What the trunk did for a call (CallBehaviour, see docs/HANDLERS.md for the fields).
const BEHAVIOUR = __TM_BEHAVIOUR__;

// The shared helpers read BEHAVIOUR: declared above them.
// @@TM_COMMON@@

// By the time this runs Twilio has accepted the REFER and this TwiML runs on the transferee's
// (answered) call, where <Reject> is not allowed: a refused transfer is said, then hung up.
const REFUSED = 'This call cannot be transferred to that destination.';
// Characters a SIP URI passed on to <Sip> may hold (RFC 3261 unreserved, reserved and '%').
const URI_PATTERN = /^[A-Za-z0-9\-_.!~*'()%;/?:@&=+$,[\]]+$/;
// Twilio's limit on a <Sip> URI.
const MAX_URI_LENGTH = 255;

function isTwilioHost(host) {
    const name = host.replace(/:[0-9]+$/, '').toLowerCase();
    return name === 'twilio.com' || name.endsWith('.twilio.com');
}

// <Sip> takes sip: URIs only: a sips: target becomes sip: with ;transport=tls (what
// CallBehaviour does for the trunk's origination URLs), its other parameters and headers kept.
function dialableSip(uri) {
    if (!/^sips:/i.test(uri)) {
        return uri;
    }
    const query = uri.indexOf('?');
    let address = query < 0 ? uri.slice(5) : uri.slice(5, query);
    const headers = query < 0 ? '' : uri.slice(query);
    const at = address.lastIndexOf('@');
    const user = at < 0 ? '' : address.slice(0, at + 1);
    let host = at < 0 ? address : address.slice(at + 1);
    host = host.replace(/;transport=[^;]*/ig, '') + ';transport=tls';
    address = user + host;
    return 'sip:' + address + headers;
}

// { number } for a PSTN destination (tel: with an E.164 number, or a SIP URI with an E.164 user
// part at a Twilio host, i.e. a trunk's termination), { sip } for any other SIP URI, null when
// the value is not a usable destination.
function referTarget(value) {
    const uri = bareUri(value);
    if (uri === null) {
        return null;
    }
    if (/^tel:/i.test(uri)) {
        const number = e164From(uri);
        return number === null ? null : { number: number };
    }
    if (uri.length > MAX_URI_LENGTH || !URI_PATTERN.test(uri)) {
        return null;
    }
    const sip = /^sips?:(?:[^@;?]*(?:;[^@?]*)?@)?([^;?]*)/i.exec(uri);
    if (!sip || pbxHost(sip[1]) === null) {
        return null;
    }
    const number = e164From(uri);
    if (number !== null && isTwilioHost(sip[1])) {
        return { number: number };
    }
    const dialable = dialableSip(uri);
    return dialable.length > MAX_URI_LENGTH ? null : { sip: dialable };
}

function refuse(twiml) {
    twiml.say(REFUSED);
    twiml.hangup();
}

exports.handler = function (context, event, callback) {
    const twiml = new Twilio.twiml.VoiceResponse();
    const request = event || {};
    const leg = request.leg;
    const target = referTarget(request.ReferTransferTarget);
    if (!transfersEnabled() || (leg !== 'outbound' && leg !== 'inbound') || target === null ||
        (target.number !== undefined && BEHAVIOUR.transferMode !== 'enable-all')) {
        refuse(twiml);
        return callback(null, twiml);
    }
    // from-transferee: the party being transferred (outbound leg: the PSTN caller, From;
    // inbound leg: the PSTN callee, To). from-transferor: the other side (outbound: the migrated
    // number, To; inbound: the PBX's caller, From). Only E.164 values are used; without one,
    // BEHAVIOUR.defaultCallerId (as for a PBX extension without a DID), else Twilio's default.
    const transferee = leg === 'outbound' ? request.From : request.To;
    const transferor = leg === 'outbound' ? request.To : request.From;
    let callerId =
        e164From(BEHAVIOUR.transferCallerId === 'from-transferor' ? transferor : transferee);
    if (callerId === null && BEHAVIOUR.defaultCallerId !== '') {
        callerId = BEHAVIOUR.defaultCallerId;
    }
    const attributes = callerId === null ? {} : { callerId: callerId };
    if (target.number !== undefined) {
        twiml.dial(dialAttributes(attributes, null, null)).number(target.number);
    } else {
        twiml.dial(dialAttributes(attributes, null, 'referHandler?leg=' + leg)).sip(target.sip);
    }
    return callback(null, twiml);
};
