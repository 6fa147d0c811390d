// Elastic SIP Trunking v1: Trunks list/fetch/update/delete, the trunk's Recording settings
// (fetch/update), trunk PhoneNumbers list/add/fetch/remove, and the trunk's IpAccessControlLists
// and CredentialLists (list and fetch). OriginationUrls are in originationroutes.cpp.
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxparams.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"
#include "validation.h"

#include <QRegularExpression>

namespace {

const QString kSpec = QStringLiteral("twilio_trunking_v1.json");
const QString kTrunks = QStringLiteral("Trunks");
const QString kNumbers = QStringLiteral("IncomingPhoneNumbers");

using SandboxParams::Field;
using SandboxParams::Kind;

// The spec's UpdateTrunkRequest (DomainName is checked on its own). symmetric_rtp_enabled is
// not a parameter there: Twilio ignores it, and so does the sandbox.
const Field kTrunkFields[] = {
    {"FriendlyName", "friendly_name", Kind::Text},
    {"DisasterRecoveryUrl", "disaster_recovery_url", Kind::Url},
    {"DisasterRecoveryMethod", "disaster_recovery_method", Kind::Method},
    {"TransferMode", "transfer_mode", Kind::Enum, "disable-all|enable-all|sip-only"},
    {"TransferCallerId", "transfer_caller_id", Kind::Enum, "from-transferee|from-transferor"},
    {"Secure", "secure", Kind::Boolean},
    {"CnamLookupEnabled", "cnam_lookup_enabled", Kind::Boolean},
};

// POST /v1/Trunks/{TK}/Recording: the spec's UpdateRecordingRequest.
const Field kRecordingFields[] = {
    {"Mode", "mode", Kind::Enum,
     "do-not-record|record-from-ringing|record-from-answer|record-from-ringing-dual|"
     "record-from-answer-dual"},
    {"Trim", "trim", Kind::Enum, "trim-silence|do-not-trim"},
};

// The trunk view of an IncomingPhoneNumber: same data, v1 dates, url and links.
QJsonObject renderTrunkNumber(const SandboxContext &c, const QJsonObject &number,
                              const QString &trunkSid)
{
    static const char *const kept[] = {"account_sid",
                                       "address_requirements",
                                       "api_version",
                                       "beta",
                                       "capabilities",
                                       "date_created",
                                       "date_updated",
                                       "friendly_name",
                                       "phone_number",
                                       "sid",
                                       "sms_application_sid",
                                       "sms_fallback_method",
                                       "sms_fallback_url",
                                       "sms_method",
                                       "sms_url",
                                       "status_callback",
                                       "status_callback_method",
                                       "trunk_sid",
                                       "voice_application_sid",
                                       "voice_caller_id_lookup",
                                       "voice_fallback_method",
                                       "voice_fallback_url",
                                       "voice_method",
                                       "voice_url"};
    QJsonObject out;
    for (const char *key : kept)
        out.insert(QLatin1String(key), number.value(QLatin1String(key)));
    const QString url = QStringLiteral("/v1/Trunks/%1/PhoneNumbers/%2")
                            .arg(trunkSid, number.value(QLatin1String("sid")).toString());
    out.insert(QLatin1String("url"), url);
    out.insert(QLatin1String("links"), QJsonObject{});
    return c.renderV1(out);
}

SandboxResponse listTrunks(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    QList<QJsonObject> items;
    const QList<QJsonObject> trunks = c.store.list(kTrunks);
    for (const QJsonObject &trunk : trunks)
        items.append(c.renderV1(trunk));
    return SandboxPaging::respondV1(c, request, QStringLiteral("trunks"), items);
}

SandboxResponse fetchTrunk(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto trunk = c.store.find(kTrunks, p.value(QStringLiteral("Sid")));
    if (!trunk)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV1(*trunk));
}

SandboxResponse updateTrunk(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto found = c.store.find(kTrunks, p.value(QStringLiteral("Sid")));
    if (!found)
        return SandboxResponse::notFound(request.path);
    const FormParams form = FormParams::parse(request.body);
    if (auto problem = SandboxParams::checkAll(kTrunkFields, form))
        return *problem;
    QJsonObject trunk = *found;
    if (form.contains(QStringLiteral("DomainName"))) {
        static const QRegularExpression pattern(QStringLiteral(
            "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.pstn\\.twilio\\.com\\z"));
        const QString name = form.value(QStringLiteral("DomainName"));
        if (!pattern.match(name).hasMatch())
            return SandboxResponse::error(400, 21248,
                                          QStringLiteral("Invalid trunk domain name %1").arg(name));
        const QList<QJsonObject> trunks = c.store.list(kTrunks);
        for (const QJsonObject &other : trunks) {
            if (other.value(QLatin1String("sid")) != trunk.value(QLatin1String("sid")) &&
                other.value(QLatin1String("domain_name")).toString() == name)
                return SandboxResponse::error(
                    400, 21248, QStringLiteral("Trunk domain name %1 is already in use").arg(name));
        }
        trunk.insert(QLatin1String("domain_name"), name);
    }
    SandboxParams::applyAll(kTrunkFields, form, trunk);
    trunk.insert(QLatin1String("date_updated"), c.now());
    c.store.update(kTrunks, trunk);
    return SandboxResponse::json(200, c.renderV1(trunk));
}

