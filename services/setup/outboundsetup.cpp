#include "outboundsetup.h"

#include "handlergenerator.h"
#include "journal.h"
#include "operationerrors.h"
#include "originationpicker.h"
#include "setupchecks.h"
#include "setuplogging.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "validation.h"
#include "voiceapi.h"

#include <QJsonValue>

namespace {
const QString Post = QStringLiteral("POST");

OutboundHandlerOptions handlerOptions(const OutboundOptions &options)
{
    OutboundHandlerOptions result;
    result.secure = options.secure.value_or(false);
    result.edge = options.edge;
    result.passCallSidAsUserToUser = options.callSidAsUserToUser;
    for (const auto &parameter : options.customParameters)
        result.sipParameters.append(parameter);
    return result;
}

// The choices, with a PBX domain typed for step 2 standing for the whole origination table.
CallChoices choicesOf(const OutboundOptions &options)
{
    CallChoices calls = options.calls;
    if (!options.pbxDomain.isEmpty())
        calls.pbxDomain = options.pbxDomain;
    return calls;
}

// The voice fields a revert restores, as Twilio returned them (nulls kept): the same set the
// engine snapshots in step 4, so either step can revert a number the other migrated.
QJsonObject voiceSnapshot(const IncomingPhoneNumber &number)
{
    static const char *const fields[] = {"voice_url",
                                         "voice_method",
                                         "voice_fallback_url",
                                         "voice_fallback_method",
                                         "status_callback",
                                         "status_callback_method",
                                         "voice_application_sid",
                                         "trunk_sid",
                                         "voice_caller_id_lookup"};
    QJsonObject snapshot;
    for (const char *field : fields) {
        const QLatin1String key(field);
        snapshot.insert(key, number.raw.contains(key) ? number.raw.value(key) : QJsonValue());
    }
    return snapshot;
}
} // namespace

OutboundSetup::OutboundSetup(TwilioClient *client, Journal *journal, AuditLog *audit,
                             const QString &accountSid, QObject *parent)
    : QObject(parent)
    , m_run(journal, audit, accountSid)
    , m_journal(journal)
    , m_client(client)
    , m_provisioner(new HandlerProvisioner(client, journal, audit, accountSid, this))
{
    connect(m_provisioner, &HandlerProvisioner::progress, this, &OutboundSetup::progress);
    connect(m_provisioner, &HandlerProvisioner::ready, this, &OutboundSetup::provisioned);
    connect(m_provisioner, &HandlerProvisioner::failed, this, &OutboundSetup::failWith);
}

void OutboundSetup::setExportDirectory(const QString &directory)
{
    m_provisioner->setExportDirectory(directory);
}

void OutboundSetup::setBuildTiming(int pollIntervalMs, int timeoutMs)
{
    m_provisioner->setBuildTiming(pollIntervalMs, timeoutMs);
}

CallEquivalence OutboundSetup::equivalenceFor(const OutboundOptions &options,
                                              const TrunkSummary &trunk)
{
    return CallEquivalence(trunk, choicesOf(options), options.secure);
}

QString OutboundSetup::pbxDomainFor(const OutboundOptions &options, const TrunkSummary &trunk)
{
    return options.pbxDomain.isEmpty() ? OriginationPicker::defaultPbxDomain(trunk.originationUrls)
                                       : options.pbxDomain;
}

