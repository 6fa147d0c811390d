#include "webhookclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace {
bool isLocal(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
           host == QLatin1String("::1");
}

QByteArray formBody(const WebhookSignature::Parameters &parameters)
{
    QByteArray body;
    for (const auto &[name, value] : parameters) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}
} // namespace

WebhookClient::WebhookClient(QNetworkAccessManager *network, const QByteArray &authToken,
                             const QUrl &sandboxBase, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_authToken(authToken)
    , m_sandboxBase(sandboxBase)
{}

QUrl WebhookClient::wireUrl(const QUrl &url) const
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (m_sandboxBase.isValid() && url.host().endsWith(QLatin1String(".twil.io"))) {
        QUrl wire = m_sandboxBase;
        wire.setPath(m_sandboxBase.path() + QStringLiteral("/_functions/") + url.host() +
                     url.path());
        wire.setQuery(url.query(QUrl::FullyEncoded), QUrl::StrictMode);
        return wire;
    }
    // Plain http only to this computer, and only with a sandbox there: a real account's
    // handlers are https, and a signed request must not reach a local service by mistake.
    if (url.scheme() == QLatin1String("https") ||
        (url.scheme() == QLatin1String("http") && isLocal(url.host()) && m_sandboxBase.isValid()))
        return url;
    return {};
}

void WebhookClient::post(const QUrl &url, const WebhookSignature::Parameters &parameters,
                         QObject *context, Callback callback)
{
    const QUrl wire = wireUrl(url);
    if (!wire.isValid()) {
        QMetaObject::invokeMethod(
            context,
            [callback, url] {
                callback(
                    {0,
                     {},
                     tr("%1 is not an https URL; it was not sent.").arg(url.toDisplayString())});
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(wire);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        "X-Twilio-Signature",
        WebhookSignature::sign(m_authToken, url.toString(QUrl::FullyEncoded), parameters));
    request.setRawHeader("User-Agent", "TwilioProxy/1.1 (trunk-migrator verify)");
    send(request, "POST", formBody(parameters), context, std::move(callback));
}

void WebhookClient::control(const QString &path, const WebhookSignature::Parameters &parameters,
                            const QString &accountSid, QObject *context, Callback callback)
{
    sendControl("POST", path, formBody(parameters), accountSid, context, std::move(callback));
}

void WebhookClient::deleteControl(const QString &path, const QString &accountSid, QObject *context,
                                  Callback callback)
{
    sendControl("DELETE", path, {}, accountSid, context, std::move(callback));
}

void WebhookClient::sendControl(const QByteArray &method, const QString &path,
                                const QByteArray &body, const QString &accountSid, QObject *context,
                                Callback callback)
{
    if (!m_sandboxBase.isValid()) {
        QMetaObject::invokeMethod(
            context,
            [callback] {
                callback({0, {}, tr("Not connected to the sandbox.")});
            },
            Qt::QueuedConnection);
        return;
    }
    QUrl url = m_sandboxBase;
    url.setPath(m_sandboxBase.path() + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization",
                         "Basic " + (accountSid.toUtf8() + ':' + m_authToken).toBase64());
    send(request, method, body, context, std::move(callback));
}

void WebhookClient::send(QNetworkRequest request, const QByteArray &method, const QByteArray &body,
                         QObject *context, Callback callback)
{
    request.setTransferTimeout(TimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QPointer<QObject> guard(context);
    // Why the reply was aborted, when it was: too large, or too slow as a whole (the transfer
    // timeout above only ends a silent one; a trickle would keep it alive).
    auto abortedFor = std::make_shared<QString>();
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, abortedFor](qint64 received, qint64) {
                if (received > MaxBody && abortedFor->isEmpty()) {
                    *abortedFor = tr("the answer is larger than %n byte(s)", nullptr, int(MaxBody));
                    reply->abort();
                }
            });
    QTimer::singleShot(TimeoutMs, reply, [reply, abortedFor] {
        if (reply->isRunning() && abortedFor->isEmpty()) {
            *abortedFor = tr("no complete answer within %n second(s)", nullptr, TimeoutMs / 1000);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, reply, [reply, guard, callback, abortedFor] {
        reply->deleteLater();
        if (!guard)
            return;
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->read(MaxBody);
        if (!abortedFor->isEmpty())
            answer.error = *abortedFor;
        else if (answer.status == 0)
            answer.error = tr("no answer: %1").arg(reply->errorString());
        else if (reply->error() != QNetworkReply::NoError &&
                 reply->error() < QNetworkReply::ContentAccessDenied) // transport, not HTTP
            answer.error = tr("the answer broke off: %1").arg(reply->errorString());
        else if (answer.status < 200 || answer.status > 299)
            answer.error = answer.status == 401 || answer.status == 403
                               ? tr("HTTP %1: the handler refused the signed request (is it the "
                                    "account's auth token?)")
                                     .arg(answer.status)
                               : tr("HTTP %1").arg(answer.status);
        callback(answer);
    });
}
