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
    return best ? sipHost(best->sipUrl) : QString();
}

QString sipHost(const QString &sipUrl)
{
    QString rest = sipUrl.trimmed();
    const int colon = rest.indexOf(u':');
    if (rest.startsWith(QLatin1String("sip"), Qt::CaseInsensitive) && colon > 0 && colon <= 4)
        rest = rest.mid(colon + 1);
    const int at = rest.indexOf(u'@');
    if (at >= 0)
        rest = rest.mid(at + 1);
    // The host ends at the port, the parameters or the headers, whichever comes first.
    static const QRegularExpression end(QStringLiteral("[:;?]"));
    const int stop = rest.indexOf(end);
    return (stop >= 0 ? rest.left(stop) : rest).toLower();
}

} // namespace TrunkDefaults
