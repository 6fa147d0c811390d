// Trunk Migrator: /outboundHandler, calls from the PSTN to the PBX.
// Each migrated number's voice URL points here. It dials the trunk's origination targets in the
// trunk's order (priority, then weight) and fails over as the trunk did: the Dial action comes
// back here with ?attempt=N, and the next target is tried, until one answers, the callee's side
// gives a final answer, or every target failed (then the disaster-recovery URL, if any).
// The called number (event.To) is the user part of each SIP URI, as in the trunk's origination.
'use strict';

// Chosen in Trunk Migrator when this file was generated: { secure, edge, userToUser,
// parameters: [[name, value], ...] }. Written as JSON, never spliced from raw text.
const OPTIONS = __TM_OPTIONS__;
// What the trunk did for a call (CallBehaviour, see docs/HANDLERS.md for the fields).
const BEHAVIOUR = __TM_BEHAVIOUR__;

// The shared helpers read BEHAVIOUR: declared above them.
// @@TM_COMMON@@

// Final SIP answers after which the trunk does not try its next origination URL: they are
// answers about the callee, not about the route. From Twilio's Elastic SIP Trunking origination
// documentation (twilio.com/docs/sip-trunking, "Origination", failover), as recorded in
// shared/twilio-api.md section 6; every 6xx (global failure) is final as well. 487 (Request
// Terminated) is final too: the PBX sent it on its own, or Twilio cancelled a call that rang
// for the whole ring time (no-answer with 487). A no-answer without it means the target never
// answered the INVITE, which fails over as the trunk did on silence.
const NO_FAILOVER_CODES = [400, 404, 405, 410, 416, 482, 484, 486, 487];
// Of those, the ones that mean "busy" and are passed on to the caller as a busy signal.
const BUSY_CODES = [486, 600];
// Relative to this Function's own URL (RFC 3986, as Twilio resolves them): the three handlers
// are served side by side, at whatever path they share.
const ACTION_PATH = 'outboundHandler';
const REFER_URL = 'referHandler?leg=outbound';
const NOT_CONNECTED = 'We could not connect your call. Please try again later.';
// CNAM is at most 15 characters in North America; longer names are cut to keep the URI short.
const MAX_CALLER_NAME = 48;

// FNV-1a, 32 bits, over the UTF-16 code units of text.
function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}