QString OutboundSetup::check(const OutboundOptions &options, const TrunkSummary &trunk)
{
    if (const QString e = SetupChecks::checkTrunk(options.trunkSid, trunk); !e.isEmpty())
        return e;
    if (const QString e = handlerOptions(options).check(); !e.isEmpty())
        return e;
    const CallEquivalence calls = equivalenceFor(options, trunk);
    if (const QString e = calls.check(); !e.isEmpty())
        return e;
    const QString pbxDomain = pbxDomainFor(options, trunk);
    if (pbxDomain.isEmpty())
        return tr("The trunk has no enabled origination URL to take the PBX's address from: "
                  "enter the PBX domain.");
    if (const QString e = Validation::checkPbxDomain(pbxDomain); !e.isEmpty())
        return e;
    if (!options.testNumberSid.isEmpty()) {
        if (const QString e =
                Validation::checkSid(options.testNumberSid, "PN", tr("The test number SID"));
            !e.isEmpty())
            return e;
    }
    if (!options.selfHostedHandlerUrl.isEmpty()) {
        if (const QString e = Validation::checkWebhookUrl(options.selfHostedHandlerUrl);
            !e.isEmpty())
            return e;
        // The handlers name each other by relative URL (failover, transfers): served side by
        // side under their own names, or those quietly stop working.
        if (!options.selfHostedHandlerUrl.path().endsWith(QLatin1String("/outboundHandler")))
            return tr("The self-hosted handler URL must end in /outboundHandler, with "
                      "inboundHandler and referHandler served beside it: the handlers find each "
                      "other by those names.");
    }
    // The test number moves now: what it loses is acknowledged first (migrate asks the rest).
    if (!options.testNumberSid.isEmpty())
        return calls.unacknowledgedChanges();
    return {};
}

void OutboundSetup::start(const OutboundOptions &options, const TrunkSummary &trunk)
{
    if (m_running)
        return;
    m_options = options;
    m_options.secure = options.secure.value_or(trunk.secure);
    m_trunk = trunk;
    m_result = {};
    m_number = {};
    m_running = true;
    const QString problem = SetupChecks::beginRun(m_run, check(options, trunk), trunk.sid,
                                                  QStringLiteral("setup-outbound"));
    if (!problem.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, problem] { failWith(makeOperationError(problem)); }, Qt::QueuedConnection);
        return;
    }
    m_pbxDomain = pbxDomainFor(options, trunk);
    if (options.testNumberSid.isEmpty())
        provision();
    else
        fetchTestNumber();
}

void OutboundSetup::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_provisioner->cancel();
    m_call.cancel();
    m_run.finishRun(QStringLiteral("cancelled"));
    emit failed(makeOperationError(tr("Setting up calls to the PBX was cancelled.")));
}

void OutboundSetup::fetchTestNumber()
{
    // Checked before anything is deployed, so a wrong choice changes nothing.
    emit progress(tr("Reading the test number"), 0, 1);
    m_call = m_client->voice().fetchIncomingPhoneNumber(
        m_options.testNumberSid, this, [this](const TwilioResult<IncomingPhoneNumber> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                failWith(toOperationError(tr("Reading the test number"), result.error));
                return;
            }
            m_number = result.value;
            const QString trunkSid = m_number.trunkSid.value_or(QString());
            if (m_number.sid != m_options.testNumberSid ||
                !Validation::isE164(m_number.phoneNumber)) {
                failWith(makeOperationError(tr("Twilio's answer for the test number is not "
                                               "usable (no matching SID or E.164 number).")));
                return;
            }
            if (m_number.isFax()) {
                failWith(makeOperationError(
                    tr("The test number %1 receives faxes (voice_receive_mode=fax); the handlers "
                       "carry voice calls only. Choose a voice number.")
                        .arg(m_number.phoneNumber)));
                return;
            }
            if (!trunkSid.isEmpty() && trunkSid != m_trunk.sid) {
                failWith(makeOperationError(
                    tr("The test number %1 is on trunk %2, not on the trunk being migrated (%3).")
                        .arg(m_number.phoneNumber,
                             Validation::isSid(trunkSid, "TK") ? trunkSid : tr("another trunk"),
                             m_trunk.sid)));
                return;
            }
            provision();
        });
}

