#include "migrationservice.h"

#include "accountconnector.h"
#include "auditlog.h"
#include "enginecontext.h"
#include "engineerrors.h"
#include "enginelogging.h"
#include "migrationplanner.h"
#include "numberinventory.h"
#include "numberrun.h"
#include "recentcallsquery.h"
#include "runlock.h"
#include "runrecovery.h"
#include "savedinbound.h"
#include "setupsteps.h"
#include "stepfourinput.h"
#include "trunkcatalog.h"
#include "trunkdeletion.h"
#include "twilioclient.h"
#include "validation.h"

#include <QFileInfo>

MigrationService::MigrationService(QObject *parent)
    : MigrationBackend(parent)
    , m_client(new TwilioClient(this))
    , m_storage(std::make_unique<EngineStorage>())
{}

MigrationService::~MigrationService()
{
    // Jobs first: their callbacks use the client and the journal, which go before the
    // children do.
    m_client->cancelAll();
    delete m_job.data();
    // Finished runs waiting for deleteLater still own a journal writer.
    qDeleteAll(findChildren<NumberRun *>(QString(), Qt::FindDirectChildrenOnly));
}

void MigrationService::setJournalPath(const QString &path)
{
    m_storage->setPath(path);
}

void MigrationService::setSandboxOptions(const SandboxOptions &options)
{
    m_sandboxOptions = options;
}

void MigrationService::setConcurrency(int maximum)
{
    m_client->setMaxConcurrency(maximum);
}

void MigrationService::setOperatorName(const QString &name)
{
    m_storage->setOperatorName(name);
}

// ---- operation bookkeeping ----

bool MigrationService::beginOperation(Operation operation, bool needsAccount)
{
    if (m_busy) {
        failLater(Operation::Busy, tr("Another operation is still running."));
        return false;
    }
    if (needsAccount && m_account.sid.isEmpty()) {
        failLater(operation, tr("Connect to an account first."));
        return false;
    }
    if (!takeRunLock(operation))
        return false;
    if (operation != Operation::Plan && operation != Operation::Migrate &&
        operation != Operation::LoadNumbers)
        m_listedOff.clear(); // the account may change now: the listing no longer says how it is
    m_busy = true;
    m_operation = operation;
    emit busyChanged(true);
    return true;
}

bool MigrationService::takeRunLock(Operation operation)
{
    switch (operation) {
    case Operation::SetupInbound:
    case Operation::SetupOutbound:
    case Operation::Migrate:
    case Operation::Revert:
    case Operation::Resume:
    case Operation::Rollback:
    case Operation::DeleteTrunk:
        break;
    default:
        return true;
    }
    if (!m_lock)
        m_lock = std::make_unique<RunLock>(m_account.sid, apiAuthority());
    if (m_lock->acquire())
        return true;
    failLater(operation, tr("Another Trunk Migrator run is changing account %1 right now (%2). "
                            "Wait for it to finish; nothing was changed.")
                             .arg(m_account.sid, m_lock->holder().describe()));
    return false;
}

QString MigrationService::apiAuthority() const
{
    return m_client->hosts().baseUrl(TwilioHosts::Product::Api).authority();
}

void MigrationService::endOperation()
{
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    m_cancelJob = nullptr;
    if (m_lock)
        m_lock->release();
    if (std::exchange(m_stopping, false))
        m_client->clearStopBy();
    m_busy = false;
    emit busyChanged(false);
}

void MigrationService::failOperation(Operation operation, const OperationError &error)
{
    endOperation();
    emit failed(operation, error);
}

void MigrationService::failLater(Operation operation, const QString &message)
{
    // Every call returns before its result arrives, refusals included.
    QMetaObject::invokeMethod(
        this, [this, operation, message] { emit failed(operation, EngineErrors::local(message)); },
        Qt::QueuedConnection);
}

EngineContext MigrationService::context()
{
    EngineContext context{m_client, m_storage->journal(), m_storage->audit(), m_account.sid,
                          m_numberDeadlineMs};
    context.removalSettleMs = m_removalSettleMs;
    if (m_clock)
        context.now = m_clock;
    return context;
}

int MigrationService::window() const
{
    // Twice the client's ceiling: enough numbers in hand to keep every request slot busy while
    // some are between two calls, without queueing thousands of jobs.
    return 2 * qMax(1, m_client->counters().maximum);
}

// ---- connect, trunks, numbers ----

