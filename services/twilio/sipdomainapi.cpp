#include "sipdomainapi.h"

#include "twilioclient.h"

#include <QCoreApplication>

namespace {
constexpr auto Api = TwilioHosts::Product::Api;
}

SipDomainApi::SipDomainApi(TwilioClient &client)
    : m_client(client)
{}

QString SipDomainApi::domainPath(const QString &domainSid, const QString &suffix) const
{
    return m_client.accountPath(QStringLiteral("/SIP/Domains") +
                                (domainSid.isEmpty() ? QString() : QLatin1Char('/') + domainSid) +
                                suffix);
}

QString SipDomainApi::mappingPath(MappingKind kind, const QString &domainSid,
                                  const QString &listSid) const
{
    QString suffix = kind == MappingKind::IpAccessControlList
                         ? QStringLiteral("/Auth/Calls/IpAccessControlListMappings")
                         : QStringLiteral("/Auth/Calls/CredentialListMappings");
    if (!listSid.isEmpty())
        suffix += QLatin1Char('/') + listSid;
    return domainPath(domainSid, suffix + QStringLiteral(".json"));
}

TwilioHandle SipDomainApi::listSipDomains(QObject *context,
                                          TwilioCallback<QList<SipDomain>> callback)
{
    return m_client.listAs<SipDomain>(
        TwilioRequest::get(Api, domainPath({}, QStringLiteral(".json"))), QStringLiteral("domains"),
        context, std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::createSipDomain(const SipDomainParams &params, QObject *context,
                                           TwilioCallback<SipDomain> callback)
{
    QString problem = params.check();
    if (problem.isEmpty() && (!params.domainName || params.domainName->isEmpty()))
        problem = QCoreApplication::translate("SipDomainApi", "A SIP domain needs a domain name.");
    if (!problem.isEmpty())
        return m_client.rejectAs(TwilioClient::invalidInput(problem), context, std::move(callback));
    const QString name = params.domainName->toLower();
    CreateLookup lookup{
        TwilioRequest::get(Api, domainPath({}, QStringLiteral(".json"))), QStringLiteral("domains"),
        [name](const QJsonObject &domain) {
            return domain.value(QLatin1String("domain_name")).toString().toLower() == name;
        }};
    return m_client.createAs<SipDomain>(
        TwilioRequest::create(Api, domainPath({}, QStringLiteral(".json")), params.toForm()),
        lookup, context, std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::fetchSipDomain(const QString &domainSid, QObject *context,
                                          TwilioCallback<SipDomain> callback)
{
    if (auto error = TwilioClient::checkSid(
            domainSid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<SipDomain>(
        TwilioRequest::get(Api, domainPath(domainSid, QStringLiteral(".json"))), context,
        std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::updateSipDomain(const QString &domainSid, const SipDomainParams &params,
                                           QObject *context, TwilioCallback<SipDomain> callback)
{
    TwilioError error = TwilioClient::checkSid(
        domainSid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID"));
    if (!error.isError() && !params.check().isEmpty())
        error = TwilioClient::invalidInput(params.check());
    if (!error.isError() && params.toForm().isEmpty())
        error = TwilioClient::invalidInput(
            QCoreApplication::translate("SipDomainApi", "The SIP domain update changes nothing."));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.fetchAs<SipDomain>(
        TwilioRequest::update(Api, domainPath(domainSid, QStringLiteral(".json")), params.toForm()),
        context, std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::deleteSipDomain(const QString &domainSid, QObject *context,
                                           TwilioCallback<TwilioNoContent> callback)
{
    if (auto error = TwilioClient::checkSid(
            domainSid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.deleteAs(
        TwilioRequest::remove(Api, domainPath(domainSid, QStringLiteral(".json"))), context,
        std::move(callback));
}

TwilioHandle SipDomainApi::listMappings(MappingKind kind, const QString &domainSid,
                                        QObject *context,
                                        TwilioCallback<QList<SipAuthList>> callback)
{
    if (auto error = TwilioClient::checkSid(
            domainSid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID"));
        error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.listAs<SipAuthList>(TwilioRequest::get(Api, mappingPath(kind, domainSid, {})),
                                        QStringLiteral("contents"), context, std::move(callback),
                                        &SipAuthList::fromJson);
}

TwilioHandle SipDomainApi::createMapping(MappingKind kind, const QString &domainSid,
                                         const QString &listSid, QObject *context,
                                         TwilioCallback<SipAuthList> callback)
{
    const bool acl = kind == MappingKind::IpAccessControlList;
    TwilioError error = TwilioClient::checkSid(
        domainSid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID"));
    if (!error.isError())
        error =
            acl ? TwilioClient::checkSid(
                      listSid, "AL",
                      QT_TRANSLATE_NOOP("TwilioClient", "The IP access control list SID"))
                : TwilioClient::checkSid(
                      listSid, "CL", QT_TRANSLATE_NOOP("TwilioClient", "The credential list SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    const QString field =
        acl ? QStringLiteral("IpAccessControlListSid") : QStringLiteral("CredentialListSid");
    // The mapping's SID is the list's SID, so a GET on it tells whether it already exists.
    CreateLookup lookup{TwilioRequest::get(Api, mappingPath(kind, domainSid, listSid)), {}, {}};
    return m_client.createAs<SipAuthList>(
        TwilioRequest::create(Api, mappingPath(kind, domainSid, {}), {{field, listSid}}), lookup,
        context, std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle SipDomainApi::deleteMapping(MappingKind kind, const QString &domainSid,
                                         const QString &listSid, QObject *context,
                                         TwilioCallback<TwilioNoContent> callback)
{
    const bool acl = kind == MappingKind::IpAccessControlList;
    TwilioError error = TwilioClient::checkSid(
        domainSid, "SD", QT_TRANSLATE_NOOP("TwilioClient", "The SIP domain SID"));
    if (!error.isError())
        error =
            acl ? TwilioClient::checkSid(
                      listSid, "AL",
                      QT_TRANSLATE_NOOP("TwilioClient", "The IP access control list SID"))
                : TwilioClient::checkSid(
                      listSid, "CL", QT_TRANSLATE_NOOP("TwilioClient", "The credential list SID"));
    if (error.isError())
        return m_client.rejectAs(error, context, std::move(callback));
    return m_client.deleteAs(TwilioRequest::remove(Api, mappingPath(kind, domainSid, listSid)),
                             context, std::move(callback));
}

TwilioHandle
SipDomainApi::listIpAccessControlListMappings(const QString &domainSid, QObject *context,
                                              TwilioCallback<QList<SipAuthList>> callback)
{
    return listMappings(MappingKind::IpAccessControlList, domainSid, context, std::move(callback));
}

TwilioHandle SipDomainApi::createIpAccessControlListMapping(const QString &domainSid,
                                                            const QString &aclSid, QObject *context,
                                                            TwilioCallback<SipAuthList> callback)
{
    return createMapping(MappingKind::IpAccessControlList, domainSid, aclSid, context,
                         std::move(callback));
}

TwilioHandle
SipDomainApi::deleteIpAccessControlListMapping(const QString &domainSid, const QString &aclSid,
                                               QObject *context,
                                               TwilioCallback<TwilioNoContent> callback)
{
    return deleteMapping(MappingKind::IpAccessControlList, domainSid, aclSid, context,
                         std::move(callback));
}

TwilioHandle SipDomainApi::listCredentialListMappings(const QString &domainSid, QObject *context,
                                                      TwilioCallback<QList<SipAuthList>> callback)
{
    return listMappings(MappingKind::CredentialList, domainSid, context, std::move(callback));
}

TwilioHandle SipDomainApi::createCredentialListMapping(const QString &domainSid,
                                                       const QString &credentialListSid,
                                                       QObject *context,
                                                       TwilioCallback<SipAuthList> callback)
{
    return createMapping(MappingKind::CredentialList, domainSid, credentialListSid, context,
                         std::move(callback));
}

TwilioHandle SipDomainApi::deleteCredentialListMapping(const QString &domainSid,
                                                       const QString &credentialListSid,
                                                       QObject *context,
                                                       TwilioCallback<TwilioNoContent> callback)
{
    return deleteMapping(MappingKind::CredentialList, domainSid, credentialListSid, context,
                         std::move(callback));
}