void OutboundSetup::provision()
{
    const OutboundHandlerOptions options = handlerOptions(m_options);
    HandlerGenerator generator(options, equivalenceFor(m_options, m_trunk).behaviour());
    const QByteArray source = generator.outboundSource();
    const QByteArray refer = generator.referSource();
    if (source.isEmpty() || refer.isEmpty()) {
        failWith(makeOperationError(generator.errorString()));
        return;
    }
    HandlerRequest request;
    request.runId = m_run.runId();
    request.trunkSid = m_trunk.sid;
    // The service step 1 used, so the new build keeps inboundHandler live beside this one.
    request.serviceUniqueName = m_run.value(QStringLiteral("serverless.service_name"));
    if (request.serviceUniqueName.isEmpty())
        request.serviceUniqueName = InboundOptions().serviceUniqueName;
    request.function = {QStringLiteral("outboundHandler"),
                        QLatin1String(HandlerGenerator::OutboundPath), source};
    request.companions = {
        {QStringLiteral("referHandler"), QLatin1String(HandlerGenerator::ReferPath), refer}};
    // The name the generated handler reads: one constant for both sides.
    request.variables = {{QLatin1String(HandlerGenerator::PbxDomainVariable), m_pbxDomain}};
    request.selfHostedUrl = m_options.selfHostedHandlerUrl;
    request.exportOptions = options;
    request.exportBehaviour = equivalenceFor(m_options, m_trunk).behaviour();
    request.exportPbxDomain = m_pbxDomain;
    m_provisioner->start(request);
}

void OutboundSetup::provisioned(const HandlerOutcome &outcome)
{
    if (!m_running)
        return;
    m_handler = outcome;
    if (!outcome.url.isEmpty())
        m_run.setValue(QStringLiteral("outbound.handler_url"), outcome.url.toString());
    m_run.setValue(QStringLiteral("outbound.pbx_domain"), m_pbxDomain);
    if (m_number.sid.isEmpty() || outcome.url.isEmpty())
        complete();
    else
        setVoiceUrl();
}

bool OutboundSetup::snapshot()
{
    NumberBackup snapshot;
    snapshot.numberSid = m_number.sid;
    snapshot.phoneNumber = m_number.phoneNumber;
    snapshot.priorSettings = voiceSnapshot(m_number);
    snapshot.priorTrunkSid = m_number.trunkSid.value_or(QString());
    // INSERT OR IGNORE: a snapshot from an earlier run (the original settings) is kept.
    if (m_journal->saveBackup(m_run.runId(), m_run.accountSid(), snapshot))
        return true;
    failWith(makeOperationError(tr("The settings of %1 could not be saved, so it was not "
                                   "changed: %2")
                                    .arg(m_number.phoneNumber, m_journal->errorString())));
    return false;
}

void OutboundSetup::setVoiceUrl()
{
    const QString url = m_handler.url.toString();
    if (m_number.voiceUrl.value_or(QString()) == url &&
        m_number.voiceMethod.value_or(Post) == Post) {
        removeFromTrunk();
        return;
    }
    if (!snapshot())
        return;
    emit progress(tr("Pointing %1 at the handler").arg(m_number.phoneNumber), 0, 2);
    // The same settings as step 4 gives every number (fallback URL, the URLs the trunk ignored).
    IncomingPhoneNumberUpdate update = equivalenceFor(m_options, m_trunk).numberUpdate(m_number);
    SetupChange change(QStringLiteral("set_voice_url"), url,
                       QStringLiteral("voice_url=%1; voice_method=%2")
                           .arg(m_number.voiceUrl.value_or(QStringLiteral("null")),
                                m_number.voiceMethod.value_or(QStringLiteral("null"))),
                       QStringLiteral("voice_url=%1; voice_method=POST").arg(url) +
                           CallEquivalence::describe(update));
    update.voiceUrl = url;
    update.voiceMethod = Post;
    updateNumber(change, update, tr("Setting the test number's voice URL (it stays on the trunk)"),
                 &OutboundSetup::removeFromTrunk);
}

