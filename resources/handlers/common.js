// ---- Helpers shared by the handlers (inserted by Trunk Migrator at generation time) ----
// Twilio Functions have no shared-module mechanism that survives a plain copy to another host,
// so each generated handler carries its own copy of these functions.
// Portable subset: this code also runs in Qt's QJSEngine (Qt 6.4), so no Node `Buffer`, no
// `require`, no named capture groups or lookbehind in regular expressions, nothing newer than
// ES2016 in the library (no String padStart, no Object.entries).
// `Twilio.twiml.VoiceResponse` is the only global the handlers use.

// E.164: '+', a non-zero first digit, 7 to 15 digits in all (same rule as Validation::isE164).
const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;
// RFC 3261 section 25.1, characters allowed unescaped in a URI parameter (paramchar) and in a
// header value (hvalue). Everything else is sent as %XX of its UTF-8 bytes.
const PARAM_CHAR = /^[A-Za-z0-9\-_.!~*'()[\]/:&+$]$/;
const HEADER_CHAR = /^[A-Za-z0-9\-_.!~*'()[\]/?:+$]$/;
// Host name (labels of letters, digits and '-'), optional :port in group 1 (the same rule as
// Validation::checkPbxDomain).
const HOST_PATTERN =
    /^(?=.{1,253}(?::|$))[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::([1-9][0-9]{0,4}))?$/;
// Request parameters are attacker-controlled; nothing legitimate is longer than this.
const MAX_INPUT_LENGTH = 1024;

function percentDecode(text) {
    try {
        return decodeURIComponent(text);
    } catch (e) {
        return null; // malformed %-sequence: treat as no number rather than throw
    }
}

// The URI inside a From/To/Refer-To value: drops a display name and the <> of a name-addr, and
// decodes a fully percent-encoded URI. null for non-strings, empty or over-long values.
function bareUri(value) {
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_INPUT_LENGTH) {
        return null;
    }
    let text = value.trim();
    if (/^(sips?|tel)%3a/i.test(text)) {
        text = percentDecode(text);
        if (text === null) {
            return null;
        }
    }
    // name-addr form: an optional display name (quoted, or words without a scheme) then
    // <URI>. A '<' after the scheme belongs to a hostile parameter, not to a name-addr.
    text = text.replace(/^"(?:[^"\\]|\\.)*"\s*/, '');
    const bracketed = /^[^<:"]*<([^<>]*)>/.exec(text);
    if (bracketed) {
        text = bracketed[1].trim();
    }
    return text;
}

// What the user part of a From/To value dials, with RFC 3966 visual separators and spaces
// removed: "+61255501234", "0255501234", "911". null when it is not '+'/digits only.
function dialledDigits(value) {
    const text = bareUri(value);
    if (text === null) {
        return null;
    }
    let user = text;
    const sip = /^sips?:([^@]*)@/i.exec(text);
    if (sip) {
        user = sip[1];
    } else if (/^tel:/i.test(text)) {
        user = text.slice(4);
    }
    // User or tel parameters (";phone-context=...", ";isub=...") are not part of the number.
    user = percentDecode(user.split(';')[0]);
    if (user === null) {
        return null;
    }
    user = user.replace(/[-.() ]/g, '');
    return /^\+?[0-9]{1,20}$/.test(user) ? user : null;
}

// The E.164 number carried by a From/To request parameter, or null. Accepts "+61...",
// "tel:+61...", "sip:+61...@host[:port][;params][?headers]", the same inside <...> with a display
// name, a percent-encoded user part (sip:%2B61...@host) and a fully percent-encoded URI.
function e164From(value) {
    const digits = dialledDigits(value);
    return digits !== null && E164_PATTERN.test(digits) ? digits : null;
}

// %-escapes every UTF-8 byte of value that `allowed` does not accept (RFC 3261 "escaped").
// encodeURIComponent gives the UTF-8 bytes; a lone surrogate (which it refuses) is sent as
// U+FFFD, as a UTF-8 encoder would.
function sipEscape(value, allowed) {
    let out = '';
    for (const c of String(value)) {
        const code = c.charCodeAt(0);
        if (code < 0x80) {
            const hex = code.toString(16).toUpperCase();
            out += allowed.test(c) ? c : (code < 0x10 ? '%0' : '%') + hex;
        } else {
            let encoded;
            try {
                encoded = encodeURIComponent(c);
            } catch (e) {
                encoded = '%EF%BF%BD';
            }
            out += encoded;
        }
    }
    return out;
}

// A host ("pbx.example.net" or "pbx.example.net:5061"), or null when unusable.
function pbxHost(value) {
    if (typeof value !== 'string') {
        return null;
    }
    const host = value.trim();
    const match = HOST_PATTERN.exec(host);
    if (!match || (match[1] !== undefined && Number(match[1]) > 65535)) {
        return null;
    }
    return host;
}

// True when the trunk let the PBX transfer calls (a REFER is then handed to /referHandler).
function transfersEnabled() {
    return BEHAVIOUR.transferMode === 'enable-all' || BEHAVIOUR.transferMode === 'sip-only';
}

// Adds the <Dial> attributes of an ordinary (non-emergency) call to `attributes`: how long to
// ring, the longest call, the Dial action, the trunk's recording and the REFER handler. The
// twilio package writes attributes in the order they were added, so the XML's order is fixed.
function dialAttributes(attributes, action, referUrl) {
    attributes.timeout = BEHAVIOUR.ringTimeout;
    attributes.timeLimit = BEHAVIOUR.timeLimit;
    if (action) {
        attributes.action = action;
    }
    if (BEHAVIOUR.recordingMode !== 'do-not-record') {
        attributes.record = BEHAVIOUR.recordingMode;
        attributes.trim = BEHAVIOUR.recordingTrim;
    }
    if (referUrl && transfersEnabled()) {
        attributes.referUrl = referUrl;
    }
    return attributes;
}
// ---- end of shared helpers ----
