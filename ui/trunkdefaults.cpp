#include "trunkdefaults.h"

#include "originationpicker.h"

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
    return OriginationPicker::defaultPbxDomain(trunk.originationUrls);
}

QString pbxAddress(const QString &sipUrl)
{
    return OriginationPicker::hostOf(sipUrl);
}

} // namespace TrunkDefaults
