#pragma once

#include "twilioresult.h"
#include "voiceresources.h"

#include <QList>

class QObject;
class TwilioClient;

// SIP domains (API v2010 …/SIP/Domains) and the lists that authorise calls to them
// (…/SIP/Domains/{SD}/Auth/Calls/{IpAccessControlList,CredentialList}Mappings), described in
// SipDomainRequests.
class SipDomainApi
{
public:
    explicit SipDomainApi(TwilioClient &client);

    TwilioHandle listSipDomains(QObject *context, TwilioCallback<QList<SipDomain>> callback);
    // params.domainName is required. Safe to retry: after an ambiguous failure the domain is
    // looked up by name before it is created again, so there is never a duplicate.
    TwilioHandle createSipDomain(const SipDomainParams &params, QObject *context,
                                 TwilioCallback<SipDomain> callback);
    TwilioHandle fetchSipDomain(const QString &domainSid, QObject *context,
                                TwilioCallback<SipDomain> callback);
    TwilioHandle updateSipDomain(const QString &domainSid, const SipDomainParams &params,
                                 QObject *context, TwilioCallback<SipDomain> callback);
    TwilioHandle deleteSipDomain(const QString &domainSid, QObject *context,
                                 TwilioCallback<TwilioNoContent> callback);

    // Mapping SIDs are the mapped lists' own SIDs (AL… / CL…).
    TwilioHandle listIpAccessControlListMappings(const QString &domainSid, QObject *context,
                                                 TwilioCallback<QList<SipAuthList>> callback);
    TwilioHandle createIpAccessControlListMapping(const QString &domainSid, const QString &aclSid,
                                                  QObject *context,
                                                  TwilioCallback<SipAuthList> callback);
    TwilioHandle deleteIpAccessControlListMapping(const QString &domainSid, const QString &aclSid,
                                                  QObject *context,
                                                  TwilioCallback<TwilioNoContent> callback);
    TwilioHandle listCredentialListMappings(const QString &domainSid, QObject *context,
                                            TwilioCallback<QList<SipAuthList>> callback);
    TwilioHandle createCredentialListMapping(const QString &domainSid,
                                             const QString &credentialListSid, QObject *context,
                                             TwilioCallback<SipAuthList> callback);
    TwilioHandle deleteCredentialListMapping(const QString &domainSid,
                                             const QString &credentialListSid, QObject *context,
                                             TwilioCallback<TwilioNoContent> callback);

private:
    TwilioClient &m_client;
};
