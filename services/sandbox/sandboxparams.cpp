#include "sandboxparams.h"

#include "validation.h"

#include <QJsonValue>
#include <QUrl>

namespace SandboxParams {

QString check(const Field &field, const QString &value)
{
    if (value.isEmpty())
        return {}; // an empty value clears the field
    const QString param = QString::fromLatin1(field.param);
    switch (field.kind) {
    case Kind::Text:
        return value.size() > 255 ? param + QStringLiteral(" is longer than 255 characters")
                                  : QString();
    case Kind::Url: {
        const QUrl url(value, QUrl::StrictMode);
        const bool ok =
            url.isValid() && !url.host().isEmpty() &&
            (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
        return ok ? QString() : param + QStringLiteral(" is not a valid URL: ") + value;
    }
    case Kind::Method:
        return value == QLatin1String("GET") || value == QLatin1String("POST")
                   ? QString()
                   : param + QStringLiteral(" must be GET or POST");
    case Kind::Boolean:
        return value == QLatin1String("true") || value == QLatin1String("false")
                   ? QString()
                   : param + QStringLiteral(" must be true or false");
    case Kind::Sid:
        return Validation::isSid(value, field.sidPrefix)
                   ? QString()
                   : param + QStringLiteral(" is not a valid %1 SID")
                                 .arg(QLatin1String(field.sidPrefix, 2));
    }
    return {};
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
