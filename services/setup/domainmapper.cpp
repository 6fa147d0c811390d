#include "domainmapper.h"

#include "operationerrors.h"
#include "setuprun.h"
#include "sipdomainapi.h"
#include "twilioclient.h"

DomainMapper::DomainMapper(TwilioClient *client, SetupRun *recorder, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_run(recorder)
{}

void DomainMapper::start(const QString &domainSid, const QVector<NamedSid> &ipAccessControlLists,
                         const QVector<NamedSid> &credentialLists)
{
    m_domainSid = domainSid;
    m_acls = ipAccessControlLists;
    m_credentialLists = credentialLists;
    m_mappedAcls.clear();
    m_mappedCredentialLists.clear();
    m_todo.clear();
    m_done = 0;
    m_running = true;
    list(Kind::Acl);
}

void DomainMapper::cancel()
{
    m_running = false;
    m_call.cancel();
}

void DomainMapper::fail(const QString &what, const TwilioError &error)
{
    m_running = false;
    emit failed(toOperationError(what, error));
}

void DomainMapper::list(Kind kind)
{
    const auto done = [this, kind](const TwilioResult<QList<SipAuthList>> &result) {
        if (!m_running)
            return;
        if (!result.ok()) {
            fail(tr("Reading the lists that guard the SIP domain"), result.error);
            return;
        }
        QStringList &mapped = kind == Kind::Acl ? m_mappedAcls : m_mappedCredentialLists;
        for (const SipAuthList &entry : result.value)
            mapped.append(entry.sid);
        if (kind == Kind::Acl) {
            list(Kind::Credentials);
            return;
        }
        for (const NamedSid &acl : std::as_const(m_acls)) {
            if (!m_mappedAcls.contains(acl.sid))
                m_todo.append({Kind::Acl, acl});
        }
        for (const NamedSid &credentials : std::as_const(m_credentialLists)) {
            if (!m_mappedCredentialLists.contains(credentials.sid))
                m_todo.append({Kind::Credentials, credentials});
        }
        mapNext();
    };
    if (kind == Kind::Acl)
        m_call = m_client->sipDomains().listIpAccessControlListMappings(m_domainSid, this, done);
    else
        m_call = m_client->sipDomains().listCredentialListMappings(m_domainSid, this, done);
}

void DomainMapper::mapNext()
{
    if (m_done >= m_todo.size()) {
        m_running = false;
        emit finished(m_acls, m_credentialLists);
        return;
    }
    const auto [kind, entry] = m_todo.at(m_done);
    const bool acl = kind == Kind::Acl;
    emit progress(
        acl ? tr("Letting the IP access control list %1 call the SIP domain")
                  .arg(entry.friendlyName)
            : tr("Letting the credential list %1 call the SIP domain").arg(entry.friendlyName),
        m_done, m_todo.size());
    const SetupChange change(
        acl ? QStringLiteral("map_ip_acl") : QStringLiteral("map_credential_list"),
        m_domainSid + u' ' + entry.sid, {}, entry.sid + u' ' + entry.friendlyName);
    const auto call = m_run->track<SipAuthList>(
        change,
        [this, acl, sid = entry.sid](TwilioCallback<SipAuthList> done) {
            return acl ? m_client->sipDomains().createIpAccessControlListMapping(
                             m_domainSid, sid, this, std::move(done))
                       : m_client->sipDomains().createCredentialListMapping(m_domainSid, sid, this,
                                                                            std::move(done));
        },
        [this, name = entry.friendlyName](const TwilioResult<SipAuthList> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                fail(tr("Mapping %1 to the SIP domain").arg(name), result.error);
                return;
            }
            ++m_done;
            mapNext();
        });
    if (call) {
        m_call = *call;
    } else {
        m_running = false;
        emit failed(makeOperationError(m_run->errorString()));
    }
}
