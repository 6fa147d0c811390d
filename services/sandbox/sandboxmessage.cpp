#include "sandboxmessage.h"

#include <QJsonDocument>

QByteArray SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

SandboxResponse SandboxResponse::json(int status, const QJsonObject &object)
{
    SandboxResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

SandboxResponse SandboxResponse::noContent()
{
    SandboxResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

SandboxResponse SandboxResponse::error(int status, int code, const QString &message)
{
    return json(status, QJsonObject{
                            {QStringLiteral("code"), code},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("more_info"),
                             QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                            {QStringLiteral("status"), status},
                        });
}

SandboxResponse SandboxResponse::notFound(const QString &resource)
{
    // v1 products name the resource without the version ("/Services/ZS..."), v2010 with it.
    QString shown = resource;
    if (shown.startsWith(QLatin1String("/v1/")))
        shown = shown.mid(3);
    return error(404, 20404, QStringLiteral("The requested resource %1 was not found").arg(shown));
}

SandboxResponse SandboxResponse::missingParameter(const QString &name)
{
    return error(400, 20001,
                 QStringLiteral("Missing required parameter %1 in the post body").arg(name));
}

SandboxResponse SandboxResponse::invalidParameter(const QString &message)
{
    // Twilio answers generic validation failures with the HTTP status as the code.
    return error(400, 400, message);
}
