#include "sandboxtestclient.h"

#include "sandboxserver.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>

QByteArray SandboxTestClient::Result::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

SandboxTestClient::SandboxTestClient(const SandboxServer &server)
    : m_base(server.baseUrl())
    , m_accountSid(server.accountSid())
{
    setCredentials(server.accountSid(), server.authToken());
}

void SandboxTestClient::setCredentials(const QString &user, const QString &password)
{
    m_authorization = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

QString SandboxTestClient::accountPath() const
{
    return QStringLiteral("/2010-04-01/Accounts/") + m_accountSid;
}

QNetworkRequest SandboxTestClient::request(const QString &path) const
{
    QNetworkRequest req(QUrl(m_base.toString() + path, QUrl::StrictMode));
    if (!m_authorization.isEmpty())
        req.setRawHeader("Authorization", m_authorization);
    return req;
}

QNetworkReply *SandboxTestClient::start(const QByteArray &verb, const QString &path,
                                        const QByteArray &body)
{
    QNetworkRequest req = request(path);
    if (verb == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    return m_nam.sendCustomRequest(req, verb, body);
}

SandboxTestClient::Result SandboxTestClient::finish(QNetworkReply *reply, int timeoutMs)
{
    Result result;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs)) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

SandboxTestClient::Result SandboxTestClient::get(const QString &path)
{
    return finish(start("GET", path));
}

SandboxTestClient::Result SandboxTestClient::post(const QString &path, const QByteArray &formBody)
{
    return finish(start("POST", path, formBody));
}

SandboxTestClient::Result SandboxTestClient::postMultipart(const QString &path,
                                                           const QByteArray &boundary,
                                                           const QByteArray &body)
{
    QNetworkRequest req = request(path);
    req.setHeader(QNetworkRequest::ContentTypeHeader,
                  QByteArray("multipart/form-data; boundary=") + boundary);
    return finish(m_nam.post(req, body));
}

SandboxTestClient::Result SandboxTestClient::del(const QString &path)
{
    return finish(start("DELETE", path));
}

QString SandboxTestClient::errorProblem(const Result &r, int status, int code)
{
    QStringList problems;
    if (r.status != status)
        problems.append(QStringLiteral("HTTP %1, expected %2").arg(r.status).arg(status));
    if (r.json.value(QLatin1String("code")).toInt() != code)
        problems.append(QStringLiteral("code %1, expected %2")
                            .arg(r.json.value(QLatin1String("code")).toInt())
                            .arg(code));
    if (r.json.value(QLatin1String("status")).toInt() != status)
        problems.append(QStringLiteral("body status differs"));
    if (r.json.value(QLatin1String("message")).toString().isEmpty())
        problems.append(QStringLiteral("no message"));
    if (r.json.value(QLatin1String("more_info")).toString() !=
        QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code))
        problems.append(QStringLiteral("more_info does not name the code"));
    if (r.json.size() != 4)
        problems.append(QStringLiteral("%1 keys, expected 4").arg(r.json.size()));
    if (problems.isEmpty())
        return {};
    return problems.join(QStringLiteral("; ")) + QStringLiteral(": ") + QString::fromUtf8(r.body);
}