void MigrationService::connectAccount(const ConnectionSettings &settings)
{
    if (!beginOperation(Operation::Connect, false))
        return;
    if (!m_storage->selectFor(settings.sandbox))
        return failOperation(Operation::Connect, EngineErrors::local(m_storage->errorString()));
    auto *job = new AccountConnector(m_client, m_sandboxOptions, this);
    m_job = job;
    connect(job, &AccountConnector::failed, this,
            [this](const OperationError &e) { failOperation(Operation::Connect, e); });
    connect(job, &AccountConnector::connected, this, [this, job](const AccountInfo &info) {
        m_storage->addSecretToRedact(job->secretInUse());
        if (!m_storage->open())
            return failOperation(Operation::Connect, EngineErrors::local(m_storage->errorString()));
        m_account = info;
        m_lock.reset();
        Journal &journal = *m_storage->journal();
        m_handlerUrl =
            journal.setupValue(info.sid, SetupSteps::handlerUrlKey()).value_or(QString());
        m_sheet = SavedInbound::sheet(journal, info.sid);
        qCInfo(lcEngine) << "connected to" << info.sid << (info.sandbox ? "(sandbox)" : "");
        endOperation();
        emit connected(info);
    });
    m_storage->addSecretToRedact(settings.secret);
    job->start(settings, &m_sandbox, this);
}

void MigrationService::loadTrunks()
{
    if (!beginOperation(Operation::LoadTrunks))
        return;
    auto *job = new TrunkCatalog(context(), this);
    m_job = job;
    connect(job, &TrunkCatalog::failed, this,
            [this](const OperationError &e) { failOperation(Operation::LoadTrunks, e); });
    connect(job, &TrunkCatalog::loaded, this, [this](const QVector<TrunkSummary> &trunks) {
        m_trunks = trunks;
        endOperation();
        emit trunksLoaded(trunks);
    });
    job->start();
}

void MigrationService::loadNumbers(const QString &trunkSid)
{
    const QString problem = Validation::checkSid(trunkSid, "TK", tr("The trunk SID"));
    if (!problem.isEmpty())
        return failLater(Operation::LoadNumbers, problem);
    if (!beginOperation(Operation::LoadNumbers))
        return;
    m_trunkSid = trunkSid;
    auto *job = new NumberInventory(context(), trunkSid, this);
    m_job = job;
    connect(job, &NumberInventory::failed, this,
            [this](const OperationError &e) { failOperation(Operation::LoadNumbers, e); });
    connect(job, &NumberInventory::loaded, this,
            [this](const QString &trunk, const QVector<NumberInfo> &numbers) {
                m_listedOff.clear();
                for (const NumberInfo &n : numbers)
                    if (n.trunkSid.isEmpty())
                        m_listedOff.insert(n.sid, n);
                m_listedAt.start();
                endOperation();
                emit numbersLoaded(trunk, numbers);
            });
    job->start();
}

// ---- step 4 ----

void MigrationService::plan(const QStringList &numberSids, const QUrl &voiceUrl)
{
    QString problem = StepFourInput::checkSelection(numberSids, m_trunkSid);
    const QString url =
        problem.isEmpty() ? StepFourInput::voiceUrl(voiceUrl, m_handlerUrl, &problem) : QString();
    if (!problem.isEmpty())
        return failLater(Operation::Plan, problem);
    if (!beginOperation(Operation::Plan))
        return;
    auto *job = new MigrationPlanner(context(), numberSids, m_trunkSid, url, this);
    m_job = job;
    connect(job, &MigrationPlanner::failed, this,
            [this](const OperationError &e) { failOperation(Operation::Plan, e); });
    connect(job, &MigrationPlanner::ready, this, [this](const MigrationPlan &result) {
        endOperation();
        emit planReady(result);
    });
    job->start();
}

void MigrationService::startRun(NumberRun *run, Operation operation)
{
    m_job = run;
    m_run = run;
    const QString stage =
        operation == Operation::Migrate ? tr("Migrating numbers") : tr("Reverting numbers");
    connect(run, &NumberRun::numberChanged, this, &MigrationBackend::numberChanged);
    connect(run, &NumberRun::progress, this,
            [this, stage](int done, int total) { emit progress(stage, done, total); });
    connect(run, &NumberRun::finished, this, [this](const RunSummary &summary) {
        endOperation();
        emit runFinished(summary);
    });
}

