#pragma once

#include <QString>
#include <QUrl>

// Checks for user and server input, shared by the client, the engine, the CLI and the wizard.
// Each returns an empty string when the input is acceptable, or a short sentence (already
// translated) saying what is wrong, so callers can show it as it is.
namespace Validation {

// A Twilio SID: two-letter prefix then 32 hex digits, e.g. "AC" + 32 hex.
bool isSid(const QString &value, const char prefix[3]);
QString checkSid(const QString &value, const char prefix[3], const QString &what);

// The secret that goes with the SID: an account's auth token is 32 hexadecimal digits, an API
// key's secret 32 letters and digits. The sentence never repeats the value.
QString checkAuthToken(const QString &value);
QString checkApiKeySecret(const QString &value);

// E.164: '+', a non-zero country code digit, 7 to 15 digits in all.
bool isE164(const QString &value);
QString checkE164(const QString &value);

// A URL Twilio may call or that we call: https, or http only to a loopback host.
bool isLoopbackHost(const QString &host);
QString checkWebhookUrl(const QUrl &url);
QString checkApiBaseUrl(const QUrl &url);
// Empty when value can be the handlers' PBX_DOMAIN ("host" or "host:port"), else a sentence.
// Stricter than isHostName: the value is written into .env, where a line break would start a
// new variable.
QString checkPbxDomain(const QString &value);

// A DNS host name (labels of letters, digits and '-', not starting or ending with '-').
bool isHostName(const QString &value);

} // namespace Validation
