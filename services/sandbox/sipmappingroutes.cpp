// SIP Domain Auth/Calls mappings of IP access control lists and credential lists
// (API v2010): list (key "contents"), create, fetch, delete. A mapping's SID is the mapped
// list's SID.
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxrecords.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"
#include "validation.h"

namespace {

const QString kSpec = QStringLiteral("twilio_api_v2010.json");

// What differs between the two kinds of mapping.
struct MappingKind
{
    QString pathName;   // "IpAccessControlListMappings"
    QString lists;      // account collection of the mapped lists: "IpAccessControlLists"
    QString param;      // create parameter: "IpAccessControlListSid"
    const char *prefix; // "AL"

    QString collection(const QString &domainSid) const
    {
        return domainSid + QStringLiteral("/Auth/Calls/") + pathName;
    }
};

QJsonObject render(const SandboxContext &c, const MappingKind &kind, const QJsonObject &link)
{
    const QString sid = link.value(QLatin1String("sid")).toString();
    const auto list = c.store.find(kind.lists, sid);
    return c.renderV2010(QJsonObject{
        {QStringLiteral("account_sid"), c.accountSid},
        {QStringLiteral("date_created"), link.value(QLatin1String("date_created"))},
        {QStringLiteral("date_updated"), link.value(QLatin1String("date_updated"))},
        {QStringLiteral("friendly_name"),
         list ? list->value(QLatin1String("friendly_name")) : QJsonValue()},
        {QStringLiteral("sid"), sid},
    });
}

RouteHandler listMappings(const MappingKind &kind)
{
    return [kind](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        const QString domainSid = p.value(QStringLiteral("DomainSid"));
        if (!c.store.contains(QStringLiteral("Domains"), domainSid))
            return SandboxResponse::notFound(request.path);
        QList<QJsonObject> items;
        const QList<QJsonObject> links = c.store.list(kind.collection(domainSid));
        for (const QJsonObject &link : links)
            items.append(render(c, kind, link));
        return SandboxPaging::respondV2010(request, QStringLiteral("contents"), items);
    };
}

RouteHandler createMapping(const MappingKind &kind)
{
    return [kind](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        const QString domainSid = p.value(QStringLiteral("DomainSid"));
        if (!c.store.contains(QStringLiteral("Domains"), domainSid))
            return SandboxResponse::notFound(request.path);
        const FormParams form = FormParams::parse(request.body);
        const QString listSid = form.value(kind.param);
        if (listSid.isEmpty())
            return SandboxResponse::missingParameter(kind.param);
        if (!Validation::isSid(listSid, kind.prefix))
            return SandboxResponse::invalidParameter(
                QStringLiteral("%1 is not a valid %2 SID").arg(kind.param, kind.prefix));
        if (!c.store.contains(kind.lists, listSid))
            return SandboxResponse::notFound(c.accountPath() + QStringLiteral("/SIP/") +
                                             kind.lists + QLatin1Char('/') + listSid +
                                             QStringLiteral(".json"));
        if (c.store.contains(kind.collection(domainSid), listSid))
            return SandboxResponse::error(
                400, 21231,
                QStringLiteral("%1 %2 is already mapped to this domain").arg(kind.param, listSid));
        const QJsonObject link = SandboxRecords::link(c, listSid);
        c.store.insert(kind.collection(domainSid), link);
        return SandboxResponse::json(201, render(c, kind, link));
    };
}

RouteHandler fetchMapping(const MappingKind &kind)
{
    return [kind](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        const auto link = c.store.find(kind.collection(p.value(QStringLiteral("DomainSid"))),
                                       p.value(QStringLiteral("Sid")));
        if (!link)
            return SandboxResponse::notFound(request.path);
        return SandboxResponse::json(200, render(c, kind, *link));
    };
}

RouteHandler deleteMapping(const MappingKind &kind)
{
    return [kind](SandboxContext &c, const SandboxRequest &request, const RouteParams &p) {
        if (!c.store.remove(kind.collection(p.value(QStringLiteral("DomainSid"))),
                            p.value(QStringLiteral("Sid"))))
            return SandboxResponse::notFound(request.path);
        return SandboxResponse::noContent();
    };
}

void addKind(SandboxRouter &router, const MappingKind &kind)
{
    const QString base =
        QStringLiteral("/2010-04-01/Accounts/{AccountSid:AC}/SIP/Domains/{DomainSid:SD}/"
                       "Auth/Calls/") +
        kind.pathName;
    const QString item =
        base + QStringLiteral("/{Sid:") + QLatin1String(kind.prefix, 2) + QStringLiteral("}.json");
    router.add("GET", base + QStringLiteral(".json"), kSpec, listMappings(kind));
    router.add("POST", base + QStringLiteral(".json"), kSpec, createMapping(kind));
    router.add("GET", item, kSpec, fetchMapping(kind));
    router.add("DELETE", item, kSpec, deleteMapping(kind));
}

} // namespace

void SandboxRoutes::addSipMappings(SandboxRouter &router)
{
    addKind(router,
            {QStringLiteral("IpAccessControlListMappings"), QStringLiteral("IpAccessControlLists"),
             QStringLiteral("IpAccessControlListSid"), "AL"});
    addKind(router, {QStringLiteral("CredentialListMappings"), QStringLiteral("CredentialLists"),
                     QStringLiteral("CredentialListSid"), "CL"});
}
