#include "inboundsetup.h"

#include "domainmapper.h"
#include "handlergenerator.h"
#include "operationerrors.h"
#include "setupchecks.h"
#include "setuplogging.h"
#include "sipdomainapi.h"
#include "sipedgeuris.h"
#include "twilioclient.h"
#include "validation.h"

namespace {
const QString Post = QStringLiteral("POST");
constexpr int MaxFriendlyName = 64;

bool isPrintable(const QString &text)
{
    for (const QChar c : text) {
        if (!c.isPrint())
            return false;
    }
    return true;
}

// A value from Twilio's answer shown in a message: bounded, without control characters.
QString shown(const QString &text)
{
    QString result = text.left(200);
    for (QChar &c : result) {
        if (!c.isPrint())
            c = u'?';
    }
    return result;
}
} // namespace

InboundSetup::InboundSetup(TwilioClient *client, Journal *journal, AuditLog *audit,
                           const QString &accountSid, QObject *parent)
    : QObject(parent)
    , m_run(journal, audit, accountSid)
    , m_client(client)
    , m_provisioner(new HandlerProvisioner(client, journal, audit, accountSid, this))
    , m_mapper(new DomainMapper(client, &m_run, this))
{
    connect(m_provisioner, &HandlerProvisioner::progress, this, &InboundSetup::progress);
    connect(m_provisioner, &HandlerProvisioner::ready, this, &InboundSetup::provisioned);
    connect(m_provisioner, &HandlerProvisioner::failed, this, &InboundSetup::failWith);
    connect(m_mapper, &DomainMapper::progress, this, &InboundSetup::progress);
    connect(m_mapper, &DomainMapper::finished, this, &InboundSetup::mapped);
    connect(m_mapper, &DomainMapper::failed, this, &InboundSetup::failWith);
}

void InboundSetup::setExportDirectory(const QString &directory)
{
    m_provisioner->setExportDirectory(directory);
}

void InboundSetup::setBuildTiming(int pollIntervalMs, int timeoutMs)
{
    m_provisioner->setBuildTiming(pollIntervalMs, timeoutMs);
}

QString InboundSetup::check(const InboundOptions &options, const TrunkSummary &trunk) const
{
    if (const QString e = SetupChecks::checkTrunk(options.trunkSid, trunk); !e.isEmpty())
        return e;
    if (const QString e = SipEdgeUris::checkPrefix(options.domainPrefix); !e.isEmpty())
        return e;
    if (options.friendlyName.size() > MaxFriendlyName || !isPrintable(options.friendlyName))
        return tr("The SIP domain's friendly name must be at most %1 printable characters.")
            .arg(MaxFriendlyName);
    if (const QString e = DeploymentSpec::checkServiceName(options.serviceUniqueName); !e.isEmpty())
        return e;
    const CallEquivalence calls(trunk, options.calls, options.secureMedia.value_or(trunk.secure));
    if (const QString e = calls.check(); !e.isEmpty())
        return e;
    if (!m_selfHostedUrl.isEmpty()) {
        if (const QString e = Validation::checkWebhookUrl(m_selfHostedUrl); !e.isEmpty())
            return e;
    }
    for (const NamedSid &acl : trunk.ipAccessControlLists) {
        if (const QString e = Validation::checkSid(acl.sid, "AL", tr("The IP ACL SID"));
            !e.isEmpty())
            return e;
    }
    for (const NamedSid &list : trunk.credentialLists) {
        if (const QString e = Validation::checkSid(list.sid, "CL", tr("The credential list SID"));
            !e.isEmpty())
            return e;
    }
    // The domain carries these choices to every PBX call once the PBX is cut over (step 3).
    return calls.unacknowledgedChanges();
}

void InboundSetup::start(const InboundOptions &options, const TrunkSummary &trunk)
{
    if (m_running)
        return;
    m_options = options;
    m_options.secureMedia = options.secureMedia.value_or(trunk.secure);
    m_trunk = trunk;
    m_result = {};
    m_existing.reset();
    m_running = true;
    const QString problem = SetupChecks::beginRun(m_run, check(options, trunk), trunk.sid,
                                                  QStringLiteral("setup-inbound"));
    if (!problem.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, problem] { failWith(makeOperationError(problem)); }, Qt::QueuedConnection);
        return;
    }
    m_domainName = SipEdgeUris::domainName(options.domainPrefix);
    m_friendlyName = options.friendlyName.isEmpty()
                         ? tr("Trunk Migrator: %1").arg(trunk.friendlyName).left(MaxFriendlyName)
                         : options.friendlyName;
    checkDomainName();
}

CallEquivalence InboundSetup::equivalence() const
{
    return CallEquivalence(m_trunk, m_options.calls, m_options.secureMedia);
}

