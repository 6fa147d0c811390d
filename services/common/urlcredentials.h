#pragma once

#include <QString>

// A number's existing voice, fallback and status-callback URLs may carry credentials of the
// customer's own systems: "https://user:pass@pbx.example.com/..." or "?api_key=...". The
// journal keeps them exact (a revert must put them back), but everything shown or exported
// (the audit CSV, CLI tables and JSON) passes through here first.
namespace UrlCredentials {

// Every http(s) URL inside `text`: the password of its user info and the values of query
// parameters whose names look secret (key, token, secret, password, signature, auth, ...)
// are replaced by "[redacted]". Everything else is kept, so the URL still says where calls
// went.
QString redact(const QString &text);

} // namespace UrlCredentials
