#include "formencoder.h"

#include <QStringList>

namespace FormEncoder {

QByteArray encode(const FormFields &fields)
{
    QByteArray out;
    for (const auto &field : fields) {
        if (!out.isEmpty())
            out += '&';
        // toPercentEncoding keeps only A-Z a-z 0-9 - . _ ~ as they are.
        out += QUrl::toPercentEncoding(field.first);
        out += '=';
        out += QUrl::toPercentEncoding(field.second);
    }
    return out;
}

void appendList(FormFields &fields, const QString &key, const QStringList &values)
{
    for (const QString &value : values)
        fields.append({key, value});
}

} // namespace FormEncoder