void InboundSetup::cancel()
{
    if (!m_running)
        return;
    // Not running first, so the parts' own "cancelled" reports are not passed on twice.
    m_running = false;
    m_provisioner->cancel();
    m_mapper->cancel();
    m_call.cancel();
    m_run.finishRun(QStringLiteral("cancelled"));
    emit failed(makeOperationError(tr("Setting up the SIP domain was cancelled.")));
}

bool InboundSetup::isOurs(const SipDomain &domain) const
{
    if (domain.sid == m_run.value(QStringLiteral("inbound.domain_sid")))
        return true;
    const QString voiceUrl = domain.voiceUrl.value_or(QString());
    if (voiceUrl.isEmpty())
        return false;
    const QString deployedDomain = m_run.value(QStringLiteral("serverless.domain_name"));
    return voiceUrl == m_run.value(QStringLiteral("inbound.handler_url")) ||
           (!m_selfHostedUrl.isEmpty() && voiceUrl == m_selfHostedUrl.toString()) ||
           (!deployedDomain.isEmpty() &&
            voiceUrl == QStringLiteral("https://%1%2")
                            .arg(deployedDomain, QLatin1String(HandlerGenerator::InboundPath)));
}

void InboundSetup::checkDomainName()
{
    emit progress(tr("Checking that %1 is free").arg(m_domainName), 0, 1);
    m_call = m_client->sipDomains().listSipDomains(
        this, [this](const TwilioResult<QList<SipDomain>> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                failWith(toOperationError(tr("Listing the account's SIP domains"), result.error));
                return;
            }
            for (const SipDomain &domain : result.value) {
                if (domain.domainName.compare(m_domainName, Qt::CaseInsensitive) != 0)
                    continue;
                if (!isOurs(domain)) {
                    failWith(makeOperationError(
                        tr("The SIP domain %1 already exists in this account and sends its calls "
                           "to %2, not to the migration's handler. Choose another name, or "
                           "delete that domain in the Twilio Console first.")
                            .arg(m_domainName, domain.voiceUrl.value_or(QString()).isEmpty()
                                                   ? tr("no voice URL")
                                                   : shown(*domain.voiceUrl))));
                    return;
                }
                m_existing = domain;
            }
            HandlerGenerator generator({}, equivalence().behaviour());
            const QByteArray source = generator.inboundSource();
            const QByteArray refer = generator.referSource();
            if (source.isEmpty() || refer.isEmpty()) {
                failWith(makeOperationError(generator.errorString()));
                return;
            }
            HandlerRequest request;
            request.runId = m_run.runId();
            request.trunkSid = m_trunk.sid;
            request.serviceUniqueName = m_options.serviceUniqueName;
            request.function = {QStringLiteral("inboundHandler"),
                                QLatin1String(HandlerGenerator::InboundPath), source};
            request.companions = {{QStringLiteral("referHandler"),
                                   QLatin1String(HandlerGenerator::ReferPath), refer}};
            request.selfHostedUrl = m_selfHostedUrl;
            request.exportBehaviour = equivalence().behaviour();
            m_provisioner->start(request);
        });
}

void InboundSetup::provisioned(const HandlerOutcome &outcome)
{
    if (!m_running)
        return;
    m_handler = outcome;
    writeDomain();
}

