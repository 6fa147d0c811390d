// Elastic SIP Trunking v1: a trunk's OriginationUrls list/create/fetch/update/delete, with
// Twilio's rules: FriendlyName (up to 64 characters), SipUrl (a sip: URI; sips: is refused),
// Weight 1..65535, Priority 0..65535, Enabled true|false. All five are required on create.
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

const QString kSpec = QStringLiteral("twilio_trunking_v1.json");
const QString kTrunks = QStringLiteral("Trunks");

QString collectionOf(const QString &trunkSid)
{
    return trunkSid + QStringLiteral("/OriginationUrls");
}

// The URL named by the path, when its trunk exists and it belongs to that trunk.
std::optional<QJsonObject> findUrl(const SandboxContext &c, const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    if (!c.store.contains(kTrunks, trunkSid))
        return std::nullopt;
    return c.store.find(collectionOf(trunkSid), p.value(QStringLiteral("Sid")));
}

// sip:[//][user@]host[:port][;params][?headers], host a DNS name, IPv4 or [IPv6]. Twilio's own
// examples write "sip://host:port", so the slashes are tolerated.
bool isSipUrl(const QString &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^sip:(?://)?(?:[^@\\s;?/]+@)?"
                       "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])"
                       "(?::([0-9]{1,5}))?(?:[;?]\\S*)?\\z"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(value);
    if (!match.hasMatch())
        return false;
    const QString port = match.captured(1);
    return port.isEmpty() || (port.toInt() >= 1 && port.toInt() <= 65535);
}

// A whole number in [low, high] written with digits only ("+5", " 5" and "5.0" are refused).
std::optional<int> boundedInt(const QString &text, int low, int high)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,6}\\z"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const int value = text.toInt();
    if (value < low || value > high)
        return std::nullopt;
    return value;
}

// Checks the parameters present in `form` and applies them to `record`; the 400 when one is bad
// (then `record` must be thrown away). An empty value is bad: none of these can be cleared.
std::optional<SandboxResponse> apply(const FormParams &form, QJsonObject &record)
{
    const auto bad = [](const QString &message) {
        return std::optional(SandboxResponse::invalidParameter(message));
    };
    const QString name = QStringLiteral("FriendlyName");
    if (form.contains(name)) {
        const QString value = form.value(name);
        if (value.isEmpty() || value.size() > 64)
            return bad(QStringLiteral("FriendlyName must be 1 to 64 characters long"));
        record.insert(QLatin1String("friendly_name"), value);
    }
    const QString sipUrl = QStringLiteral("SipUrl");
    if (form.contains(sipUrl)) {
        const QString value = form.value(sipUrl);
        if (!isSipUrl(value))
            return SandboxParams::invalidUrl(sipUrl, value + QStringLiteral(" (use a sip: URI)"));
        record.insert(QLatin1String("sip_url"), value);
    }
    const struct
    {
        const char *param;
        const char *field;
        int low;
    } numbers[] = {{"Weight", "weight", 1}, {"Priority", "priority", 0}};
    for (const auto &number : numbers) {
        const QString param = QString::fromLatin1(number.param);
        if (!form.contains(param))
            continue;
        const auto value = boundedInt(form.value(param), number.low, 65535);
        if (!value)
            return bad(QStringLiteral("%1 must be a whole number from %2 to 65535")
                           .arg(param)
                           .arg(number.low));
        record.insert(QLatin1String(number.field), *value);
    }
    const SandboxParams::Field enabled{"Enabled", "enabled", SandboxParams::Kind::Boolean};
    if (form.contains(QStringLiteral("Enabled"))) {
        const QString value = form.value(QStringLiteral("Enabled"));
        if (auto problem = SandboxParams::check(enabled, value))
            return problem;
        record.insert(QLatin1String("enabled"), SandboxParams::jsonValue(enabled, value));
    }
    return std::nullopt;
}

SandboxResponse listUrls(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    if (!c.store.contains(kTrunks, trunkSid))
        return SandboxResponse::notFound(request.path);
    return SandboxPaging::respondV1(c, request, QStringLiteral("origination_urls"),
                                    c.store.list(collectionOf(trunkSid)),
                                    [&c](const QJsonObject &url) { return c.renderV1(url); });
}

SandboxResponse createUrl(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const QString trunkSid = p.value(QStringLiteral("TrunkSid"));
    if (!c.store.contains(kTrunks, trunkSid))
        return SandboxResponse::notFound(request.path);
    const FormParams form = FormParams::parse(request.body);
    for (const char *required : {"Weight", "Priority", "Enabled", "FriendlyName", "SipUrl"}) {
        if (form.value(QLatin1String(required)).isEmpty())
            return SandboxResponse::missingParameter(QLatin1String(required));
    }
    // Checked before a SID is drawn, so a refused create leaves the seeded sequence alone.
    QJsonObject checked;
    if (auto problem = apply(form, checked))
        return *problem;
    QJsonObject record = SandboxRecords::originationUrl(c, trunkSid, {});
    for (auto it = checked.begin(); it != checked.end(); ++it)
        record.insert(it.key(), it.value());
    c.store.insert(collectionOf(trunkSid), record);
    return SandboxResponse::json(201, c.renderV1(record));
}

SandboxResponse fetchUrl(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto record = findUrl(c, p);
    if (!record)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV1(*record));
}

SandboxResponse updateUrl(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto found = findUrl(c, p);
    if (!found)
        return SandboxResponse::notFound(request.path);
    QJsonObject record = *found;
    if (auto problem = apply(FormParams::parse(request.body), record))
        return *problem;
    record.insert(QLatin1String("date_updated"), c.now());
    c.store.update(collectionOf(p.value(QStringLiteral("TrunkSid"))), record);
    return SandboxResponse::json(200, c.renderV1(record));
}

SandboxResponse deleteUrl(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    if (!findUrl(c, p))
        return SandboxResponse::notFound(request.path);
    c.store.remove(collectionOf(p.value(QStringLiteral("TrunkSid"))),
                   p.value(QStringLiteral("Sid")));
    return SandboxResponse::noContent();
}

} // namespace

void SandboxRoutes::addOriginationUrls(SandboxRouter &router)
{
    const QString list = QStringLiteral("/v1/Trunks/{TrunkSid:TK}/OriginationUrls");
    const QString item = list + QStringLiteral("/{Sid:OU}");
    router.add("GET", list, kSpec, listUrls);
    router.add("POST", list, kSpec, createUrl);
    router.add("GET", item, kSpec, fetchUrl);
    router.add("POST", item, kSpec, updateUrl);
    router.add("DELETE", item, kSpec, deleteUrl);
}
