#include "sipedgeuris.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
const QString GlobalSuffix = QStringLiteral(".sip.twilio.com");
} // namespace

QStringList SipEdgeUris::edges()
{
    return {QStringLiteral("ashburn"),   QStringLiteral("umatilla"),  QStringLiteral("dublin"),
            QStringLiteral("frankfurt"), QStringLiteral("singapore"), QStringLiteral("tokyo"),
            QStringLiteral("sao-paulo"), QStringLiteral("sydney")};
}

QString SipEdgeUris::edgeHost(const QString &domainName, const QString &edge)
{
    if (!domainName.endsWith(GlobalSuffix, Qt::CaseInsensitive))
        return {};
    const QString prefix = domainName.left(domainName.size() - GlobalSuffix.size());
    if (!checkPrefix(prefix).isEmpty())
        return {};
    return QStringLiteral("%1.sip.%2.twilio.com").arg(prefix.toLower(), edge);
}

QStringList SipEdgeUris::uris(const QString &domainName)
{
    QStringList result{QStringLiteral("sip:") + domainName.toLower()};
    const QStringList all = edges();
    for (const QString &edge : all) {
        const QString host = edgeHost(domainName, edge);
        if (!host.isEmpty())
            result.append(QStringLiteral("sip:") + host);
    }
    return result;
}

QString SipEdgeUris::domainName(const QString &prefix)
{
    return prefix.toLower() + GlobalSuffix;
}

QString SipEdgeUris::checkPrefix(const QString &prefix)
{
    // anchoredPattern, not ^...$: '$' would also match before a final "\n".
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")));
    if (re.match(prefix).hasMatch())
        return {};
    return QCoreApplication::translate(
               "SipEdgeUris", "\"%1\" cannot name a SIP domain: use 1 to 63 letters, digits or "
                              "'-', not starting or ending with '-' (for example acme-pbx).")
        .arg(prefix.left(64));
}
