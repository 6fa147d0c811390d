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
#include "runinputchecks.h"
#include "runlock.h"
#include "runrecovery.h"
#include "savedcalls.h"
#include "savedinbound.h"
#include "setupsteps.h"
#include "sparenumbers.h"
#include "trunkcatalog.h"
#include "trunkdeletion.h"
#include "trunkingapi.h"
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

bool MigrationService::beginOperation(BackendJob *job, bool needsAccount)
{
    if (job->hasEnded()) // refused by newJob()
        return false;
    if (m_busy) {
        job->fail(EngineErrors::local(tr("Another operation is still running.")));
        return false;
    }
    if (needsAccount && m_account.sid.isEmpty()) {
        job->fail(EngineErrors::local(tr("Connect to an account first.")));
        return false;
    }
    if (!takeRunLock(job))
        return false;
    const Operation operation = job->operation();
    if (operation != Operation::Plan && operation != Operation::Migrate &&
        operation != Operation::LoadNumbers)
        m_listedOff.clear(); // the account may change now: the listing no longer says how it is
    m_busy = true;
    m_front = job;
    job->setCanceller([this] { cancelOperation(); });
    emit busyChanged(true);
    return true;
}

bool MigrationService::takeRunLock(BackendJob *job)
{
    switch (job->operation()) {
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
    job->fail(
        EngineErrors::local(tr("Another Trunk Migrator run is changing account %1 right now (%2). "
                               "Wait for it to finish; nothing was changed.")
                                .arg(m_account.sid, m_lock->holder().describe())));
    return false;
}

QString MigrationService::apiAuthority() const
{
    return m_client->hosts().baseUrl(TwilioHosts::Product::Api).authority();
}

BackendJob *MigrationService::endOperation()
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
    return std::exchange(m_front, nullptr).data();
}

