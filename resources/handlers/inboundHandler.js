// Trunk Migrator: /inboundHandler, calls from the PBX to the PSTN.
// The SIP Domain's voice URL points here. Twilio passes the PBX's Request-URI as event.To
// (sip:+61255501234@acme.sip.twilio.com;transport=tls) and its From as event.From. We dial the
// E.164 number inside <Dial><Number>, with the PBX's caller ID.
'use strict';

// @@TM_COMMON@@

exports.handler = function (context, event, callback) {
    const twiml = new Twilio.twiml.VoiceResponse();
    const request = event || {};
    const to = e164From(request.To);
    const from = e164From(request.From);
    // Without a valid caller ID Twilio refuses a PSTN <Dial> (error 13214) after answering the
    // PBX's leg; rejecting up front gives the PBX an immediate, clean SIP failure instead.
    if (to === null || from === null) {
        twiml.reject({ reason: 'rejected' });
        return callback(null, twiml);
    }
    // answerOnBridge keeps the PBX's leg unanswered until the far end answers, as a trunk did:
    // the PBX hears real ringback and failed calls are not billed as answered.
    twiml.dial({ answerOnBridge: true, callerId: from }).number(to);
    return callback(null, twiml);
};
