// SIP Domains list/create/fetch/update/delete and the account-level IP access control lists
// and credential lists (API v2010).
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxparams.h"
#include "sandboxrecords.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"

#include <QRegularExpression>

#include <optional>

namespace {

const QString kSpec = QStringLiteral("twilio_api_v2010.json");
const QString kDomains = QStringLiteral("Domains");

using SandboxParams::Field;
using SandboxParams::Kind;

const Field kDomainFields[] = {
    {"FriendlyName", "friendly_name", Kind::Text},
    {"VoiceUrl", "voice_url", Kind::Url},
    {"VoiceMethod", "voice_method", Kind::Method},
    {"VoiceFallbackUrl", "voice_fallback_url", Kind::Url},
    {"VoiceFallbackMethod", "voice_fallback_method", Kind::Method},
    {"VoiceStatusCallbackUrl", "voice_status_callback_url", Kind::Url},
    {"VoiceStatusCallbackMethod", "voice_status_callback_method", Kind::Method},
    {"SipRegistration", "sip_registration", Kind::Boolean},
    {"Secure", "secure", Kind::Boolean},
    {"EmergencyCallingEnabled", "emergency_calling_enabled", Kind::Boolean},
    {"EmergencyCallerSid", "emergency_caller_sid", Kind::Sid, "PN"},
    {"ByocTrunkSid", "byoc_trunk_sid", Kind::Sid, "BY"},
};

// Twilio takes only an emergency-enabled number of the account as the emergency caller (the
// check is Twilio's documented rule; its error code is not documented, so the generic 400).
std::optional<SandboxResponse> checkEmergencyCaller(const SandboxContext &c, const FormParams &form)
{
    const QString sid = form.value(QStringLiteral("EmergencyCallerSid"));
    if (sid.isEmpty())
        return std::nullopt;
    const auto number = c.store.find(QStringLiteral("IncomingPhoneNumbers"), sid);
    if (number && number->value(QLatin1String("emergency_address_status")).toString() ==
                      QLatin1String("registered"))
        return std::nullopt;
    return SandboxResponse::error(
        400, 400,
        QStringLiteral("EmergencyCallerSid %1 is not a phone number of this account with a "
                       "registered emergency address")
            .arg(sid));
}

SandboxResponse invalidDomain(const QString &message)
{
    return SandboxResponse::error(400, 21232, message);
}

// Twilio's rule: <label>.sip.twilio.com (a regional form such as x.sip.us1.twilio.com is not
// emulated), the label made of letters, digits and '-', and unique. The 400 when it is not.
std::optional<SandboxResponse> checkDomainName(const SandboxContext &c, const QString &name,
                                               const QString &ownSid)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.sip\\.twilio\\.com\\z"));
    if (!pattern.match(name).hasMatch())
        return invalidDomain(
            QStringLiteral("Invalid domain name %1: use <letters, digits, -> followed by "
                           ".sip.twilio.com")
                .arg(name));
    const QList<QJsonObject> domains = c.store.list(kDomains);
    for (const QJsonObject &domain : domains) {
        if (domain.value(QLatin1String("sid")).toString() != ownSid &&
            domain.value(QLatin1String("domain_name"))
                    .toString()
                    .compare(name, Qt::CaseInsensitive) == 0)
            return invalidDomain(QStringLiteral("Domain name %1 is already in use").arg(name));
    }
    return std::nullopt;
}

QList<QJsonObject> rendered(const SandboxContext &c, const QString &collection)
{
    QList<QJsonObject> items;
    const QList<QJsonObject> records = c.store.list(collection);
    for (const QJsonObject &record : records)
        items.append(c.renderV2010(record));
    return items;
}

SandboxResponse listDomains(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    return SandboxPaging::respondV2010(request, QStringLiteral("domains"), rendered(c, kDomains));
}

