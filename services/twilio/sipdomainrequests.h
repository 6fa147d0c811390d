#pragma once

#include "restoperation.h"
#include "voiceresources.h"

// SIP domains (API v2010 …/SIP/Domains) and the lists that authorise calls to them
// (…/Auth/Calls/{IpAccessControlList,CredentialList}Mappings) as RestOperations; SipDomainApi
// sends them. A mapping's SID is the mapped list's own SID (AL… / CL…).
namespace SipDomainRequests {

enum class Mapping { IpAccessControlList, CredentialList };

RestOperation listDomains(const QString &accountSid);
// params.domainName is required; after an ambiguous failure the domain is looked up by name
// before it is created again, so there is never a duplicate.
RestOperation createDomain(const QString &accountSid, const SipDomainParams &params);
RestOperation fetchDomain(const QString &accountSid, const QString &domainSid);
RestOperation updateDomain(const QString &accountSid, const QString &domainSid,
                           const SipDomainParams &params);
RestOperation deleteDomain(const QString &accountSid, const QString &domainSid);

RestOperation listMappings(const QString &accountSid, Mapping mapping, const QString &domainSid);
RestOperation createMapping(const QString &accountSid, Mapping mapping, const QString &domainSid,
                            const QString &listSid);
RestOperation deleteMapping(const QString &accountSid, Mapping mapping, const QString &domainSid,
                            const QString &listSid);

} // namespace SipDomainRequests
