#include "sipparameters.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SipParameters)
};
} // namespace

SipParameters::SipParameters(const QString &text)
{
    const QStringList entries = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const int equals = entry.indexOf(u'=');
        const QString key = equals < 0 ? entry : entry.left(equals).trimmed();
        const QString value = equals < 0 ? QString() : entry.mid(equals + 1).trimmed();
        m_error = check(key, value);
        if (!m_error.isEmpty()) {
            m_pairs.clear();
            return;
        }
        m_pairs.append({key, value});
    }
}

QString SipParameters::check(const QString &key, const QString &value) const
{
    // RFC 3261 "token" characters, minus the ones that would need escaping in a URI.
    static const QRegularExpression keyRe(QStringLiteral("^[A-Za-z][A-Za-z0-9._-]*$"));
    static const QRegularExpression valueRe(QStringLiteral("^[A-Za-z0-9._~+!*'()%-]+$"));
    if (!keyRe.match(key).hasMatch())
        return Tr::tr("\"%1\" is not a parameter name: use letters, digits, '.', '_' or '-'.")
            .arg(key.left(40));
    if (value.isEmpty())
        return Tr::tr("Parameter \"%1\" needs a value, as in %1=value.").arg(key.left(40));
    if (!valueRe.match(value).hasMatch())
        return Tr::tr(
                   "The value of \"%1\" may hold only letters, digits and . _ ~ + ! * ' ( ) % -.")
            .arg(key.left(40));
    // These have their own checkboxes; a second copy would contradict them.
    static const QStringList reserved{QStringLiteral("secure"), QStringLiteral("edge"),
                                      QStringLiteral("transport")};
    if (reserved.contains(key.toLower()))
        return Tr::tr("Use the checkboxes above for \"%1\".").arg(key);
    for (const auto &pair : m_pairs) {
        if (pair.first.compare(key, Qt::CaseInsensitive) == 0)
            return Tr::tr("Parameter \"%1\" is given twice.").arg(key);
    }
    return {};
}