void MigrationService::migrate(const QStringList &numberSids, const QUrl &voiceUrl)
{
    QString problem = StepFourInput::checkSelection(numberSids, m_trunkSid);
    const QString url =
        problem.isEmpty() ? StepFourInput::voiceUrl(voiceUrl, m_handlerUrl, &problem) : QString();
    if (!problem.isEmpty())
        return failLater(Operation::Migrate, problem);
    if (!beginOperation(Operation::Migrate))
        return;
    auto *run = new NumberRun(context(), NumberRun::Kind::Migrate, m_trunkSid, url, window(), this);
    // Already migrated in the listing just read: nothing to do, so no read either (a re-run of
    // a finished trunk makes no call and cannot fail on one).
    QHash<QString, NumberInfo> listed;
    const bool fresh = m_listedAt.isValid() && m_listedAt.elapsed() < 60000;
    for (const QString &sid : fresh ? numberSids : QStringList()) {
        const auto found = m_listedOff.constFind(sid);
        if (found != m_listedOff.cend() && found->voiceUrl == url &&
            found->voiceMethod == QLatin1String("POST"))
            listed.insert(sid, *found);
    }
    run->setListedMigrated(listed);
    m_listedOff.clear();
    startRun(run, Operation::Migrate);
    if (!run->start(numberSids))
        failOperation(Operation::Migrate, EngineErrors::local(run->errorString()));
}

void MigrationService::revert(const QStringList &numberSids)
{
    const QString problem = StepFourInput::checkSelection(numberSids, m_trunkSid);
    if (!problem.isEmpty())
        return failLater(Operation::Revert, problem);
    if (!beginOperation(Operation::Revert))
        return;
    auto *run = new NumberRun(context(), NumberRun::Kind::Revert, m_trunkSid, {}, window(), this);
    startRun(run, Operation::Revert);
    if (!run->start(numberSids))
        failOperation(Operation::Revert, EngineErrors::local(run->errorString()));
}

void MigrationService::cancel()
{
    if (m_run &&
        m_job.data() == m_run.data()) { // a finished run (deleted later) has nothing to stop
        // A stop takes seconds, not a timeout or a retry cycle: every call in flight or still to
        // start (retries, re-reads) ends within StopDeadlineMs. Cutting a call short is safe:
        // numbers stop at safe points, and resume decides an unanswered one from live state.
        // The usual timeouts return with the next operation.
        if (!std::exchange(m_stopping, true))
            m_client->setStopBy(StopDeadlineMs);
        m_run->cancel();
    } else if (m_cancelJob)
        m_cancelJob(); // set-up steps stop after the call in flight and report failed()
    else if (m_job && m_busy)
        // Reads: dropping the job drops its pending callbacks.
        failOperation(m_operation, EngineErrors::local(tr("Cancelled.")));
}

// ---- recovery ----

InterruptedRun MigrationService::interruptedRun() const
{
    // Works before connectAccount() too (the wizard asks at start-up): the journal is opened
    // on demand, never created for a mere question, and then any account's run counts.
    if (!m_storage->isOpen() && (!m_storage->exists() || !m_storage->open()))
        return {};
    const qint64 own = m_run ? m_run->runId() : 0;
    InterruptedRun found = m_account.sid.isEmpty()
                               ? RunRecovery::findAnyAccount(*m_storage->journal(), own)
                               : RunRecovery(*m_storage->journal(), m_account.sid).find(own);
    // A run another live process is making is running, not interrupted. Before connecting
    // the host is not known: Twilio's is assumed (a sandbox's runs are found once connected).
    if (found.isNull())
        return found;
    const bool connected = found.accountSid == m_account.sid;
    const RunLock probe(found.accountSid, connected ? apiAuthority() : QString());
    if (!(m_lock && m_lock->isHeld()))
        if (const auto holder = probe.liveHolder())
            found.runningElsewhere = holder->describe();
    return found;
}

InterruptedRun MigrationService::stoppedRun() const
{
    if (m_account.sid.isEmpty() || !m_storage->isOpen())
        return {};
    return RunRecovery(*m_storage->journal(), m_account.sid).findStopped();
}

void MigrationService::resume()
{
    recover(Operation::Resume);
}

void MigrationService::rollback()
{
    recover(Operation::Rollback);
}

