#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Twilio's X-Twilio-Signature, as Twilio signs its webhook requests and as the `twilio` npm
// package checks them (getExpectedTwilioSignature): base64 of HMAC-SHA1, keyed with the auth
// token, over the full URL (query string included) followed by every POST parameter as
// name + value, names in sorted order (a repeated name: each distinct value once, sorted).
// The sandbox checks it on protected Functions; verify signs its synthetic requests with it.
class WebhookSignature
{
public:
    using Parameters = QList<QPair<QString, QString>>;

    static QByteArray sign(const QByteArray &authToken, const QString &url,
                           const Parameters &parameters);
    // Compared in constant time; an empty signature never matches.
    static bool verify(const QByteArray &authToken, const QByteArray &signature, const QString &url,
                       const Parameters &parameters);
};