void OutboundSetup::removeFromTrunk()
{
    // The invariant: off the trunk only with the handler as its voice URL, as Twilio last
    // answered for it (an answer without it, even a 200, leaves the number where it is).
    if (m_number.voiceUrl.value_or(QString()) != m_handler.url.toString() ||
        m_number.voiceMethod.value_or(Post) != Post) {
        failWith(makeOperationError(
            tr("Twilio's answer does not show %1 with the handler as its voice URL, so it was "
               "left on the trunk.")
                .arg(m_number.phoneNumber)));
        return;
    }
    if (m_number.trunkSid.value_or(QString()).isEmpty()) {
        complete(); // already off the trunk: migrated before
        return;
    }
    if (!snapshot())
        return;
    emit progress(tr("Taking %1 off the trunk").arg(m_number.phoneNumber), 1, 2);
    SetupChange change(QStringLiteral("remove_from_trunk"), m_trunk.sid,
                       QStringLiteral("trunk_sid=") + m_trunk.sid,
                       QStringLiteral("trunk_sid=null"));
    change.numberSid = m_number.sid;
    change.phoneNumber = m_number.phoneNumber;
    const auto call = m_run.track<TwilioNoContent>(
        change,
        [this](TwilioCallback<TwilioNoContent> done) {
            return m_client->trunking().removeTrunkPhoneNumber(m_trunk.sid, m_number.sid, this,
                                                               std::move(done));
        },
        [this](const TwilioResult<TwilioNoContent> &result) {
            if (!m_running)
                return;
            if (result.error.httpStatus == 404)
                clearTrunkSid(); // no PhoneNumbers subresource here (IE1)
            else if (!result.ok())
                failWith(toOperationError(tr("Taking the test number off the trunk (it has the "
                                             "new voice URL but still rings the trunk)"),
                                          result.error));
            else
                complete();
        });
    keep(call);
}

void OutboundSetup::clearTrunkSid()
{
    // Where the trunk's PhoneNumbers subresource is missing, the number itself still takes the
    // trunk off: TrunkSid sent empty clears it (the engine does the same in step 4).
    SetupChange change(QStringLiteral("clear_trunk_sid"), m_trunk.sid,
                       QStringLiteral("trunk_sid=") + m_trunk.sid,
                       QStringLiteral("trunk_sid=null"));
    IncomingPhoneNumberUpdate update;
    update.trunkSid = QString(QLatin1String(""));
    updateNumber(change, update,
                 tr("Taking the test number off the trunk (it has the new voice URL but still "
                    "rings the trunk)"),
                 &OutboundSetup::complete);
}

void OutboundSetup::updateNumber(SetupChange change, const IncomingPhoneNumberUpdate &update,
                                 const QString &failure, void (OutboundSetup::*next)())
{
    change.numberSid = m_number.sid;
    change.phoneNumber = m_number.phoneNumber;
    const auto call = m_run.track<IncomingPhoneNumber>(
        change,
        [this, update](TwilioCallback<IncomingPhoneNumber> done) {
            return m_client->voice().updateIncomingPhoneNumber(m_number.sid, update, this,
                                                               std::move(done));
        },
        [this, failure, next](const TwilioResult<IncomingPhoneNumber> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                failWith(toOperationError(failure, result.error));
                return;
            }
            if (result.value.sid != m_number.sid) {
                failWith(makeOperationError(
                    tr("Twilio's answer is about another number than %1; nothing more was "
                       "changed.")
                        .arg(m_number.phoneNumber)));
                return;
            }
            m_number = result.value;
            (this->*next)();
        });
    keep(call);
}

void OutboundSetup::keep(const std::optional<TwilioHandle> &call)
{
    if (call)
        m_call = *call;
    else
        failWith(makeOperationError(m_run.errorString()));
}

void OutboundSetup::complete()
{
    m_result.handlerUrl = m_handler.url;
    m_result.selfHosted = m_handler.selfHosted;
    m_result.exportedTo = m_handler.exportedTo;
    m_result.testNumberSid = m_number.sid;
    m_result.testPhoneNumber = m_number.phoneNumber;
    QStringList notes;
    if (!m_handler.note.isEmpty())
        notes.append(m_handler.note);
    if (!m_number.sid.isEmpty()) {
        m_run.setValue(QStringLiteral("outbound.test_number_sid"), m_number.sid);
        if (m_handler.url.isEmpty())
            notes.append(tr("The test number %1 was left on the trunk: it can move once the "
                            "handler has an address.")
                             .arg(m_number.phoneNumber));
    }
    m_result.note = notes.join(u' ');
    m_running = false;
    m_run.finishRun(QStringLiteral("finished"));
    qCInfo(lcSetup) << "outbound handler ready; test number" << m_number.sid;
    emit finished(m_result);
}

void OutboundSetup::failWith(const OperationError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_run.finishRun(QStringLiteral("failed"));
    qCWarning(lcSetup) << "outbound set-up failed:" << error.message;
    emit failed(error);
}
