#pragma once

#include "jsonfields.h"
#include "twiliohosts.h" // FormFields

#include <QJsonObject>
#include <QString>

#include <cstddef>
#include <optional>
#include <variant>

// A resource's fields and their names on the wire, declared once per resource as a table:
// parsing an answer and building a form or a query are loops over it, not a line per field.
//   static const WireField<SipDomain> fields[] = {{"sid", &SipDomain::sid}, ...};
//   SipDomain domain = readFields(json, fields);
template<class S> struct WireField
{
    const char *name; // "voice_url" in JSON, "VoiceUrl" in a form
    std::variant<QString S::*, std::optional<QString> S::*, bool S::*, std::optional<bool> S::*,
                 int S::*>
        member;
};

namespace WireFieldsDetail {

inline void read(QString &to, const QJsonObject &json, const char *key)
{
    to = JsonFields::str(json, key);
}
inline void read(std::optional<QString> &to, const QJsonObject &json, const char *key)
{
    to = JsonFields::optStr(json, key);
}
inline void read(bool &to, const QJsonObject &json, const char *key)
{
    to = JsonFields::boolean(json, key);
}
inline void read(std::optional<bool> &to, const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    to = value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
}
inline void read(int &to, const QJsonObject &json, const char *key)
{
    to = JsonFields::intOrString(json, key); // Twilio sends some numbers as strings
}

// Unset optionals are not sent (Twilio keeps the field); a set empty string is sent empty,
// which clears it; a plain string is sent when not empty.
inline void put(FormFields &form, const char *key, const std::optional<QString> &value)
{
    if (value)
        form.append({QLatin1String(key), *value});
}
inline void put(FormFields &form, const char *key, const std::optional<bool> &value)
{
    if (value)
        form.append(
            {QLatin1String(key), *value ? QStringLiteral("true") : QStringLiteral("false")});
}
inline void put(FormFields &form, const char *key, const QString &value)
{
    if (!value.isEmpty())
        form.append({QLatin1String(key), value});
}
inline void put(FormFields &form, const char *key, bool value)
{
    form.append({QLatin1String(key), value ? QStringLiteral("true") : QStringLiteral("false")});
}
inline void put(FormFields &form, const char *key, int value)
{
    form.append({QLatin1String(key), QString::number(value)});
}

} // namespace WireFieldsDetail

// The fields of `json` named in the table; the rest of the struct is default.
template<class S, std::size_t N>
S readFields(const QJsonObject &json, const WireField<S> (&fields)[N])
{
    S value;
    for (const WireField<S> &field : fields)
        std::visit([&](auto member) { WireFieldsDetail::read(value.*member, json, field.name); },
                   field.member);
    return value;
}

// The form (or query) of `value`, in the table's order.
template<class S, std::size_t N>
FormFields formFields(const S &value, const WireField<S> (&fields)[N])
{
    FormFields form;
    for (const WireField<S> &field : fields)
        std::visit([&](auto member) { WireFieldsDetail::put(form, field.name, value.*member); },
                   field.member);
    return form;
}