// mulberry32: a small, well-mixed 32-bit generator; numbers in [0, 1).
function mulberry32(seed) {
    let state = seed >>> 0;
    return function () {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// The order in which this call tries the targets: ascending priority; within one priority a
// weighted random order (each next target is drawn with probability weight / remaining weight).
// The draw is seeded with the CallSid: this Function keeps no state, and every request of one
// call (the first and each Dial action) must compute the same order.
function targetOrder(targets, callSid) {
    const seed = typeof callSid === 'string' && callSid.length <= MAX_INPUT_LENGTH ? callSid : '';
    const random = mulberry32(fnv1a(seed));
    const priorities = [];
    for (const target of targets) {
        if (priorities.indexOf(target.priority) < 0) {
            priorities.push(target.priority);
        }
    }
    priorities.sort((a, b) => a - b);
    const order = [];
    for (const priority of priorities) {
        const pool = targets.filter((target) => target.priority === priority);
        while (pool.length > 0) {
            let total = 0;
            for (const target of pool) {
                total += target.weight;
            }
            let point = random() * total;
            let index = 0;
            while (index < pool.length - 1 && point >= pool[index].weight) {
                point -= pool[index].weight;
                index++;
            }
            order.push(pool.splice(index, 1)[0]);
        }
    }
    return order;
}

function uriParameter(name, value) {
    const text = ';' + sipEscape(name, PARAM_CHAR);
    return value === '' ? text : text + '=' + sipEscape(value, PARAM_CHAR);
}

// sip:<number>@<host[:port]>[;target's parameters][;secure=true][;edge=..][;options' parameters]
// [?User-to-User=<CallSid>][&X-Caller-Name=<name>]. A target parameter that an option also sets
// is left out: the choice made in Trunk Migrator wins, and no name appears twice.
function sipUri(number, target, request) {
    const chosen = [];
    if (OPTIONS.secure) {
        chosen.push('secure');
    }
    if (OPTIONS.edge) {
        chosen.push('edge');
    }
    for (const parameter of OPTIONS.parameters) {
        chosen.push(parameter[0].toLowerCase());
    }
    let uri = 'sip:' + number + '@' + target.host;
    for (const parameter of target.parameters) {
        if (chosen.indexOf(parameter[0].toLowerCase()) < 0) {
            uri += uriParameter(parameter[0], parameter[1]);
        }
    }
    if (OPTIONS.secure) {
        uri += ';secure=true';
    }
    if (OPTIONS.edge) {
        uri += ';edge=' + sipEscape(OPTIONS.edge, PARAM_CHAR);
    }
    for (const parameter of OPTIONS.parameters) {
        uri += uriParameter(parameter[0], parameter[1]);
    }
    const headers = [];
    const callSid = request.CallSid;
    if (OPTIONS.userToUser && typeof callSid === 'string' && callSid !== '' &&
        callSid.length <= MAX_INPUT_LENGTH) {
        headers.push('User-to-User=' + sipEscape(callSid, HEADER_CHAR));
    }
    const name = typeof request.CallerName === 'string' ? request.CallerName.trim() : '';
    if (BEHAVIOUR.passCallerName && name !== '' && name.length <= MAX_INPUT_LENGTH) {
        let kept = '';
        let count = 0;
        for (const c of name) {
            if (count++ === MAX_CALLER_NAME) {
                break;
            }
            kept += c;
        }
        headers.push('X-Caller-Name=' + sipEscape(kept, HEADER_CHAR));
    }
    return headers.length > 0 ? uri + '?' + headers.join('&') : uri;
}

// Dials order[index]; its action comes back here as attempt index + 1.
function dialTarget(twiml, order, index, to, from, request) {
    const attributes = { answerOnBridge: true };
    if (from !== null) {
        attributes.callerId = from;
    }
    dialAttributes(attributes, ACTION_PATH + '?attempt=' + (index + 1), REFER_URL);
    twiml.dial(attributes).sip(sipUri(to, order[index], request));
}

// The number of targets already tried, 1..count, or null for anything else.
function attemptNumber(value, count) {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^[1-9][0-9]{0,5}$/.test(text)) {
        return null;
    }
    const attempt = Number(text);
    return attempt <= count ? attempt : null;
}

function sipCode(value) {
    const text = typeof value === 'number' ? String(value) : value;
    return typeof text === 'string' && /^[1-9][0-9]{2}$/.test(text) ? Number(text) : 0;
}

function isFinalAnswer(code) {
    return NO_FAILOVER_CODES.indexOf(code) >= 0 || (code >= 600 && code <= 699);
}

// Every target failed: fetch the disaster-recovery URL as the trunk did, or say so and hang up.
function exhausted(twiml) {
    if (BEHAVIOUR.disasterRecoveryUrl !== '') {
        twiml.redirect({ method: BEHAVIOUR.disasterRecoveryMethod }, BEHAVIOUR.disasterRecoveryUrl);
    } else {
        twiml.say(NOT_CONNECTED);
        twiml.hangup();
    }
}

exports.handler = function (context, event, callback) {
    const twiml = new Twilio.twiml.VoiceResponse();
    const request = event || {};
    let targets = BEHAVIOUR.targets;
    if (targets.length === 0) {
        const host = pbxHost((context || {}).PBX_DOMAIN);
        // A missing PBX_DOMAIN is our configuration error, not the caller's: a <Reject> would
        // sound like a dead number and leave no clue, while a short message tells whoever makes
        // the step-2 test call what is wrong, and the log line shows in the Functions console.
        if (host === null) {
            // console is a host object: present on Twilio, maybe not in another engine.
            if (typeof console !== 'undefined') {
                console.error('PBX_DOMAIN is missing or is not a host name; the call was not ' +
                              'routed.');
            }
            twiml.say('This number cannot take calls yet because its routing is not configured.');
            twiml.hangup();
            return callback(null, twiml);
        }
        targets = [{ host: host, parameters: [], priority: 10, weight: 10 }];
    }
    const to = e164From(request.To);
    if (to === null) {
        twiml.reject({ reason: 'rejected' });
        return callback(null, twiml);
    }
    // Withheld or malformed caller IDs are left to Twilio's default (the caller's own From).
    const from = e164From(request.From);
    const order = targetOrder(targets, request.CallSid);
    if (request.attempt === undefined) {
        dialTarget(twiml, order, 0, to, from, request);
        return callback(null, twiml);
    }
    // A Dial action: what became of the last target decides whether to try the next one.
    const status = typeof request.DialCallStatus === 'string' ? request.DialCallStatus : '';
    const code = sipCode(request.DialSipResponseCode);
    if (status === 'completed' || status === 'answered' || status === 'canceled') {
        twiml.hangup();
    } else if (status === 'busy' || isFinalAnswer(code)) {
        // The callee's side answered for good: no other target would do better.
        if (status === 'busy' || BUSY_CODES.indexOf(code) >= 0) {
            twiml.reject({ reason: 'busy' });
        } else {
            twiml.hangup();
        }
    } else {
        const attempt = attemptNumber(request.attempt, order.length);
        if (attempt !== null && attempt < order.length) {
            dialTarget(twiml, order, attempt, to, from, request);
        } else {
            exhausted(twiml);
        }
    }
    return callback(null, twiml);
};
