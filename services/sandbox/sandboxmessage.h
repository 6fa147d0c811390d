#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request as the sandbox sees it. Copied out of QHttpServerRequest at once because
// Qt 6.4 reuses that object for the next request on the same connection, while our answer
// may be sent much later (latency injection).
struct SandboxRequest
{
    QByteArray method; // upper case: GET, POST, DELETE, ...
    QString path;      // decoded path, no query
    QByteArray rawQuery;
    HeaderList headers;
    QByteArray body;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

// One HTTP answer. The transport adds the Twilio-* headers and Content-Length.
struct SandboxResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    HeaderList headers;

    static SandboxResponse json(int status, const QJsonObject &object);
    static SandboxResponse noContent();
    // Twilio's error body: {"code","message","more_info","status"}.
    static SandboxResponse error(int status, int code, const QString &message);
    static SandboxResponse notFound(const QString &resource);
    static SandboxResponse missingParameter(const QString &name);
    static SandboxResponse invalidParameter(const QString &message);
};
