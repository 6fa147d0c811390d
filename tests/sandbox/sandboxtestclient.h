#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

class SandboxServer;

// A thin QNetworkAccessManager wrapper for the sandbox tests: one call, wait for the answer on
// the running event loop (the sandbox answers on the same thread), return what came back.
// Deliberately not the project's REST client: the sandbox is tested on its own.
class SandboxTestClient
{
public:
    struct Result
    {
        int status = 0; // 0 when no HTTP answer (connection closed, timeout)
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QJsonObject json;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    explicit SandboxTestClient(const SandboxServer &server);

    void setCredentials(const QString &user, const QString &password);
    // `path` may carry a query; it is resolved against the sandbox's base URL.
    Result get(const QString &path);
    Result post(const QString &path, const QByteArray &formBody);
    Result postMultipart(const QString &path, const QByteArray &boundary, const QByteArray &body);
    Result del(const QString &path);

    // Starts a request without waiting (for concurrency tests); wait with finish().
    QNetworkReply *start(const QByteArray &verb, const QString &path, const QByteArray &body = {});
    static Result finish(QNetworkReply *reply, int timeoutMs = 10000);

    QString accountPath() const; // "/2010-04-01/Accounts/AC..."

    // Empty when `r` is Twilio's error answer with this HTTP status and code: exactly
    // {"code","message","more_info","status"}, a message, more_info naming the code. Else what
    // differs, for QVERIFY2.
    static QString errorProblem(const Result &r, int status, int code);

private:
    QNetworkRequest request(const QString &path) const;

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_accountSid;
    QByteArray m_authorization;
};