// The trunk's recording settings: {mode, trim}, nothing else (the spec's trunk.recording).
QJsonObject recordingOf(const QJsonObject &trunk)
{
    const QJsonObject recording = trunk.value(QLatin1String("recording")).toObject();
    return QJsonObject{{QStringLiteral("mode"), recording.value(QLatin1String("mode"))},
                       {QStringLiteral("trim"), recording.value(QLatin1String("trim"))}};
}

SandboxResponse fetchRecording(SandboxContext &c, const SandboxRequest &request,
                               const RouteParams &p)
{
    const auto trunk = c.store.find(kTrunks, p.value(QStringLiteral("TrunkSid")));
    if (!trunk)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, recordingOf(*trunk));
}

SandboxResponse updateRecording(SandboxContext &c, const SandboxRequest &request,
                                const RouteParams &p)
{
    const auto found = c.store.find(kTrunks, p.value(QStringLiteral("TrunkSid")));
    if (!found)
        return SandboxResponse::notFound(request.path);
    const FormParams form = FormParams::parse(request.body);
    if (auto problem = SandboxParams::checkAll(kRecordingFields, form))
        return *problem;
    QJsonObject trunk = *found;
    QJsonObject recording = recordingOf(trunk);
    SandboxParams::applyAll(kRecordingFields, form, recording);
    trunk.insert(QLatin1String("recording"), recording);
    trunk.insert(QLatin1String("date_updated"), c.now());
    c.store.update(kTrunks, trunk);
    return SandboxResponse::json(200, recording);
}

SandboxResponse deleteTrunk(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const QString sid = p.value(QStringLiteral("Sid"));
    if (!c.store.contains(kTrunks, sid))
        return SandboxResponse::notFound(request.path);
    // Twilio releases the trunk's numbers: they stay on the account with trunk_sid null.
    const QList<QJsonObject> links = c.store.list(sid + QStringLiteral("/PhoneNumbers"));
    for (const QJsonObject &link : links) {
        auto number = c.store.find(kNumbers, link.value(QLatin1String("sid")).toString());
        if (number)
            c.setNumberTrunk(*number, QString());
    }
    c.store.remove(kTrunks, sid);
    return SandboxResponse::noContent();
}

SandboxResponse listTrunkNumbers(SandboxContext &c, const SandboxRequest &request,
                                 const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    if (!c.store.contains(kTrunks, trunkSid))
        return SandboxResponse::notFound(request.path);
    QList<QJsonObject> items;
    const QList<QJsonObject> links = c.store.list(trunkSid + QStringLiteral("/PhoneNumbers"));
    for (const QJsonObject &link : links) {
        const auto number = c.store.find(kNumbers, link.value(QLatin1String("sid")).toString());
        if (number)
            items.append(*number);
    }
    return SandboxPaging::respondV1(c, request, QStringLiteral("phone_numbers"), items,
                                    [&c, &trunkSid](const QJsonObject &number) {
                                        return renderTrunkNumber(c, number, trunkSid);
                                    });
}

SandboxResponse addTrunkNumber(SandboxContext &c, const SandboxRequest &request,
                               const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    if (!c.store.contains(kTrunks, trunkSid))
        return SandboxResponse::notFound(request.path);
    const QString numberSid =
        FormParams::parse(request.body).value(QStringLiteral("PhoneNumberSid"));
    if (numberSid.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("PhoneNumberSid"));
    if (!Validation::isSid(numberSid, "PN"))
        return SandboxResponse::invalidParameter(
            QStringLiteral("PhoneNumberSid is not a valid PN SID"));
    auto number = c.store.find(kNumbers, numberSid);
    if (!number)
        return SandboxResponse::notFound(c.accountPath() +
                                         QStringLiteral("/IncomingPhoneNumbers/") + numberSid +
                                         QStringLiteral(".json"));
    c.setNumberTrunk(*number, trunkSid);
    return SandboxResponse::json(201, renderTrunkNumber(c, *number, trunkSid));
}

