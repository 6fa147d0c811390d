// Account fetch and IncomingPhoneNumbers list/fetch/update (API v2010).
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxparams.h"
#include "sandboxrecords.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"

#include <QJsonValue>

namespace {

const QString kSpec = QStringLiteral("twilio_api_v2010.json");
const QString kNumbers = QStringLiteral("IncomingPhoneNumbers");

using SandboxParams::Field;
using SandboxParams::Kind;

// The voice, routing and emergency update parameters, with how each is checked.
const Field kUpdatable[] = {
    {"FriendlyName", "friendly_name", Kind::Text},
    {"VoiceUrl", "voice_url", Kind::Url},
    {"VoiceMethod", "voice_method", Kind::Method},
    {"VoiceFallbackUrl", "voice_fallback_url", Kind::Url},
    {"VoiceFallbackMethod", "voice_fallback_method", Kind::Method},
    {"StatusCallback", "status_callback", Kind::Url},
    {"StatusCallbackMethod", "status_callback_method", Kind::Method},
    {"VoiceCallerIdLookup", "voice_caller_id_lookup", Kind::Boolean},
    {"VoiceReceiveMode", "voice_receive_mode", Kind::Enum, "voice|fax"},
    {"EmergencyStatus", "emergency_status", Kind::Enum, "Active|Inactive"},
    {"EmergencyAddressSid", "emergency_address_sid", Kind::Sid, "AD"},
    {"VoiceApplicationSid", "voice_application_sid", Kind::RoutingSid, "AP"},
    {"TrunkSid", "trunk_sid", Kind::RoutingSid, "TK"},
};

SandboxResponse fetchAccount(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    if (p.value(QStringLiteral("Sid")) != c.accountSid)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV2010(SandboxRecords::account(c)));
}

SandboxResponse listNumbers(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    const FormParams query = FormParams::parse(request.rawQuery);
    const QString phone = query.value(QStringLiteral("PhoneNumber"));
    const QString name = query.value(QStringLiteral("FriendlyName"));
    QList<QJsonObject> items;
    const QList<QJsonObject> all = c.store.list(kNumbers);
    for (const QJsonObject &number : all) {
        // Twilio matches PhoneNumber as a pattern (any part of the number) and FriendlyName
        // exactly.
        if (!phone.isEmpty() &&
            !number.value(QLatin1String("phone_number")).toString().contains(phone))
            continue;
        if (!name.isEmpty() && number.value(QLatin1String("friendly_name")).toString() != name)
            continue;
        items.append(number);
    }
    return SandboxPaging::respondV2010(request, QStringLiteral("incoming_phone_numbers"), items,
                                       [&c](const QJsonObject &n) { return c.renderV2010(n); });
}

SandboxResponse fetchNumber(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto number = c.store.find(kNumbers, p.value(QStringLiteral("Sid")));
    if (!number)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV2010(*number));
}

SandboxResponse updateNumber(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto found = c.store.find(kNumbers, p.value(QStringLiteral("Sid")));
    if (!found)
        return SandboxResponse::notFound(request.path);
    const FormParams form = FormParams::parse(request.body);

    // Check everything first so a bad parameter changes nothing.
    if (auto problem = SandboxParams::checkAll(kUpdatable, form))
        return *problem;
    const QString trunkSid = form.value(QStringLiteral("TrunkSid"));
    if (!trunkSid.isEmpty() && !c.store.contains(QStringLiteral("Trunks"), trunkSid))
        return SandboxResponse::invalidParameter(
            QStringLiteral("TrunkSid %1 is not a trunk of this account").arg(trunkSid));
    if (!trunkSid.isEmpty() && !form.value(QStringLiteral("VoiceApplicationSid")).isEmpty())
        return SandboxResponse::invalidParameter(
            QStringLiteral("TrunkSid and VoiceApplicationSid cannot both be set"));

    QJsonObject number = *found;
    SandboxParams::applyAll(kUpdatable, form, number);
    // The sandbox registers an emergency address at once (Twilio passes through
    // pending-registration); removing it unregisters.
    if (form.contains(QStringLiteral("EmergencyAddressSid")))
        number.insert(QLatin1String("emergency_address_status"),
                      form.value(QStringLiteral("EmergencyAddressSid")).isEmpty()
                          ? QStringLiteral("unregistered")
                          : QStringLiteral("registered"));
    const QString appParam = QStringLiteral("VoiceApplicationSid");
    if (form.contains(appParam) && !form.value(appParam).isEmpty()) {
        // An application takes the number off its trunk.
        c.setNumberTrunk(number, QString());
        number.insert(QLatin1String("voice_application_sid"), form.value(appParam));
    } else if (form.contains(appParam)) {
        number.insert(QLatin1String("voice_application_sid"), QJsonValue());
    }
    if (form.contains(QStringLiteral("TrunkSid")))
        c.setNumberTrunk(number, trunkSid);
    number.insert(QLatin1String("date_updated"), c.now());
    c.store.update(kNumbers, number);
    return SandboxResponse::json(200, c.renderV2010(number));
}

} // namespace

void SandboxRoutes::addAccountAndNumbers(SandboxRouter &router)
{
    const QString account = QStringLiteral("/2010-04-01/Accounts/{AccountSid:AC}");
    router.add("GET", QStringLiteral("/2010-04-01/Accounts/{Sid:AC}.json"), kSpec, fetchAccount);
    router.add("GET", account + QStringLiteral("/IncomingPhoneNumbers.json"), kSpec, listNumbers);
    router.add("GET", account + QStringLiteral("/IncomingPhoneNumbers/{Sid:PN}.json"), kSpec,
               fetchNumber);
    router.add("POST", account + QStringLiteral("/IncomingPhoneNumbers/{Sid:PN}.json"), kSpec,
               updateNumber);
}
