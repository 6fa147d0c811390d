#include "callsimulator.h"

#include "functionhost.h"

#include "sandboxcontext.h"
#include "sandboxrecords.h"
#include "serverlessscope.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

namespace {
const QString kCalls = QStringLiteral("Calls");

QString sidOf(const QJsonObject &record)
{
    return record.value(QLatin1String("sid")).toString();
}
} // namespace

std::optional<QList<QJsonObject>> CallSimulator::simulate(SandboxContext &c, const QString &from,
                                                          const QString &to, QString *error)
{
    if (Validation::isE164(to)) {
        const QList<QJsonObject> numbers = c.store.list(QStringLiteral("IncomingPhoneNumbers"));
        for (const QJsonObject &number : numbers) {
            if (number.value(QLatin1String("phone_number")).toString() == to)
                return callToNumber(c, from, number);
        }
        *error = QStringLiteral("%1 is not a phone number of this account").arg(to);
        return std::nullopt;
    }
    return callFromDomain(c, from, to, error);
}

QJsonObject CallSimulator::childLeg(SandboxContext &c, const QJsonObject &parent,
                                    const QString &from, const QString &to)
{
    QJsonObject child = SandboxRecords::call(c, from, to, QStringLiteral("outbound-dial"));
    child.insert(QLatin1String("parent_call_sid"), sidOf(parent));
    child.insert(QLatin1String("start_time"), parent.value(QLatin1String("start_time")));
    return child;
}

std::optional<QList<QJsonObject>>
CallSimulator::callToNumber(SandboxContext &c, const QString &from, const QJsonObject &number)
{
    const QString to = number.value(QLatin1String("phone_number")).toString();
    const QString trunkSid = number.value(QLatin1String("trunk_sid")).toString();
    QJsonObject parent = SandboxRecords::call(
        c, from, to,
        trunkSid.isEmpty() ? QStringLiteral("inbound") : QStringLiteral("trunking-originating"));
    parent.insert(QLatin1String("phone_number_sid"), sidOf(number));
    if (!trunkSid.isEmpty())
        parent.insert(QLatin1String("trunk_sid"), trunkSid);
    QList<QJsonObject> legs{parent};
    // A trunk routes the call itself; only a number left to its voice_url reaches a Function.
    const QString pbxDomain =
        trunkSid.isEmpty() ? pbxDomainFor(c, number.value(QLatin1String("voice_url")).toString())
                           : QString();
    if (!pbxDomain.isEmpty())
        legs.append(childLeg(c, parent, from, QStringLiteral("sip:%1@%2").arg(to, pbxDomain)));
    for (const QJsonObject &leg : legs)
        c.store.insert(kCalls, leg);
    return legs;
}

QString CallSimulator::pbxDomainFor(SandboxContext &c, const QString &voiceUrl)
{
    const QUrl url(voiceUrl);
    if (url.scheme() != QLatin1String("https") || url.path() != QLatin1String("/outboundHandler"))
        return {};
    const auto function = FunctionHost::find(c, url.host(), url.path());
    return function ? function->variables.value(QLatin1String("PBX_DOMAIN")).toString() : QString();
}

std::optional<QList<QJsonObject>> CallSimulator::callFromDomain(SandboxContext &c,
                                                                const QString &from,
                                                                const QString &to, QString *error)
{
    static const QRegularExpression sipUri(QStringLiteral("^sip:(\\+[0-9]+)@([A-Za-z0-9.-]+)\\z"));
    const auto fromMatch = sipUri.match(from);
    const auto toMatch = sipUri.match(to);
    if (!fromMatch.hasMatch() || !toMatch.hasMatch() || !Validation::isE164(toMatch.captured(1)) ||
        !Validation::isE164(fromMatch.captured(1))) {
        *error = QStringLiteral("To must be an E.164 number of this account, or From and To "
                                "sip:+E164@<SIP domain> URIs");
        return std::nullopt;
    }
    const QString host = toMatch.captured(2).toLower();
    bool known = false;
    const QList<QJsonObject> domains = c.store.list(QStringLiteral("Domains"));
    for (const QJsonObject &domain : domains)
        known |= domain.value(QLatin1String("domain_name")).toString() == host;
    if (!known || fromMatch.captured(2).toLower() != host) {
        *error = QStringLiteral("%1 is not a SIP domain of this account").arg(host);
        return std::nullopt;
    }
    const QJsonObject parent = SandboxRecords::call(c, from, to, QStringLiteral("inbound"));
    const QJsonObject child = childLeg(c, parent, fromMatch.captured(1), toMatch.captured(1));
    c.store.insert(kCalls, parent);
    c.store.insert(kCalls, child);
    return QList<QJsonObject>{parent, child};
}
