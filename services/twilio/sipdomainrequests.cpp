#include "sipdomainrequests.h"

namespace {

constexpr auto Api = TwilioHosts::Product::Api;
using Mapping = SipDomainRequests::Mapping;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SipDomainRequests)
};

SidArgument domain(const QString &sid)
{
    return {sid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID")};
}

SidArgument list(Mapping mapping, const QString &sid)
{
    return mapping == Mapping::IpAccessControlList
               ? SidArgument{sid, "AL",
                             QT_TRANSLATE_NOOP("TwilioClient", "The IP access control list SID")}
               : SidArgument{sid, "CL",
                             QT_TRANSLATE_NOOP("TwilioClient", "The credential list SID")};
}

QString domainPath(const QString &accountSid, const QString &domainSid, const QString &suffix)
{
    return RestOperation::accountPath(
        accountSid, QStringLiteral("/SIP/Domains") +
                        (domainSid.isEmpty() ? QString() : QLatin1Char('/') + domainSid) + suffix);
}

QString mappingPath(const QString &accountSid, Mapping mapping, const QString &domainSid,
                    const QString &listSid)
{
    QString suffix = mapping == Mapping::IpAccessControlList
                         ? QStringLiteral("/Auth/Calls/IpAccessControlListMappings")
                         : QStringLiteral("/Auth/Calls/CredentialListMappings");
    if (!listSid.isEmpty())
        suffix += QLatin1Char('/') + listSid;
    return domainPath(accountSid, domainSid, suffix + QStringLiteral(".json"));
}

} // namespace

namespace SipDomainRequests {

RestOperation listDomains(const QString &accountSid)
{
    return RestOperation::list(Api, domainPath(accountSid, {}, QStringLiteral(".json")),
                               QStringLiteral("domains"));
}

RestOperation createDomain(const QString &accountSid, const SipDomainParams &params)
{
    const bool named = params.domainName && !params.domainName->isEmpty();
    const QString name = named ? params.domainName->toLower() : QString();
    CreateLookup lookup{
        TwilioRequest::get(Api, domainPath(accountSid, {}, QStringLiteral(".json"))),
        QStringLiteral("domains"), [name](const QJsonObject &domain) {
            return domain.value(QLatin1String("domain_name")).toString().toLower() == name;
        }};
    return RestOperation::create(Api, domainPath(accountSid, {}, QStringLiteral(".json")),
                                 params.toForm(), std::move(lookup))
        .check(params.check())
        .check(named ? QString() : Tr::tr("A SIP domain needs a domain name."));
}

RestOperation fetchDomain(const QString &accountSid, const QString &domainSid)
{
    return RestOperation::fetch(Api, domainPath(accountSid, domainSid, QStringLiteral(".json")))
        .checkSids({domain(domainSid)});
}

RestOperation updateDomain(const QString &accountSid, const QString &domainSid,
                           const SipDomainParams &params)
{
    const FormFields form = params.toForm();
    return RestOperation::update(Api, domainPath(accountSid, domainSid, QStringLiteral(".json")),
                                 form)
        .checkSids({domain(domainSid)})
        .check(params.check())
        .check(form.isEmpty() ? Tr::tr("The SIP domain update changes nothing.") : QString());
}

RestOperation deleteDomain(const QString &accountSid, const QString &domainSid)
{
    return RestOperation::remove(Api, domainPath(accountSid, domainSid, QStringLiteral(".json")))
        .checkSids({domain(domainSid)});
}

RestOperation listMappings(const QString &accountSid, Mapping mapping, const QString &domainSid)
{
    return RestOperation::list(Api, mappingPath(accountSid, mapping, domainSid, {}),
                               QStringLiteral("contents"))
        .checkSids({domain(domainSid)});
}

RestOperation createMapping(const QString &accountSid, Mapping mapping, const QString &domainSid,
                            const QString &listSid)
{
    const QString field = mapping == Mapping::IpAccessControlList
                              ? QStringLiteral("IpAccessControlListSid")
                              : QStringLiteral("CredentialListSid");
    // The mapping's SID is the list's SID, so a GET on it tells whether it already exists.
    CreateLookup lookup{
        TwilioRequest::get(Api, mappingPath(accountSid, mapping, domainSid, listSid)), {}, {}};
    return RestOperation::create(Api, mappingPath(accountSid, mapping, domainSid, {}),
                                 {{field, listSid}}, std::move(lookup))
        .checkSids({domain(domainSid), list(mapping, listSid)});
}

RestOperation deleteMapping(const QString &accountSid, Mapping mapping, const QString &domainSid,
                            const QString &listSid)
{
    return RestOperation::remove(Api, mappingPath(accountSid, mapping, domainSid, listSid))
        .checkSids({domain(domainSid), list(mapping, listSid)});
}

} // namespace SipDomainRequests
