#include "formparams.h"

#include <QUrl>

namespace {
QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}
} // namespace

FormParams FormParams::parse(const QByteArray &encoded)
{
    FormParams params;
    const QList<QByteArray> items = encoded.split('&');
    for (const QByteArray &item : items) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            params.add(decodeComponent(item), QString());
        else
            params.add(decodeComponent(item.left(eq)), decodeComponent(item.mid(eq + 1)));
    }
    return params;
}

bool FormParams::contains(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return true;
    }
    return false;
}

QString FormParams::value(const QString &key) const
{
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

QStringList FormParams::values(const QString &key) const
{
    QStringList result;
    for (const auto &pair : m_pairs) {
        if (pair.first == key)
            result.append(pair.second);
    }
    return result;
}

QStringList FormParams::keys() const
{
    QStringList result;
    for (const auto &pair : m_pairs) {
        if (!result.contains(pair.first))
            result.append(pair.first);
    }
    return result;
}

QByteArray FormParams::encode() const
{
    QByteArray out;
    for (const auto &pair : m_pairs) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(pair.first) + '=' + QUrl::toPercentEncoding(pair.second);
    }
    return out;
}
