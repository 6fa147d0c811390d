#include "jsonfields.h"

#include <QJsonValue>

namespace JsonFields {

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

std::optional<QString> optStr(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

bool boolean(const QJsonObject &object, const char *key, bool fallback)
{
    return object.value(QLatin1String(key)).toBool(fallback);
}

int integer(const QJsonObject &object, const char *key, int fallback)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isDouble())
        return fallback;
    const double number = value.toDouble();
    return (number >= -2e9 && number <= 2e9) ? static_cast<int>(number) : fallback;
}

int intOrString(const QJsonObject &object, const char *key, int fallback)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().toInt(&ok);
        return ok ? number : fallback;
    }
    return integer(object, key, fallback);
}

} // namespace JsonFields
