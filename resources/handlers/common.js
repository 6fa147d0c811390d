// ---- Helpers shared by both handlers (inserted by Trunk Migrator at generation time) ----
// Twilio Functions have no shared-module mechanism that survives a plain copy to another host,
// so each generated handler carries its own copy of these few functions.

// E.164: '+', a non-zero first digit, 7 to 15 digits in all (same rule as Validation::isE164).
const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;
// RFC 3261 section 25.1, characters allowed unescaped in a URI parameter (paramchar) and in a
// header value (hvalue). Everything else is sent as %XX of its UTF-8 bytes.
const PARAM_CHAR = /^[A-Za-z0-9\-_.!~*'()[\]/:&+$]$/;
const HEADER_CHAR = /^[A-Za-z0-9\-_.!~*'()[\]/?:+$]$/;
// Host name (labels of letters, digits and '-'), optional :port (Validation::isHostName).
const HOST_PATTERN =
    /^(?=.{1,253}(?::|$))[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::(?<port>[1-9][0-9]{0,4}))?$/;
// Request parameters are attacker-controlled; nothing legitimate is longer than this.
const MAX_INPUT_LENGTH = 1024;

function percentDecode(text) {
    try {
        return decodeURIComponent(text);
    } catch (e) {
        return null; // malformed %-sequence: treat as no number rather than throw
    }
}

// The E.164 number carried by a From/To request parameter, or null. Accepts "+61...",
// "tel:+61...", "sip:+61...@host[:port][;params][?headers]", the same inside <...> with a display
// name, a percent-encoded user part (sip:%2B61...@host) and a fully percent-encoded URI.
function e164From(value) {
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
    // RFC 3966 visual separators may appear inside a global number.
    user = user.replace(/[-.()]/g, '');
    return E164_PATTERN.test(user) ? user : null;
}

// %-escapes every UTF-8 byte of value that `allowed` does not accept (RFC 3261 "escaped").
function sipEscape(value, allowed) {
    let out = '';
    for (const byte of Buffer.from(String(value), 'utf8')) {
        const c = String.fromCharCode(byte);
        out += byte < 0x80 && allowed.test(c)
            ? c
            : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}

// The PBX host ("pbx.example.net" or "pbx.example.net:5061"), or null when unusable.
function pbxHost(value) {
    if (typeof value !== 'string') {
        return null;
    }
    const host = value.trim();
    const match = HOST_PATTERN.exec(host);
    if (!match || (match.groups.port !== undefined && Number(match.groups.port) > 65535)) {
        return null;
    }
    return host;
}
// ---- end of shared helpers ----
