// Trunk Migrator: /outboundHandler, calls from the PSTN to the PBX.
// Each migrated number's voice URL points here. The environment variable PBX_DOMAIN (set by
// Trunk Migrator on the Functions environment) names the PBX; the called number (event.To) is
// sent as the user part of the SIP URI, as the trunk's origination did.
'use strict';

// @@TM_COMMON@@

// Chosen in Trunk Migrator when this file was generated: { secure, edge, userToUser,
// parameters: [[name, value], ...] }. Written as JSON, never spliced from raw text.
const OPTIONS = __TM_OPTIONS__;

function sipUri(number, host, callSid) {
    let uri = 'sip:' + number + '@' + host;
    if (OPTIONS.secure) {
        uri += ';secure=true';
    }
    if (OPTIONS.edge) {
        uri += ';edge=' + sipEscape(OPTIONS.edge, PARAM_CHAR);
    }
    for (const [name, value] of OPTIONS.parameters) {
        uri += ';' + sipEscape(name, PARAM_CHAR);
        if (value !== '') {
            uri += '=' + sipEscape(value, PARAM_CHAR);
        }
    }
    if (OPTIONS.userToUser && typeof callSid === 'string' && callSid !== '' &&
        callSid.length <= MAX_INPUT_LENGTH) {
        uri += '?User-to-User=' + sipEscape(callSid, HEADER_CHAR);
    }
    return uri;
}

exports.handler = function (context, event, callback) {
    const twiml = new Twilio.twiml.VoiceResponse();
    const request = event || {};
    const host = pbxHost((context || {}).PBX_DOMAIN);
    // A missing PBX_DOMAIN is our configuration error, not the caller's: a <Reject> would sound
    // like a dead number and leave no clue, while a short message tells whoever makes the
    // step-2 test call what is wrong, and the log line shows in the Functions console.
    if (host === null) {
        console.error('PBX_DOMAIN is missing or is not a host name; the call was not routed.');
        twiml.say('This number cannot take calls yet because its routing is not configured.');
        twiml.hangup();
        return callback(null, twiml);
    }
    const to = e164From(request.To);
    if (to === null) {
        twiml.reject({ reason: 'rejected' });
        return callback(null, twiml);
    }
    // Withheld or malformed caller IDs are left to Twilio's default (the caller's own From).
    const from = e164From(request.From);
    const dial = from === null ? twiml.dial() : twiml.dial({ callerId: from });
    dial.sip(sipUri(to, host, request.CallSid));
    return callback(null, twiml);
};
