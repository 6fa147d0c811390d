#include "callsimulator.h"

#include "calltargets.h"
#include "sandboxcontext.h"
#include "sandboxrecords.h"
#include "twimlcall.h"
#include "validation.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace {
const QString kCalls = QStringLiteral("Calls");

QString sidOf(const QJsonObject &record)
{
    return record.value(QLatin1String("sid")).toString();
}

QString field(const QJsonObject &record, const char *name)
{
    return record.value(QLatin1String(name)).toString();
}

// The parameters of Twilio's voice webhook for a new inbound call.
WebhookSignature::Parameters webhookParameters(const SandboxContext &c, const QJsonObject &parent)
{
    return {{QStringLiteral("AccountSid"), c.accountSid},
            {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
            {QStringLiteral("CallSid"), sidOf(parent)},
            {QStringLiteral("CallStatus"), QStringLiteral("ringing")},
            {QStringLiteral("Called"), field(parent, "to")},
            {QStringLiteral("Caller"), field(parent, "from")},
            {QStringLiteral("Direction"), QStringLiteral("inbound")},
            {QStringLiteral("From"), field(parent, "from")},
            {QStringLiteral("To"), field(parent, "to")}};
}

// Emergency numbers of the countries the handlers know (resources/handlers/common.js).
bool isEmergency(const QString &user)
{
    static const QStringList numbers{
        QStringLiteral("911"), QStringLiteral("933"), QStringLiteral("112"), QStringLiteral("999"),
        QStringLiteral("000"), QStringLiteral("106"), QStringLiteral("111"), QStringLiteral("110"),
        QStringLiteral("15"),  QStringLiteral("17"),  QStringLiteral("18")};
    return numbers.contains(user);
}

void follow(SandboxContext &c, const QJsonObject &record, CallSimulator::Call *call)
{
    TwimlCall twiml(c, call->legs.first());
    twiml.follow(QUrl(field(record, "voice_url")), QUrl(field(record, "voice_fallback_url")),
                 webhookParameters(c, call->legs.first()));
    call->legs.first().insert(QLatin1String("status"), twiml.parentStatus());
    call->legs.append(twiml.childLegs());
    for (const QJsonValue &step : twiml.route())
        call->route.append(step);
}

void store(SandboxContext &c, const CallSimulator::Call &call)
{
    for (const QJsonObject &leg : call.legs)
        c.store.insert(kCalls, leg);
}
} // namespace

std::optional<CallSimulator::Call> CallSimulator::simulate(SandboxContext &c, const QString &from,
                                                           const QString &to, QString *error)
{
    if (Validation::isE164(to)) {
        const QList<QJsonObject> numbers = c.store.list(QStringLiteral("IncomingPhoneNumbers"));
        for (const QJsonObject &number : numbers) {
            if (field(number, "phone_number") == to)
                return callToNumber(c, from, number);
        }
        *error = QStringLiteral("%1 is not a phone number of this account").arg(to);
        return std::nullopt;
    }
    return callToDomain(c, from, to, error);
}

CallSimulator::Call CallSimulator::callToNumber(SandboxContext &c, const QString &from,
                                                const QJsonObject &number)
{
    const QString to = field(number, "phone_number");
    const QString trunkSid = field(number, "trunk_sid");
    QJsonObject parent = SandboxRecords::call(
        c, from, to,
        trunkSid.isEmpty() ? QStringLiteral("inbound") : QStringLiteral("trunking-originating"));
    parent.insert(QLatin1String("phone_number_sid"), sidOf(number));
    if (!trunkSid.isEmpty())
        parent.insert(QLatin1String("trunk_sid"), trunkSid);
    Call call{{parent}, {}};
    // A trunk routes the call itself; only a number left to its voice_url reaches a Function.
    if (!trunkSid.isEmpty())
        viaTrunk(c, trunkSid, &call);
    else if (!field(number, "voice_url").isEmpty())
        follow(c, number, &call);
    else
        call.legs.first().insert(QLatin1String("status"), QStringLiteral("failed"));
    store(c, call);
    return call;
}

