#include "originationpicker.h"

#include <QRegularExpression>

const OriginationInfo *OriginationPicker::preferred(const QVector<OriginationInfo> &urls)
{
    const OriginationInfo *best = nullptr;
    for (const OriginationInfo &url : urls) {
        if (!url.enabled)
            continue;
        if (!best || url.priority < best->priority ||
            (url.priority == best->priority && url.weight > best->weight))
            best = &url;
    }
    return best;
}

QString OriginationPicker::hostOf(const QString &sipUrl)
{
    QString rest = sipUrl.trimmed();
    bool tls = false;
    if (rest.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive)) {
        rest = rest.mid(4);
    } else if (rest.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive)) {
        rest = rest.mid(5);
        tls = true;
    } else {
        return {};
    }
    // sip:[user@]host[:port][;params][?headers]
    static const QRegularExpression tlsTransport(QStringLiteral(";transport=tls(;|\\?|$)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    tls = tls || tlsTransport.match(rest).hasMatch();
    static const QRegularExpression end(QStringLiteral("[;?]"));
    const qsizetype stop = rest.indexOf(end);
    if (stop >= 0)
        rest.truncate(stop);
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0)
        rest = rest.mid(at + 1);
    // Only plain SIP defaults to 5060; over TLS the default is 5061, so a 5060 there is kept.
    if (!tls && rest.endsWith(QLatin1String(":5060")))
        rest.chop(5);
    return rest.toLower();
}

QString OriginationPicker::defaultPbxDomain(const QVector<OriginationInfo> &urls)
{
    const OriginationInfo *best = preferred(urls);
    return best ? hostOf(best->sipUrl) : QString();
}

QStringList OriginationPicker::firstHosts(const QVector<OriginationInfo> &urls)
{
    const OriginationInfo *best = preferred(urls);
    QStringList hosts;
    for (const OriginationInfo &url : urls) {
        if (!best || !url.enabled || url.priority != best->priority)
            continue;
        const QString host = hostOf(url.sipUrl).section(u':', 0, 0).toLower();
        if (!host.isEmpty() && !hosts.contains(host))
            hosts.append(host);
    }
    return hosts;
}