SandboxResponse createDomain(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    const FormParams form = FormParams::parse(request.body);
    const QString name = form.value(QStringLiteral("DomainName"));
    if (name.isEmpty())
        return SandboxResponse::missingParameter(QStringLiteral("DomainName"));
    if (const auto nameProblem = checkDomainName(c, name, QString()))
        return *nameProblem;
    if (auto problem = SandboxParams::checkAll(kDomainFields, form))
        return *problem;
    if (auto problem = checkEmergencyCaller(c, form))
        return *problem;
    QJsonObject domain = SandboxRecords::domain(c, name.toLower());
    SandboxParams::applyAll(kDomainFields, form, domain);
    c.store.insert(kDomains, domain);
    return SandboxResponse::json(201, c.renderV2010(domain));
}

SandboxResponse fetchDomain(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto domain = c.store.find(kDomains, p.value(QStringLiteral("Sid")));
    if (!domain)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV2010(*domain));
}

SandboxResponse updateDomain(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto found = c.store.find(kDomains, p.value(QStringLiteral("Sid")));
    if (!found)
        return SandboxResponse::notFound(request.path);
    const FormParams form = FormParams::parse(request.body);
    QJsonObject domain = *found;
    if (form.contains(QStringLiteral("DomainName"))) {
        const QString name = form.value(QStringLiteral("DomainName"));
        if (const auto nameProblem =
                checkDomainName(c, name, domain.value(QLatin1String("sid")).toString()))
            return *nameProblem;
        domain.insert(QLatin1String("domain_name"), name.toLower());
    }
    if (auto problem = SandboxParams::checkAll(kDomainFields, form))
        return *problem;
    if (auto problem = checkEmergencyCaller(c, form))
        return *problem;
    SandboxParams::applyAll(kDomainFields, form, domain);
    domain.insert(QLatin1String("date_updated"), c.now());
    c.store.update(kDomains, domain);
    return SandboxResponse::json(200, c.renderV2010(domain));
}

SandboxResponse deleteDomain(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const QString sid = p.value(QStringLiteral("Sid"));
    if (!c.store.remove(kDomains, sid))
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::noContent();
}

// The account-level lists share list and fetch handlers; `collection` is also the URL name.
RouteHandler listHandler(const QString &collection, const QString &key)
{
    return
        [collection, key](SandboxContext &c, const SandboxRequest &request, const RouteParams &) {
            return SandboxPaging::respondV2010(request, key, rendered(c, collection));
        };
}

RouteHandler fetchHandler(const QString &collection)
{
    return [collection](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        const auto record = c.store.find(collection, p.value(QStringLiteral("Sid")));
        if (!record)
            return SandboxResponse::notFound(request.path);
        return SandboxResponse::json(200, c.renderV2010(*record));
    };
}

} // namespace

void SandboxRoutes::addSipDomains(SandboxRouter &router)
{
    const QString sip = QStringLiteral("/2010-04-01/Accounts/{AccountSid:AC}/SIP");
    router.add("GET", sip + QStringLiteral("/Domains.json"), kSpec, listDomains);
    router.add("POST", sip + QStringLiteral("/Domains.json"), kSpec, createDomain);
    router.add("GET", sip + QStringLiteral("/Domains/{Sid:SD}.json"), kSpec, fetchDomain);
    router.add("POST", sip + QStringLiteral("/Domains/{Sid:SD}.json"), kSpec, updateDomain);
    router.add("DELETE", sip + QStringLiteral("/Domains/{Sid:SD}.json"), kSpec, deleteDomain);

    const QString acl = QStringLiteral("IpAccessControlLists");
    const QString creds = QStringLiteral("CredentialLists");
    router.add("GET", sip + QStringLiteral("/IpAccessControlLists.json"), kSpec,
               listHandler(acl, QStringLiteral("ip_access_control_lists")));
    router.add("GET", sip + QStringLiteral("/IpAccessControlLists/{Sid:AL}.json"), kSpec,
               fetchHandler(acl));
    router.add("GET", sip + QStringLiteral("/CredentialLists.json"), kSpec,
               listHandler(creds, QStringLiteral("credential_lists")));
    router.add("GET", sip + QStringLiteral("/CredentialLists/{Sid:CL}.json"), kSpec,
               fetchHandler(creds));
}
