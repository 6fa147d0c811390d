#include "trunkdefaults.h"

#include <QRegularExpression>

namespace TrunkDefaults {

QString domainPrefix(const QString &trunkName)
{
    static const QRegularExpression notAllowed(QStringLiteral("[^a-z0-9]+"));
    QString prefix = trunkName.toLower().replace(notAllowed, QStringLiteral("-"));
    prefix = prefix.left(63);
    while (prefix.startsWith(u'-'))
        prefix.remove(0, 1);
    while (prefix.endsWith(u'-'))
        prefix.chop(1);
    return prefix;
}

QString pbxDomain(const TrunkSummary &trunk)
{
    const OriginationInfo *best = nullptr;
    for (const OriginationInfo &url : trunk.originationUrls) {
        if (!url.enabled)
            continue;
        if (!best || url.priority < best->priority ||
            (url.priority == best->priority && url.weight > best->weight)) {
            best = &url;
        }
    }
    return best ? pbxAddress(best->sipUrl) : QString();
}

QString pbxAddress(const QString &sipUrl)
{
    QString rest = sipUrl.trimmed();
    bool tls = false;
    const int colon = rest.indexOf(u':');
    if (rest.startsWith(QLatin1String("sip"), Qt::CaseInsensitive) && colon > 0 && colon <= 4) {
        tls = rest.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive);
        rest = rest.mid(colon + 1);
    }
    // sip:[user@]host[:port][;params][?headers]
    static const QRegularExpression tlsTransport(QStringLiteral(";transport=tls(;|\\?|$)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    tls = tls || tlsTransport.match(rest).hasMatch();
    static const QRegularExpression end(QStringLiteral("[;?]"));
    const int stop = rest.indexOf(end);
    if (stop >= 0)
        rest.truncate(stop);
    const int at = rest.lastIndexOf(u'@');
    if (at >= 0)
        rest = rest.mid(at + 1);
    if (!tls && rest.endsWith(QLatin1String(":5060")))
        rest.chop(5);
    return rest.toLower();
}

} // namespace TrunkDefaults
