#pragma once

#include "formparams.h"

#include <QJsonObject>
#include <QString>

// Checks and applies optional form parameters the way Twilio's update endpoints do: each
// returns an empty string when the value is acceptable, else the 400 message.
namespace SandboxParams {

enum class Kind { Text, Url, Method, Boolean, Sid };

struct Field
{
    const char *param; // form name, e.g. "VoiceUrl"
    const char *field; // JSON field, e.g. "voice_url"
    Kind kind;
    const char *sidPrefix = nullptr; // for Kind::Sid
};

QString check(const Field &field, const QString &value);
// The JSON a form value becomes: null when empty, a bool for Kind::Boolean, else the string.
QJsonValue jsonValue(const Field &field, const QString &value);

// Checks every listed field present in `form`; the first problem, or empty.
template<size_t N> QString checkAll(const Field (&fields)[N], const FormParams &form)
{
    for (const Field &field : fields) {
        const QString param = QString::fromLatin1(field.param);
        if (form.contains(param)) {
            const QString problem = check(field, form.value(param));
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

// Copies the present fields into `record` (an empty value clears the field to null).
// SID fields are skipped: they have side effects the caller handles.
template<size_t N>
void applyAll(const Field (&fields)[N], const FormParams &form, QJsonObject &record)
{
    for (const Field &field : fields) {
        const QString param = QString::fromLatin1(field.param);
        if (form.contains(param) && field.kind != Kind::Sid)
            record.insert(QLatin1String(field.field), jsonValue(field, form.value(param)));
    }
}

} // namespace SandboxParams
