#include "sandboxparams.h"

#include "validation.h"

#include <QJsonValue>
#include <QUrl>

namespace SandboxParams {

namespace {
bool isHttpUrl(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}
} // namespace

SandboxResponse invalidUrl(const QString &param, const QString &value)
{
    return SandboxResponse::error(400, 21402,
                                  QStringLiteral("%1 is not a valid URL: %2").arg(param, value));
}

std::optional<SandboxResponse> check(const Field &field, const QString &value)
{
    const QString param = QString::fromLatin1(field.param);
    const auto bad = [](const QString &message) {
        return std::optional(SandboxResponse::invalidParameter(message));
    };
    switch (field.kind) {
    case Kind::Boolean:
        if (value == QLatin1String("true") || value == QLatin1String("false"))
            return std::nullopt;
        return bad(param + QStringLiteral(" must be true or false"));
    case Kind::Enum: {
        const QStringList choices = QString::fromLatin1(field.arg).split(QLatin1Char('|'));
        if (choices.contains(value))
            return std::nullopt;
        return bad(param + QStringLiteral(" must be one of ") + choices.join(QStringLiteral(", ")));
    }
    default:
        break;
    }
    if (value.isEmpty())
        return std::nullopt; // an empty value clears the field
    switch (field.kind) {
    case Kind::Text:
        if (value.size() > 255)
            return bad(param + QStringLiteral(" is longer than 255 characters"));
        return std::nullopt;
    case Kind::Url:
        if (isHttpUrl(value))
            return std::nullopt;
        return invalidUrl(param, value);
    case Kind::Method:
        if (value == QLatin1String("GET") || value == QLatin1String("POST"))
            return std::nullopt;
        return bad(param + QStringLiteral(" must be GET or POST"));
    case Kind::Sid:
    case Kind::RoutingSid:
        if (Validation::isSid(value, field.arg))
            return std::nullopt;
        return bad(param +
                   QStringLiteral(" is not a valid %1 SID").arg(QLatin1String(field.arg, 2)));
    default:
        return std::nullopt;
    }
}

QJsonValue jsonValue(const Field &field, const QString &value)
{
    if (value.isEmpty())
        return QJsonValue();
    if (field.kind == Kind::Boolean)
        return value == QLatin1String("true");
    return value;
}

} // namespace SandboxParams
