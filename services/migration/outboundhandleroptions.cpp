#include "outboundhandleroptions.h"

#include <QCoreApplication>
#include <QSet>

QStringList OutboundHandlerOptions::allowedEdges()
{
    return {
        QStringLiteral("ashburn"),      QStringLiteral("dublin"),       QStringLiteral("frankfurt"),
        QStringLiteral("sao-paulo"),    QStringLiteral("singapore"),    QStringLiteral("sydney"),
        QStringLiteral("tokyo"),        QStringLiteral("umatilla"),     QStringLiteral("roaming"),
        QStringLiteral("ashburn-ix"),   QStringLiteral("san-jose-ix"),  QStringLiteral("london-ix"),
        QStringLiteral("frankfurt-ix"), QStringLiteral("singapore-ix"), QStringLiteral("sydney-ix"),
        QStringLiteral("tokyo-ix")};
}

bool OutboundHandlerOptions::isSipParameterName(const QString &name)
{
    // token (RFC 3261 25.1) minus '%' and '`', which paramchar does not allow unescaped.
    if (name.isEmpty() || name.size() > MaxParameterLength)
        return false;
    for (const QChar c : name) {
        const bool alnum =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (!alnum && !QStringView(u"-.!*_+'~").contains(c))
            return false;
    }
    return true;
}

QString OutboundHandlerOptions::check() const
{
    if (!edge.isEmpty() && !allowedEdges().contains(edge))
        return tr("\"%1\" is not a Twilio edge location; choose one of: %2.")
            .arg(edge.left(64), allowedEdges().join(QLatin1String(", ")));
    if (sipParameters.size() > MaxParameters)
        return tr("At most %1 extra SIP parameters are allowed.").arg(MaxParameters);
    QSet<QString> seen;
    for (const auto &[name, value] : sipParameters) {
        if (!isSipParameterName(name))
            return tr("\"%1\" is not a valid SIP parameter name (letters, digits and - . ! * _ + "
                      "' ~, at most %2 characters).")
                .arg(name.left(64))
                .arg(MaxParameterLength);
        const QString key = name.toLower();
        // These two have their own options; a second copy would make the URI ambiguous.
        if (key == QLatin1String("secure") || key == QLatin1String("edge"))
            return tr("Set \"%1\" with its own option, not as an extra SIP parameter.").arg(name);
        if (seen.contains(key))
            return tr("The SIP parameter \"%1\" is given twice.").arg(name);
        seen.insert(key);
        if (value.size() > MaxParameterLength)
            return tr("The value of the SIP parameter \"%1\" is longer than %2 characters.")
                .arg(name)
                .arg(MaxParameterLength);
    }
    return {};
}