void CallSimulator::viaTrunk(SandboxContext &c, const QString &trunkSid, Call *call)
{
    QList<QJsonObject> urls = c.store.list(trunkSid + QStringLiteral("/OriginationUrls"));
    urls.erase(std::remove_if(urls.begin(), urls.end(),
                              [](const QJsonObject &u) {
                                  return !u.value(QLatin1String("enabled")).toBool();
                              }),
               urls.end());
    // Priority first (lowest wins); within one, the heavier weight first (Twilio draws by
    // weight; the sandbox is deterministic).
    std::stable_sort(urls.begin(), urls.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const int pa = a.value(QLatin1String("priority")).toInt();
        const int pb = b.value(QLatin1String("priority")).toInt();
        return pa != pb ? pa < pb
                        : a.value(QLatin1String("weight")).toInt() >
                              b.value(QLatin1String("weight")).toInt();
    });
    for (const QJsonObject &url : std::as_const(urls)) {
        const QString sipUrl = field(url, "sip_url");
        const int answer = c.targets.answerOf(CallTargets::hostOf(sipUrl));
        const int code = answer == CallTargets::Down ? 408 : answer;
        call->route.append(QJsonObject{{QStringLiteral("origination"), sipUrl},
                                       {QStringLiteral("sip_code"), code}});
        if (code < 300)
            return;
        // A final answer about the callee ends it, as the trunk does (the list the handlers
        // use too: outboundHandler.js, NO_FAILOVER_CODES); anything else tries the next URL.
        static const QList<int> final{400, 404, 405, 410, 416, 482, 484, 486, 487};
        if (final.contains(code) || code >= 600) {
            call->legs.first().insert(QLatin1String("status"), code == 486 || code == 600
                                                                   ? QStringLiteral("busy")
                                                                   : QStringLiteral("failed"));
            return;
        }
    }
    const auto trunk = c.store.find(QStringLiteral("Trunks"), trunkSid);
    const QString dr = trunk ? field(*trunk, "disaster_recovery_url") : QString();
    if (dr.isEmpty()) {
        call->legs.first().insert(QLatin1String("status"), QStringLiteral("failed"));
        return;
    }
    // Fetched as a voice URL (a Function of the account is run; another server is not).
    QJsonObject viaDr{{QStringLiteral("voice_url"), dr}};
    call->route.append(QJsonObject{{QStringLiteral("disaster_recovery"), dr}});
    follow(c, viaDr, call);
}

std::optional<CallSimulator::Call> CallSimulator::callToDomain(SandboxContext &c,
                                                               const QString &from,
                                                               const QString &to, QString *error)
{
    static const QRegularExpression sipUri(
        QStringLiteral("^sip:([^@;?]+)@([A-Za-z0-9.-]+)(?:[;?].*)?\\z"));
    const auto toMatch = sipUri.match(to);
    if (!toMatch.hasMatch() || !from.startsWith(QLatin1String("sip:"))) {
        *error = QStringLiteral("To must be an E.164 number of this account, or From and To "
                                "sip: URIs (To at a SIP domain of the account)");
        return std::nullopt;
    }
    const QString host = toMatch.captured(2).toLower();
    std::optional<QJsonObject> domain;
    for (const QJsonObject &d : c.store.list(QStringLiteral("Domains")))
        if (field(d, "domain_name") == host)
            domain = d;
    if (!domain) {
        *error = QStringLiteral("%1 is not a SIP domain of this account").arg(host);
        return std::nullopt;
    }
    // Twilio answers 403 to a caller the domain does not authenticate: with no mapping for
    // calls, nobody is.
    const QString auth = sidOf(*domain) + QStringLiteral("/Auth/Calls/");
    if (c.store.size(auth + QStringLiteral("IpAccessControlListMappings")) == 0 &&
        c.store.size(auth + QStringLiteral("CredentialListMappings")) == 0) {
        *error = QStringLiteral("refused (SIP 403): %1 maps no IP access control list or "
                                "credential list for calls")
                     .arg(host);
        return std::nullopt;
    }
    const QString user = toMatch.captured(1);
    const QJsonObject parent = SandboxRecords::call(c, from, to, QStringLiteral("inbound"));
    Call call{{parent}, {}};
    if (isEmergency(user) && domain->value(QLatin1String("emergency_calling_enabled")).toBool()) {
        // Twilio routes it to the emergency services itself, not through the voice URL.
        call.route.append(QJsonObject{{QStringLiteral("emergency"), user}});
        QJsonObject psap = SandboxRecords::call(c, from, user, QStringLiteral("outbound-dial"));
        psap.insert(QLatin1String("parent_call_sid"), sidOf(parent));
        psap.insert(QLatin1String("start_time"), parent.value(QLatin1String("start_time")));
        call.legs.append(psap);
        store(c, call);
        return call;
    }
    if (field(*domain, "voice_url").isEmpty()) {
        *error = QStringLiteral("refused: %1 has no voice URL").arg(host);
        return std::nullopt;
    }
    follow(c, *domain, &call);
    store(c, call);
    return call;
}
