#include "sandboxinspector.h"

#include "sandboxprocess.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

bool LiveNumber::operator==(const LiveNumber &o) const
{
    return sid == o.sid && phoneNumber == o.phoneNumber && trunkSid == o.trunkSid &&
           voiceUrl == o.voiceUrl && voiceMethod == o.voiceMethod &&
           voiceFallbackUrl == o.voiceFallbackUrl && voiceFallbackMethod == o.voiceFallbackMethod &&
           statusCallback == o.statusCallback && statusCallbackMethod == o.statusCallbackMethod &&
           voiceApplicationSid == o.voiceApplicationSid;
}

SandboxInspector::SandboxInspector(const SandboxProcess &sandbox)
    : m_baseUrl(sandbox.baseUrl)
    , m_accountSid(sandbox.accountSid)
    , m_authorization(
          "Basic " +
          (sandbox.accountSid + QLatin1Char(':') + sandbox.authToken).toUtf8().toBase64())
{}

QHash<QString, LiveNumber> SandboxInspector::numbers(QString *error)
{
    QHash<QString, LiveNumber> result;
    QString path = QStringLiteral("/2010-04-01/Accounts/%1/IncomingPhoneNumbers.json?PageSize=1000")
                       .arg(m_accountSid);
    while (!path.isEmpty()) {
        QNetworkRequest request(m_baseUrl.resolved(QUrl(path)));
        request.setRawHeader("Authorization", m_authorization);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = m_network.get(request);
        // A test helper: waiting in a local loop is fine here, unlike in production code.
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            *error = reply->errorString();
            return {};
        }
        const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonArray items = page.value(QLatin1String("incoming_phone_numbers")).toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject o = value.toObject();
            auto text = [&o](const char *key) {
                return o.value(QLatin1String(key)).toString();
            };
            LiveNumber n;
            n.sid = text("sid");
            n.phoneNumber = text("phone_number");
            n.trunkSid = text("trunk_sid");
            n.voiceUrl = text("voice_url");
            n.voiceMethod = text("voice_method");
            n.voiceFallbackUrl = text("voice_fallback_url");
            n.voiceFallbackMethod = text("voice_fallback_method");
            n.statusCallback = text("status_callback");
            n.statusCallbackMethod = text("status_callback_method");
            n.voiceApplicationSid = text("voice_application_sid");
            result.insert(n.sid, n);
        }
        path = page.value(QLatin1String("next_page_uri")).toString();
    }
    return result;
}

QHash<QString, LiveNumber> SandboxInspector::onTrunk(const QHash<QString, LiveNumber> &numbers,
                                                     const QString &trunkSid)
{
    QHash<QString, LiveNumber> result;
    for (const LiveNumber &n : numbers) {
        if (n.trunkSid == trunkSid)
            result.insert(n.sid, n);
    }
    return result;
}

QStringList SandboxInspector::offTrunkWithoutUrl(const QHash<QString, LiveNumber> &numbers,
                                                 const QHash<QString, LiveNumber> &initial,
                                                 const QString &voiceUrl)
{
    QStringList bad;
    for (const LiveNumber &before : initial) {
        const LiveNumber now = numbers.value(before.sid);
        if (now.trunkSid.isEmpty() && now.voiceUrl != voiceUrl)
            bad.append(before.sid);
    }
    return bad;
}

bool SandboxInspector::simulateCall(const QString &from, const QString &to, QString *error)
{
    // '+' must travel as %2B in a form body, or it decodes as a space.
    return control(QStringLiteral("/_sandbox/SimulateCall"),
                   "From=" + QUrl::toPercentEncoding(from) + "&To=" + QUrl::toPercentEncoding(to),
                   error);
}

bool SandboxInspector::setFaults(const QByteArray &form, QString *error)
{
    return control(QStringLiteral("/_sandbox/Faults"), form, error);
}

bool SandboxInspector::control(const QString &path, const QByteArray &body, QString *error)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(path)));
    request.setRawHeader("Authorization", m_authorization);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        *error = reply->errorString() + QLatin1Char(' ') + QString::fromUtf8(reply->readAll());
        return false;
    }
    return true;
}
