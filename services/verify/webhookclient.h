#pragma once

#include "webhooksignature.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

// Sends a request to a voice webhook as Twilio does: POST, form-encoded, signed with the
// account's auth token (X-Twilio-Signature). On the sandbox (a base URL), a Functions URL
// https://<domain><path> is sent to <base>/_functions/<domain><path>, still signed over the
// public URL, as the sandbox checks it (docs/SANDBOX.md, "Functions"). Only https URLs are
// sent (http only to this computer): a webhook may answer with the PBX's address.
class WebhookClient : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        int status = 0;  // HTTP status; 0 when none came
        QByteArray body; // at most MaxBody bytes
        QString error;   // why there is no usable answer; empty when status is 2xx
    };
    using Callback = std::function<void(const Answer &)>;

    WebhookClient(QNetworkAccessManager *network, const QByteArray &authToken,
                  const QUrl &sandboxBase, QObject *parent = nullptr);

    void post(const QUrl &url, const WebhookSignature::Parameters &parameters, QObject *context,
              Callback callback);
    // A sandbox control endpoint (/_sandbox/...): POST (or DELETE, without parameters) with
    // Basic auth (accountSid and the auth token), as the sandbox asks. Fails at once when there
    // is no sandbox.
    void control(const QString &path, const WebhookSignature::Parameters &parameters,
                 const QString &accountSid, QObject *context, Callback callback);
    void deleteControl(const QString &path, const QString &accountSid, QObject *context,
                       Callback callback);
    // The URL a request for `url` is sent to (the sandbox mapping), invalid when refused.
    QUrl wireUrl(const QUrl &url) const;

    static constexpr int TimeoutMs = 15000; // Twilio gives a webhook 15 s
    static constexpr qint64 MaxBody = 1 << 20;

private:
    void send(QNetworkRequest request, const QByteArray &method, const QByteArray &body,
              QObject *context, Callback callback);
    void sendControl(const QByteArray &method, const QString &path, const QByteArray &body,
                     const QString &accountSid, QObject *context, Callback callback);

    QNetworkAccessManager *m_network;
    QByteArray m_authToken;
    QUrl m_sandboxBase;
};
