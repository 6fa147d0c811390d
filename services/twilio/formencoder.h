#pragma once

#include "twiliohosts.h"

#include <QByteArray>

// application/x-www-form-urlencoded the way Twilio reads it: every byte outside the
// unreserved set is percent-encoded. QUrlQuery leaves '+' alone, which Twilio decodes as a
// space, so an E.164 number would arrive as " 61..."; operator keys such as "StartTime>"
// become "StartTime%3E". Lists are sent by repeating the key.
namespace FormEncoder {

QByteArray encode(const FormFields &fields);
void appendList(FormFields &fields, const QString &key, const QStringList &values);

} // namespace FormEncoder