void MigrationService::recover(Operation operation)
{
    const bool resuming = operation == Operation::Resume;
    InterruptedRun found = interruptedRun();
    if (found.isNull() && resuming)
        found = stoppedRun(); // a run the user stopped: resume finishes its numbers
    const QString refusal = RunRecovery::refusal(found, m_account.sid, resuming);
    if (!refusal.isEmpty())
        return failLater(operation, refusal);
    if (!beginOperation(operation))
        return;
    RunRecovery recovery(*m_storage->journal(), m_account.sid);
    RunRecovery::Restart restart;
    if (!recovery.prepare(found.runId, resuming, &restart))
        return failOperation(operation, EngineErrors::local(recovery.errorString()));
    // Calls the dead process had sent without a result: their audit rows say so (the resumed
    // numbers add what the live state showed).
    if (!m_storage->audit()->closePending(m_account.sid,
                                          QStringLiteral("interrupted (outcome unknown)")))
        return failOperation(operation, EngineErrors::local(m_storage->audit()->errorString()));
    m_trunkSid = restart.trunkSid;
    auto *run =
        new NumberRun(context(), restart.kind, restart.trunkSid, restart.voiceUrl, window(), this);
    startRun(run, restart.kind == NumberRun::Kind::Migrate ? Operation::Migrate : operation);
    const bool started = restart.runId != 0
                             ? run->resume(restart.runId, restart.openSteps, restart.numbers)
                             : run->start(restart.numbers);
    if (!started)
        failOperation(operation, EngineErrors::local(run->errorString()));
}

// ---- audit and trunk ----

void MigrationService::exportAudit(const QString &csvPath)
{
    if (!beginOperation(Operation::ExportAudit))
        return;
    AuditLog *audit = m_storage->audit();
    const bool ok = audit->exportCsvFile(csvPath, m_account.sid);
    const int rows = ok ? int(audit->records(m_account.sid).size()) : 0;
    endOperation();
    if (!ok)
        return failLater(Operation::ExportAudit, audit->errorString());
    QMetaObject::invokeMethod(
        this, [this, csvPath, rows] { emit auditExported(csvPath, rows); }, Qt::QueuedConnection);
}

void MigrationService::deleteTrunk(const QString &trunkSid)
{
    if (!beginOperation(Operation::DeleteTrunk))
        return;
    auto *job = new TrunkDeletion(context(), trunkSid, this);
    m_job = job;
    connect(job, &TrunkDeletion::failed, this,
            [this](const OperationError &e) { failOperation(Operation::DeleteTrunk, e); });
    connect(job, &TrunkDeletion::deleted, this, [this](const QString &sid) {
        endOperation();
        emit trunkDeleted(sid);
    });
    job->start();
}

// ---- steps 1-3 (services/setup) ----

SetupSteps *MigrationService::startSetup(Operation operation)
{
    if (!beginOperation(operation))
        return nullptr;
    auto *steps = new SetupSteps(
        context(), m_trunks,
        QFileInfo(m_storage->path()).absolutePath() + QStringLiteral("/handlers"), this);
    m_job = steps;
    m_cancelJob = [steps] {
        steps->cancel();
    };
    connect(steps, &SetupSteps::progress, this, &MigrationBackend::progress);
    connect(steps, &SetupSteps::failed, this,
            [this, operation](const OperationError &e) { failOperation(operation, e); });
    return steps;
}

void MigrationService::setupInbound(const InboundOptions &options)
{
    SetupSteps *steps = startSetup(Operation::SetupInbound);
    if (!steps)
        return;
    connect(steps, &SetupSteps::inboundReady, this,
            [this, options](const InboundResult &result, const CutoverSheet &sheet) {
                m_trunkSid = options.trunkSid;
                m_sheet = sheet;
                endOperation();
                emit inboundReady(result);
            });
    steps->startInbound(options);
}

void MigrationService::setupOutbound(const OutboundOptions &options)
{
    SetupSteps *steps = startSetup(Operation::SetupOutbound);
    if (!steps)
        return;
    connect(steps, &SetupSteps::outboundReady, this, [this, options](const OutboundResult &result) {
        m_trunkSid = options.trunkSid;
        m_handlerUrl = result.handlerUrl.toString(QUrl::FullyEncoded);
        endOperation();
        emit outboundReady(result);
    });
    steps->startOutbound(options);
}

void MigrationService::loadRecentCalls(const QString &numberOrDomain)
{
    const QString problem = RecentCallsQuery::check(numberOrDomain);
    if (!problem.isEmpty())
        return failLater(Operation::LoadCalls, problem);
    if (!beginOperation(Operation::LoadCalls))
        return;
    auto *query = new RecentCallsQuery(m_client, this);
    m_job = query; // cancel(): dropping the job drops its answers (it reports nothing itself)
    connect(query, &RecentCallsQuery::failed, this,
            [this](const OperationError &e) { failOperation(Operation::LoadCalls, e); });
    connect(query, &RecentCallsQuery::finished, this,
            [this, numberOrDomain](const QVector<CallInfo> &calls) {
                endOperation();
                emit callsLoaded(numberOrDomain, calls);
            });
    query->start(numberOrDomain);
}