void InboundSetup::writeDomain()
{
    const QString url = m_handler.url.toString();
    const CallEquivalence calls = equivalence();
    const bool secure = calls.secure();
    SipDomainParams params;
    SetupChange change;
    if (m_existing) {
        const SipDomain &domain = *m_existing;
        if (domain.friendlyName != m_friendlyName)
            params.friendlyName = m_friendlyName;
        if (!url.isEmpty() && domain.voiceUrl.value_or(QString()) != url)
            params.voiceUrl = url;
        if (!url.isEmpty() && domain.voiceMethod.value_or(Post) != Post)
            params.voiceMethod = Post;
        if (domain.secure != secure)
            params.secure = secure;
        if (domain.emergencyCallingEnabled != calls.emergencyCalling())
            params.emergencyCallingEnabled = calls.emergencyCalling();
        if (domain.emergencyCallerSid.value_or(QString()) != m_options.calls.emergencyCallerSid)
            params.emergencyCallerSid = m_options.calls.emergencyCallerSid;
        if (domain.voiceFallbackUrl.value_or(QString()) != calls.fallbackUrl() ||
            (!calls.fallbackUrl().isEmpty() &&
             domain.voiceFallbackMethod.value_or(Post).toUpper() != calls.fallbackMethod())) {
            params.voiceFallbackUrl = calls.fallbackUrl();
            if (!calls.fallbackUrl().isEmpty())
                params.voiceFallbackMethod = calls.fallbackMethod();
        }
        if (params.toForm().isEmpty()) {
            domainReady(domain); // already as asked
            return;
        }
        change = SetupChange(QStringLiteral("update_sip_domain"), domain.sid + u' ' + m_domainName,
                             domain.voiceUrl.value_or(QString()), url);
    } else {
        params.domainName = m_domainName;
        params.friendlyName = m_friendlyName;
        if (!url.isEmpty()) {
            params.voiceUrl = url;
            params.voiceMethod = Post;
        }
        params.secure = secure;
        // Twilio routes emergency calls to the PSAP itself once this is on (issue 8).
        params.emergencyCallingEnabled = calls.emergencyCalling();
        if (!m_options.calls.emergencyCallerSid.isEmpty())
            params.emergencyCallerSid = m_options.calls.emergencyCallerSid;
        if (!calls.fallbackUrl().isEmpty()) {
            params.voiceFallbackUrl = calls.fallbackUrl();
            params.voiceFallbackMethod = calls.fallbackMethod();
        }
        change = SetupChange(QStringLiteral("create_sip_domain"), m_domainName, {},
                             m_domainName + u' ' + url);
    }
    emit progress(tr("Setting up the SIP domain %1").arg(m_domainName), 0, 1);
    const QString sid = m_existing ? m_existing->sid : QString();
    const auto call = m_run.track<SipDomain>(
        change,
        [this, sid, params](TwilioCallback<SipDomain> done) {
            return sid.isEmpty()
                       ? m_client->sipDomains().createSipDomain(params, this, std::move(done))
                       : m_client->sipDomains().updateSipDomain(sid, params, this, std::move(done));
        },
        [this](const TwilioResult<SipDomain> &result) {
            if (!m_running)
                return;
            if (result.ok()) {
                domainReady(result.value);
                return;
            }
            OperationError error = toOperationError(tr("Creating the SIP domain"), result.error);
            if (result.error.code == 21232)
                error.message =
                    tr("Twilio refused the SIP domain name %1 (error 21232): it is taken by "
                       "another Twilio account, was deleted less than about 30 days ago, or is "
                       "not allowed. Choose another name.")
                        .arg(m_domainName);
            failWith(error);
        });
    if (call)
        m_call = *call;
    else
        failWith(makeOperationError(m_run.errorString()));
}

void InboundSetup::domainReady(const SipDomain &domain)
{
    if (!Validation::isSid(domain.sid, "SD")) {
        failWith(makeOperationError(tr("Twilio's answer carries no valid SIP domain SID.")));
        return;
    }
    // The migrate gate trusts this answer, not what was asked: a domain Twilio did not enable
    // for emergency calls must not let emergency numbers move.
    const CallEquivalence calls = equivalence();
    if (calls.emergencyCalling() && !domain.emergencyCallingEnabled) {
        failWith(makeOperationError(
            tr("Twilio did not enable emergency calling on %1. Check that the trunk's emergency "
               "numbers have registered emergency addresses, then run this step again.")
                .arg(m_domainName)));
        return;
    }
    m_result.emergencyCallingEnabled = domain.emergencyCallingEnabled;
    m_result.domainSid = domain.sid;
    m_result.domainName = m_domainName;
    m_run.setValue(QStringLiteral("inbound.domain_sid"), domain.sid);
    m_run.setValue(QStringLiteral("inbound.domain_name"), m_domainName);
    m_mapper->start(domain.sid, m_trunk.ipAccessControlLists, m_trunk.credentialLists);
}

void InboundSetup::mapped(const QVector<NamedSid> &acls, const QVector<NamedSid> &credentialLists)
{
    if (!m_running)
        return;
    m_result.ipAccessControlLists = acls;
    m_result.credentialLists = credentialLists;
    m_result.sipUris = SipEdgeUris::uris(m_domainName);
    m_result.handlerUrl = m_handler.url;
    m_result.selfHosted = m_handler.selfHosted;
    m_result.exportedTo = m_handler.exportedTo;
    QStringList notes;
    if (!m_handler.note.isEmpty())
        notes.append(m_handler.note);
    const bool hadUrl = m_existing && !m_existing->voiceUrl.value_or(QString()).isEmpty();
    if (m_handler.url.isEmpty() && !hadUrl)
        notes.append(tr("The SIP domain has no voice URL yet, so Twilio rejects calls from the "
                        "PBX until the handler is hosted and this step is run again."));
    if (!m_handler.url.isEmpty())
        m_run.setValue(QStringLiteral("inbound.handler_url"), m_handler.url.toString());
    if (acls.isEmpty() && credentialLists.isEmpty())
        notes.append(tr("The trunk has no IP access control list or credential list, so the "
                        "SIP domain accepts no calls yet: add one to the domain in the Twilio "
                        "Console."));
    m_result.note = notes.join(u' ');
    m_running = false;
    m_run.finishRun(QStringLiteral("finished"));
    qCInfo(lcSetup) << "SIP domain" << m_result.domainSid << "ready";
    emit finished(m_result);
}

void InboundSetup::failWith(const OperationError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_run.finishRun(QStringLiteral("failed"));
    qCWarning(lcSetup) << "inbound set-up failed:" << error.message;
    emit failed(error);
}