void MigrationService::failOperation(const OperationError &error)
{
    if (BackendJob *job = endOperation())
        job->fail(error);
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

ConnectJob *MigrationService::connectAccount(const ConnectionSettings &settings)
{
    auto *front = newJob<ConnectJob>(Operation::Connect);
    if (!beginOperation(front, false))
        return front;
    if (!m_storage->selectFor(settings.sandbox, settings.keepSandbox)) {
        failOperation(EngineErrors::local(m_storage->errorString()));
        return front;
    }
    auto *job = new AccountConnector(m_client, m_sandboxOptions, this);
    m_job = job;
    connect(job, &AccountConnector::failed, this, &MigrationService::failOperation);
    connect(job, &AccountConnector::connected, this, [this, job](const AccountInfo &info) {
        m_storage->addSecretToRedact(job->secretInUse());
        m_authToken = job->authTokenInUse();
        m_sandboxBase = job->sandboxBase();
        if (!m_storage->open())
            return failOperation(EngineErrors::local(m_storage->errorString()));
        m_account = info;
        m_lock.reset();
        Journal &journal = *m_storage->journal();
        m_handlerUrl =
            journal.setupValue(info.sid, SetupSteps::handlerUrlKey()).value_or(QString());
        m_sheet = SavedInbound::sheet(journal, info.sid);
        qCInfo(lcEngine) << "connected to" << info.sid << (info.sandbox ? "(sandbox)" : "");
        succeedOperation<ConnectJob>(info);
    });
    m_storage->addSecretToRedact(settings.secret);
    job->start(settings, &m_sandbox, this);
    return front;
}

TrunksJob *MigrationService::loadTrunks()
{
    auto *front = newJob<TrunksJob>(Operation::LoadTrunks);
    if (!beginOperation(front))
        return front;
    auto *job = new TrunkCatalog(context(), this);
    m_job = job;
    connect(job, &TrunkCatalog::failed, this, &MigrationService::failOperation);
    connect(job, &TrunkCatalog::loaded, this, [this](const QVector<TrunkSummary> &trunks) {
        m_trunks = trunks;
        succeedOperation<TrunksJob>(trunks);
    });
    job->start();
    return front;
}

NumbersJob *MigrationService::loadNumbers(const QString &trunkSid)
{
    auto *front = newJob<NumbersJob>(Operation::LoadNumbers,
                                     Validation::checkSid(trunkSid, "TK", tr("The trunk SID")));
    if (!beginOperation(front))
        return front;
    m_trunkSid = trunkSid;
    auto *job = new NumberInventory(context(), trunkSid, this);
    m_job = job;
    connect(job, &NumberInventory::failed, this, &MigrationService::failOperation);
    connect(job, &NumberInventory::loaded, this,
            [this](const QString &, const QVector<NumberInfo> &numbers) {
                m_listedOff.clear();
                for (const NumberInfo &n : numbers)
                    if (n.trunkSid.isEmpty())
                        m_listedOff.insert(n.sid, n);
                m_listedAt.start();
                succeedOperation<NumbersJob>(numbers);
            });
    job->start();
    return front;
}

NumbersJob *MigrationService::loadSpareNumbers()
{
    auto *front = newJob<NumbersJob>(Operation::LoadNumbers);
    if (!beginOperation(front))
        return front;
    auto *job = new SpareNumbers(context(), this);
    m_job = job;
    connect(job, &SpareNumbers::failed, this, &MigrationService::failOperation);
    connect(job, &SpareNumbers::loaded, this,
            [this](const QVector<NumberInfo> &numbers) { succeedOperation<NumbersJob>(numbers); });
    job->start();
    return front;
}

// ---- step 4 ----

PlanJob *MigrationService::plan(const QStringList &numberSids, const QUrl &voiceUrl)
{
    QString problem = RunInputChecks::checkSelection(numberSids, m_trunkSid);
    const QString url =
        problem.isEmpty() ? RunInputChecks::voiceUrl(voiceUrl, m_handlerUrl, &problem) : QString();
    auto *front = newJob<PlanJob>(Operation::Plan, problem);
    if (!beginOperation(front))
        return front;
    // The plan shows what step 2 decided for the calls and what still needs consent.
    SavedCalls calls = SavedCalls::load(*m_storage->journal(), m_account.sid, m_trunkSid);
    calls.accepted = m_accepted;
    auto *job = new MigrationPlanner(context(), numberSids, m_trunkSid, url, calls, this);
    m_job = job;
    connect(job, &MigrationPlanner::failed, this, &MigrationService::failOperation);
    connect(job, &MigrationPlanner::ready, this, [this, calls, numberSids](MigrationPlan result) {
        // The same test migrate() makes, so the plan never promises what migrate refuses.
        result.refusal = calls.refusal(numberSids, m_accepted);
        if (!calls.isNull()) {
            result.equivalence = calls.report;
            result.unacknowledged = calls.report.unacknowledged(m_accepted);
            result.fallbackUrl = calls.fallbackUrl;
        }
        succeedOperation<PlanJob>(result);
    });
    job->start();
    return front;
}

void MigrationService::startRun(NumberRun *run, RunJob *job)
{
    m_job = run;
    m_run = run;
    const QString stage =
        run->kind() == NumberRun::Kind::Migrate ? tr("Migrating numbers") : tr("Reverting numbers");
    // Queued, like the job's end: whatever the run reports, and whenever, reaches the caller
    // from the event loop and in order, never after the end.
    connect(run, &NumberRun::numberChanged, job, &RunJob::numberChanged, Qt::QueuedConnection);
    connect(
        run, &NumberRun::progress, job,
        [job, stage](int done, int total) { emit job->progress(stage, done, total); },
        Qt::QueuedConnection);
    connect(run, &NumberRun::finished, this,
            [this](const RunSummary &summary) { succeedOperation<RunJob>(summary); });
}

RunJob *MigrationService::migrate(const QStringList &numberSids, const QUrl &voiceUrl)
{
    QString problem = RunInputChecks::checkSelection(numberSids, m_trunkSid);
    const QString url =
        problem.isEmpty() ? RunInputChecks::voiceUrl(voiceUrl, m_handlerUrl, &problem) : QString();
    SavedCalls calls;
    if (problem.isEmpty() && m_storage->journal()) {
        calls = SavedCalls::load(*m_storage->journal(), m_account.sid, m_trunkSid);
        problem = calls.refusal(numberSids, m_accepted);
    }
    auto *front = newJob<RunJob>(Operation::Migrate, problem);
    if (!beginOperation(front))
        return front;
    calls.accepted = m_accepted;
    QString unrecorded;
    if (!calls.recordAcceptance(*m_storage->journal(), *m_storage->audit(), m_account.sid,
                                m_trunkSid, &unrecorded)) {
        failOperation(EngineErrors::local(unrecorded));
        return front;
    }
    auto *run = new NumberRun(context(), NumberRun::Kind::Migrate, m_trunkSid, url, window(), this);
    run->setCallSettings(calls);
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
    startRun(run, front);
    if (!run->start(numberSids))
        failOperation(EngineErrors::local(run->errorString()));
    return front;
}

RunJob *MigrationService::revert(const QStringList &numberSids)
{
    auto *front =
        newJob<RunJob>(Operation::Revert, RunInputChecks::checkSelection(numberSids, m_trunkSid));
    if (!beginOperation(front))
        return front;
    // Revert puts numbers back on the trunk: once it is gone (deleted here, in the Console or
    // elsewhere) no number is touched, rather than each failing on a raw 4xx.
    m_client->trunking().fetchTrunk(
        m_trunkSid, front, [this, front, numberSids](const TwilioResult<Trunk> &r) {
            if (!r.ok() && r.error.httpStatus == 404)
                return failOperation(EngineErrors::local(
                    tr("Trunk %1 no longer exists, so its numbers cannot be put back on it. "
                       "Nothing was changed: they keep the new voice URL and reach the PBX "
                       "through the handler.")
                        .arg(m_trunkSid)));
            if (!r.ok())
                return failOperation(EngineErrors::withContext(
                    EngineErrors::fromTwilio(r.error),
                    tr("Reading the trunk failed, so nothing was reverted")));
            auto *run =
                new NumberRun(context(), NumberRun::Kind::Revert, m_trunkSid, {}, window(), this);
            startRun(run, front);
            if (!run->start(numberSids))
                failOperation(EngineErrors::local(run->errorString()));
        });
    return front;
}

void MigrationService::cancel()
{
    if (m_front)
        m_front->cancel();
}

void MigrationService::cancelOperation()
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
        failOperation(EngineErrors::local(tr("Cancelled.")));
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

RunJob *MigrationService::resume()
{
    return recover(Operation::Resume);
}

RunJob *MigrationService::rollback()
{
    return recover(Operation::Rollback);
}

RunJob *MigrationService::recover(Operation operation)
{
    const bool resuming = operation == Operation::Resume;
    InterruptedRun found = interruptedRun();
    if (found.isNull() && resuming)
        found = stoppedRun(); // a run the user stopped: resume finishes its numbers
    auto *front = newJob<RunJob>(operation, RunRecovery::refusal(found, m_account.sid, resuming));
    if (!beginOperation(front))
        return front;
    RunRecovery recovery(*m_storage->journal(), m_account.sid);
    RunRecovery::Restart restart;
    if (!recovery.prepare(found.runId, resuming, &restart)) {
        failOperation(EngineErrors::local(recovery.errorString()));
        return front;
    }
    // Calls the dead process had sent without a result: their audit rows say so (the resumed
    // numbers add what the live state showed).
    if (!m_storage->audit()->closePending(m_account.sid,
                                          QStringLiteral("interrupted (outcome unknown)"))) {
        failOperation(EngineErrors::local(m_storage->audit()->errorString()));
        return front;
    }
    m_trunkSid = restart.trunkSid;
    SavedCalls calls = SavedCalls::load(*m_storage->journal(), m_account.sid, restart.trunkSid);
    // Under the acknowledgements the run started with, and checked again: step 2 may have run
    // since, with changes nobody acknowledged.
    calls.accepted = m_accepted + SavedCalls::loadAccepted(*m_storage->journal(), m_account.sid);
    if (restart.kind == NumberRun::Kind::Migrate) {
        if (const QString refused = calls.refusal(restart.numbers, calls.accepted);
            !refused.isEmpty()) {
            failOperation(EngineErrors::local(refused));
            return front;
        }
    }
    auto *run =
        new NumberRun(context(), restart.kind, restart.trunkSid, restart.voiceUrl, window(), this);
    run->setCallSettings(calls);
    startRun(run, front);
    const bool started = restart.runId != 0
                             ? run->resume(restart.runId, restart.openSteps, restart.numbers)
                             : run->start(restart.numbers);
    if (!started)
        failOperation(EngineErrors::local(run->errorString()));
    return front;
}

// ---- audit and trunk ----

ExportJob *MigrationService::exportAudit(const QString &csvPath)
{
    auto *front = newJob<ExportJob>(Operation::ExportAudit);
    if (!beginOperation(front))
        return front;
    AuditLog *audit = m_storage->audit();
    const bool ok = audit->exportCsvFile(csvPath, m_account.sid);
    if (!ok)
        failOperation(EngineErrors::local(audit->errorString()));
    else
        succeedOperation<ExportJob>(int(audit->records(m_account.sid).size()));
    return front;
}

DeleteTrunkJob *MigrationService::deleteTrunk(const QString &trunkSid)
{
    auto *front = newJob<DeleteTrunkJob>(Operation::DeleteTrunk);
    if (!beginOperation(front))
        return front;
    auto *job = new TrunkDeletion(context(), trunkSid, this);
    m_job = job;
    connect(job, &TrunkDeletion::failed, this, &MigrationService::failOperation);
    connect(job, &TrunkDeletion::deleted, this,
            [this](const QString &sid) { succeedOperation<DeleteTrunkJob>(sid); });
    job->start();
    return front;
}

// ---- steps 1-3 (services/setup) ----

SetupSteps *MigrationService::startSetup(BackendJob *front)
{
    if (!beginOperation(front))
        return nullptr;
    auto *steps = new SetupSteps(
        context(), m_trunks,
        QFileInfo(m_storage->path()).absolutePath() + QStringLiteral("/handlers"), this);
    m_job = steps;
    m_cancelJob = [steps] {
        steps->cancel();
    };
    connect(steps, &SetupSteps::progress, front, &BackendJob::progress, Qt::QueuedConnection);
    connect(steps, &SetupSteps::failed, this, &MigrationService::failOperation);
    return steps;
}

InboundJob *MigrationService::setupInbound(const InboundOptions &options)
{
    auto *front = newJob<InboundJob>(Operation::SetupInbound);
    SetupSteps *steps = startSetup(front);
    if (!steps)
        return front;
    connect(steps, &SetupSteps::inboundReady, this,
            [this, options](const InboundResult &result, const CutoverSheet &sheet) {
                m_trunkSid = options.trunkSid;
                m_sheet = sheet;
                succeedOperation<InboundJob>(result);
            });
    steps->startInbound(options);
    return front;
}

OutboundJob *MigrationService::setupOutbound(const OutboundOptions &options)
{
    auto *front = newJob<OutboundJob>(Operation::SetupOutbound);
    SetupSteps *steps = startSetup(front);
    if (!steps)
        return front;
    connect(steps, &SetupSteps::outboundReady, this, [this, options](const OutboundResult &result) {
        m_trunkSid = options.trunkSid;
        m_handlerUrl = result.handlerUrl.toString(QUrl::FullyEncoded);
        succeedOperation<OutboundJob>(result);
    });
    steps->startOutbound(options);
    return front;
}

EquivalenceJob *MigrationService::equivalence(const QString &trunkSid, const CallChoices &choices,
                                              std::optional<bool> secure)
{
    auto *front = newJob<EquivalenceJob>(Operation::Equivalence,
                                         Validation::checkSid(trunkSid, "TK", tr("The trunk SID")));
    SetupSteps *steps = startSetup(front);
    if (!steps)
        return front;
    connect(steps, &SetupSteps::equivalenceReady, this,
            [this](const EquivalenceReport &report) { succeedOperation<EquivalenceJob>(report); });
    steps->startEquivalence(trunkSid, choices, secure);
    return front;
}

CallsJob *MigrationService::loadRecentCalls(const QString &numberOrDomain)
{
    auto *front = newJob<CallsJob>(Operation::LoadCalls, RecentCallsQuery::check(numberOrDomain));
    if (!beginOperation(front))
        return front;
    auto *query = new RecentCallsQuery(m_client, this);
    m_job = query; // cancel(): dropping the job drops its answers (it reports nothing itself)
    connect(query, &RecentCallsQuery::failed, this, &MigrationService::failOperation);
    connect(query, &RecentCallsQuery::finished, this,
            [this](const QVector<CallInfo> &calls) { succeedOperation<CallsJob>(calls); });
    query->start(numberOrDomain);
    return front;
}