SandboxResponse fetchTrunkNumber(SandboxContext &c, const SandboxRequest &request,
                                 const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    const QString sid = p.value(QStringLiteral("Sid"));
    const auto number = c.store.find(kNumbers, sid);
    if (!number || !c.store.contains(trunkSid + QStringLiteral("/PhoneNumbers"), sid))
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, renderTrunkNumber(c, *number, trunkSid));
}

SandboxResponse removeTrunkNumber(SandboxContext &c, const SandboxRequest &request,
                                  const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    const QString sid = p.value(QStringLiteral("Sid"));
    auto number = c.store.find(kNumbers, sid);
    if (!number || !c.store.contains(trunkSid + QStringLiteral("/PhoneNumbers"), sid))
        return SandboxResponse::notFound(request.path);
    c.setNumberTrunk(*number, QString());
    return SandboxResponse::noContent();
}

// The trunk's ACL and credential list associations are links to the account-level lists of the
// same name, shown with the trunk's SID and URL.
QJsonObject renderChild(const SandboxContext &c, const QString &trunkSid, const QString &child,
                        const QJsonObject &record)
{
    const QString sid = record.value(QLatin1String("sid")).toString();
    const auto list = c.store.find(child, sid);
    return c.renderV1(QJsonObject{
        {QStringLiteral("account_sid"), c.accountSid},
        {QStringLiteral("sid"), sid},
        {QStringLiteral("trunk_sid"), trunkSid},
        {QStringLiteral("friendly_name"),
         list ? list->value(QLatin1String("friendly_name")) : QJsonValue()},
        {QStringLiteral("date_created"), record.value(QLatin1String("date_created"))},
        {QStringLiteral("date_updated"), record.value(QLatin1String("date_updated"))},
        {QStringLiteral("url"), QStringLiteral("/v1/Trunks/%1/%2/%3").arg(trunkSid, child, sid)},
    });
}

RouteHandler listChildren(const QString &child, const QString &key)
{
    return [child, key](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
        if (!c.store.contains(kTrunks, trunkSid))
            return SandboxResponse::notFound(request.path);
        QList<QJsonObject> items;
        const QList<QJsonObject> records = c.store.list(trunkSid + QLatin1Char('/') + child);
        for (const QJsonObject &record : records)
            items.append(renderChild(c, trunkSid, child, record));
        return SandboxPaging::respondV1(c, request, key, items);
    };
}

RouteHandler fetchChild(const QString &child)
{
    return [child](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
        const auto record =
            c.store.find(trunkSid + QLatin1Char('/') + child, p.value(QStringLiteral("Sid")));
        if (!record || !c.store.contains(kTrunks, trunkSid)) // a deleted trunk takes them along
            return SandboxResponse::notFound(request.path);
        return SandboxResponse::json(200, renderChild(c, trunkSid, child, *record));
    };
}

} // namespace

void SandboxRoutes::addTrunking(SandboxRouter &router)
{
    const QString trunk = QStringLiteral("/v1/Trunks/{Sid:TK}");
    router.add("GET", QStringLiteral("/v1/Trunks"), kSpec, listTrunks);
    router.add("GET", trunk, kSpec, fetchTrunk);
    router.add("POST", trunk, kSpec, updateTrunk);
    router.add("DELETE", trunk, kSpec, deleteTrunk);
    const QString recording = QStringLiteral("/v1/Trunks/{TrunkSid:TK}/Recording");
    router.add("GET", recording, kSpec, fetchRecording);
    router.add("POST", recording, kSpec, updateRecording);

    const QString numbers = QStringLiteral("/v1/Trunks/{TrunkSid:TK}/PhoneNumbers");
    router.add("GET", numbers, kSpec, listTrunkNumbers);
    router.add("POST", numbers, kSpec, addTrunkNumber);
    router.add("GET", numbers + QStringLiteral("/{Sid:PN}"), kSpec, fetchTrunkNumber);
    router.add("DELETE", numbers + QStringLiteral("/{Sid:PN}"), kSpec, removeTrunkNumber);

    const struct
    {
        const char *child;
        const char *key;
        const char *prefix;
    } children[] = {{"IpAccessControlLists", "ip_access_control_lists", "AL"},
                    {"CredentialLists", "credential_lists", "CL"}};
    for (const auto &entry : children) {
        const QString child = QString::fromLatin1(entry.child);
        const QString base = QStringLiteral("/v1/Trunks/{TrunkSid:TK}/") + child;
        router.add("GET", base, kSpec, listChildren(child, QString::fromLatin1(entry.key)));
        router.add("GET", base + QStringLiteral("/{Sid:%1}").arg(QLatin1String(entry.prefix)),
                   kSpec, fetchChild(child));
    }
}
