#include "sipdomainapi.h"

#include "sipdomainrequests.h"
#include "twilioclient.h"

namespace R = SipDomainRequests;
using Mapping = SipDomainRequests::Mapping;

SipDomainApi::SipDomainApi(TwilioClient &client)
    : m_client(client)
{}

TwilioHandle SipDomainApi::listSipDomains(QObject *context,
                                          TwilioCallback<QList<SipDomain>> callback)
{
    return m_client.sendList<SipDomain>(R::listDomains(m_client.accountSid()), context,
                                        std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::createSipDomain(const SipDomainParams &params, QObject *context,
                                           TwilioCallback<SipDomain> callback)
{
    return m_client.send<SipDomain>(R::createDomain(m_client.accountSid(), params), context,
                                    std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::fetchSipDomain(const QString &domainSid, QObject *context,
                                          TwilioCallback<SipDomain> callback)
{
    return m_client.send<SipDomain>(R::fetchDomain(m_client.accountSid(), domainSid), context,
                                    std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::updateSipDomain(const QString &domainSid, const SipDomainParams &params,
                                           QObject *context, TwilioCallback<SipDomain> callback)
{
    return m_client.send<SipDomain>(R::updateDomain(m_client.accountSid(), domainSid, params),
                                    context, std::move(callback), &SipDomain::fromJson);
}

TwilioHandle SipDomainApi::deleteSipDomain(const QString &domainSid, QObject *context,
                                           TwilioCallback<TwilioNoContent> callback)
{
    return m_client.sendDelete(R::deleteDomain(m_client.accountSid(), domainSid), context,
                               std::move(callback));
}

TwilioHandle
SipDomainApi::listIpAccessControlListMappings(const QString &domainSid, QObject *context,
                                              TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.sendList<SipAuthList>(
        R::listMappings(m_client.accountSid(), Mapping::IpAccessControlList, domainSid), context,
        std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle SipDomainApi::createIpAccessControlListMapping(const QString &domainSid,
                                                            const QString &aclSid, QObject *context,
                                                            TwilioCallback<SipAuthList> callback)
{
    return m_client.send<SipAuthList>(
        R::createMapping(m_client.accountSid(), Mapping::IpAccessControlList, domainSid, aclSid),
        context, std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle
SipDomainApi::deleteIpAccessControlListMapping(const QString &domainSid, const QString &aclSid,
                                               QObject *context,
                                               TwilioCallback<TwilioNoContent> callback)
{
    return m_client.sendDelete(
        R::deleteMapping(m_client.accountSid(), Mapping::IpAccessControlList, domainSid, aclSid),
        context, std::move(callback));
}

TwilioHandle SipDomainApi::listCredentialListMappings(const QString &domainSid, QObject *context,
                                                      TwilioCallback<QList<SipAuthList>> callback)
{
    return m_client.sendList<SipAuthList>(
        R::listMappings(m_client.accountSid(), Mapping::CredentialList, domainSid), context,
        std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle SipDomainApi::createCredentialListMapping(const QString &domainSid,
                                                       const QString &credentialListSid,
                                                       QObject *context,
                                                       TwilioCallback<SipAuthList> callback)
{
    return m_client.send<SipAuthList>(R::createMapping(m_client.accountSid(),
                                                       Mapping::CredentialList, domainSid,
                                                       credentialListSid),
                                      context, std::move(callback), &SipAuthList::fromJson);
}

TwilioHandle SipDomainApi::deleteCredentialListMapping(const QString &domainSid,
                                                       const QString &credentialListSid,
                                                       QObject *context,
                                                       TwilioCallback<TwilioNoContent> callback)
{
    return m_client.sendDelete(R::deleteMapping(m_client.accountSid(), Mapping::CredentialList,
                                                domainSid, credentialListSid),
                               context, std::move(callback));
}
