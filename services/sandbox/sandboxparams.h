#pragma once

#include "formparams.h"
#include "sandboxmessage.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// Checks and applies optional form parameters the way Twilio's update endpoints do: each
// problem becomes Twilio's 400 (21402 for a URL, code 400 for any other bad value).
namespace SandboxParams {

enum class Kind {
    Text,       // up to 255 characters; empty clears to null
    Url,        // http(s) with a host; empty clears to null; else 21402
    Method,     // GET or POST; empty clears to null
    Boolean,    // exactly "true" or "false" (empty is refused)
    Enum,       // one of Field::arg ("a|b|c"); empty is refused
    Sid,        // a SID with prefix Field::arg, stored as is; empty clears to null
    RoutingSid, // checked like Sid but not applied: the caller handles its side effects
};

struct Field
{
    const char *param; // form name, e.g. "VoiceUrl"
    const char *field; // JSON field, e.g. "voice_url"
    Kind kind;
    const char *arg = nullptr; // SID prefix (Sid, RoutingSid) or choices "a|b" (Enum)
};

// The 400 for a bad value, or nullopt when it is acceptable.
std::optional<SandboxResponse> check(const Field &field, const QString &value);
// The JSON a form value becomes: null when empty, a bool for Kind::Boolean, else the string.
QJsonValue jsonValue(const Field &field, const QString &value);
// Twilio's invalid-URL answer (400, code 21402) naming the parameter.
SandboxResponse invalidUrl(const QString &param, const QString &value);

// Checks every listed field present in `form`; the first problem, or nullopt.
template<size_t N>
std::optional<SandboxResponse> checkAll(const Field (&fields)[N], const FormParams &form)
{
    for (const Field &field : fields) {
        const QString param = QString::fromLatin1(field.param);
        if (form.contains(param)) {
            if (auto problem = check(field, form.value(param)))
                return problem;
        }
    }
    return std::nullopt;
}

// Copies the present fields into `record` (an empty value clears the field to null).
// RoutingSid fields are skipped: they have side effects the caller handles.
template<size_t N>
void applyAll(const Field (&fields)[N], const FormParams &form, QJsonObject &record)
{
    for (const Field &field : fields) {
        const QString param = QString::fromLatin1(field.param);
        if (form.contains(param) && field.kind != Kind::RoutingSid)
            record.insert(QLatin1String(field.field), jsonValue(field, form.value(param)));
    }
}

} // namespace SandboxParams
