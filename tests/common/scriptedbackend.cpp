#include "scriptedbackend.h"

#include "validation.h"

#include <QFile>
#include <QTimer>

#include <algorithm>

namespace {
const QString kTrunkSid = QStringLiteral("TK0123456789abcdef0123456789abcdef");
const QString kHandlerHost = QStringLiteral("https://trunk-migrator-4821-dev.twil.io");

NamedSid named(const QString &sid, const QString &name)
{
    return NamedSid{sid, name};
}
} // namespace

ScriptedBackend::ScriptedBackend(QObject *parent)
    : MigrationBackend(parent)
{
    accountInfo = {QStringLiteral("AC0123456789abcdef0123456789abcdef"),
                   QStringLiteral("Acme Telecom (sandbox)"), QStringLiteral("active"),
                   QStringLiteral("Full"), true};
    TrunkSummary main;
    main.sid = kTrunkSid;
    main.friendlyName = QStringLiteral("Acme PBX Sydney");
    main.terminationDomain = QStringLiteral("acme-pbx.pstn.twilio.com");
    main.originationUrls = {
        {QStringLiteral("OU00000000000000000000000000000001"), QStringLiteral("Backup"),
         QStringLiteral("sip:pbx2.acme.example:5060"), 20, 10, true},
        {QStringLiteral("OU00000000000000000000000000000002"), QStringLiteral("Primary"),
         QStringLiteral("sip:pbx1.acme.example:5060;transport=tcp"), 10, 10, true},
    };
    main.ipAccessControlLists = {
        named(QStringLiteral("AL00000000000000000000000000000001"), QStringLiteral("Acme office"))};
    main.credentialLists = {
        named(QStringLiteral("CL00000000000000000000000000000001"), QStringLiteral("Acme PBX"))};
    numbers = demoNumbers(12, main.sid);
    main.numberCount = int(numbers.size());
    NumberInfo spare;
    spare.sid = QStringLiteral("PN5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a");
    spare.phoneNumber = QStringLiteral("+61255509000");
    spare.friendlyName = QStringLiteral("Spare line");
    spare.state = NumberState::NotOnTrunk;
    spareNumbers = {spare};
    TrunkSummary lab;
    lab.sid = QStringLiteral("TKfedcba9876543210fedcba9876543210");
    lab.friendlyName = QStringLiteral("Lab trunk");
    lab.terminationDomain = QStringLiteral("acme-lab.pstn.twilio.com");
    trunks = {main, lab};

    inboundResult.domainSid = QStringLiteral("SD0123456789abcdef0123456789abcdef");
    inboundResult.domainName = QStringLiteral("acme-pbx-sydney.sip.twilio.com");
    // The main URI and its eight edge variants, as the engine lists them.
    inboundResult.sipUris = {QStringLiteral("sip:acme-pbx-sydney.sip.twilio.com")};
    for (const char *edge : {"sydney", "ashburn", "umatilla", "dublin", "frankfurt", "singapore",
                             "tokyo", "sao-paulo"}) {
        inboundResult.sipUris.append(
            QStringLiteral("sip:acme-pbx-sydney.sip.%1.twilio.com").arg(QLatin1String(edge)));
    }
    inboundResult.handlerUrl = QUrl(kHandlerHost + QStringLiteral("/inboundHandler"));
    inboundResult.ipAccessControlLists = main.ipAccessControlLists;
    inboundResult.credentialLists = main.credentialLists;
    outboundResult.handlerUrl = QUrl(kHandlerHost + QStringLiteral("/outboundHandler"));
    sheet.domainName = inboundResult.domainName;
    sheet.sipUris = inboundResult.sipUris;
    sheet.ipAccessControlLists = main.ipAccessControlLists;
    sheet.credentialLists = main.credentialLists;
    numberError = error(400, 21210, QStringLiteral("Twilio refused the new voice URL."));

    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-120);
    recentCalls = {
        {QStringLiteral("CA00000000000000000000000000000001"), QString(),
         QStringLiteral("sip:+61255501001@acme-pbx-sydney.sip.twilio.com"),
         QStringLiteral("sip:+61412345678@acme-pbx-sydney.sip.twilio.com"),
         QStringLiteral("inbound"), QStringLiteral("completed"), start, QStringLiteral("34")},
        {QStringLiteral("CA00000000000000000000000000000002"),
         QStringLiteral("CA00000000000000000000000000000001"), QStringLiteral("+61255501001"),
         QStringLiteral("+61412345678"), QStringLiteral("outbound-dial"),
         QStringLiteral("completed"), start.addSecs(1), QStringLiteral("33")},
    };
}

OperationError ScriptedBackend::error(int httpStatus, int code, const QString &message)
{
    OperationError e;
    e.httpStatus = httpStatus;
    e.twilioCode = code;
    e.message = message;
    e.moreInfo = QUrl(QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    e.requestId = QStringLiteral("RQ0123456789abcdef0123456789abcdef");
    return e;
}

NumberInfo ScriptedBackend::demoNumber(int index, const QString &trunkSid)
{
    static const char *names[] = {"Reception", "Sales", "Support", "Accounts", "Fax", "Night"};
    NumberInfo n;
    n.sid = QStringLiteral("PN%1").arg(index + 1, 32, 10, QLatin1Char('0'));
    n.phoneNumber = QStringLiteral("+61255501%1").arg(index + 1, 3, 10, QLatin1Char('0'));
    n.friendlyName =
        QStringLiteral("%1 %2").arg(QLatin1String(names[index % 6])).arg(index / 6 + 1);
    n.voiceUrl = index % 3 == 0
                     ? QString()
                     : QStringLiteral("https://ivr.acme.example/voice/%1").arg(index + 1);
    n.voiceMethod = QStringLiteral("POST");
    n.trunkSid = trunkSid;
    return n;
}

QVector<NumberInfo> ScriptedBackend::demoNumbers(int count, const QString &trunkSid)
{
    QVector<NumberInfo> result;
    for (int i = 0; i < count; ++i)
        result.append(demoNumber(i, trunkSid));
    return result;
}

void ScriptedBackend::seed(int count)
{
    numbers = demoNumbers(count, trunks.constFirst().sid);
    trunks[0].numberCount = count;
}

QStringList ScriptedBackend::mutatingCalls() const
{
    QStringList result;
    for (const QString &call : log) {
        for (const char *verb : {"setup", "migrate", "revert", "resume", "rollback", "delete"}) {
            if (call.startsWith(QLatin1String(verb)))
                result.append(call);
        }
    }
    return result;
}

OperationError ScriptedBackend::notConnected() const
{
    return error(0, 0, QStringLiteral("Connect to account %1 first.").arg(interrupted.accountSid));
}

// ---- the one-operation rule and the answers ----

template<typename Job> Job *ScriptedBackend::newJob(Operation operation, const QString &entry)
{
    log.append(entry);
    return new Job(operation, this);
}

bool ScriptedBackend::start(BackendJob *job)
{
    if (m_busy) {
        job->fail(error(0, 0, QStringLiteral("Another operation is still running.")));
        return false;
    }
    if (!m_connected && job->operation() != Operation::Connect) {
        job->fail(error(0, 0, QStringLiteral("Connect to an account first.")));
        return false;
    }
    m_current = job;
    m_cancelled = false;
    job->setCanceller([this] { stop(); });
    setBusy(true);
    return true;
}

void ScriptedBackend::end()
{
    m_current = nullptr;
    setBusy(false);
}

void ScriptedBackend::answerLater(BackendJob *job, std::function<void()> answer, bool isRun)
{
    QTimer::singleShot(delayMs, job, [this, job, isRun, answer = std::move(answer)] {
        const auto failure = failNext.constFind(job->operation());
        if (failure != failNext.cend()) {
            const OperationError e = *failure;
            failNext.erase(failure);
            end();
            job->fail(e);
        } else if (m_cancelled && !isRun) { // a stopped run ends with its summary
            end();
            job->fail(error(0, 0, QStringLiteral("Cancelled.")));
        } else {
            answer();
        }
    });
}

void ScriptedBackend::postProgress(BackendJob *job, const QString &stage, int done, int total)
{
    // Never inside the call, as the engine: the caller connects after it returns.
    QMetaObject::invokeMethod(
        job, [=] { emit job->progress(stage, done, total); }, Qt::QueuedConnection);
}

void ScriptedBackend::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void ScriptedBackend::cancel()
{
    if (m_current)
        m_current->cancel();
    else
        stop(); // recorded all the same: the front end asked
}

void ScriptedBackend::stop()
{
    log.append(QStringLiteral("cancel"));
    ++cancelCalls;
    m_cancelled = true;
    // A connect that never answers ends when cancelled, as the engine's does.
    if (m_current && m_current->operation() == Operation::Connect && !answerConnect) {
        BackendJob *job = m_current;
        end();
        job->fail(error(0, 0, QStringLiteral("Cancelled.")));
    }
}

// ---- operations ----

ConnectJob *ScriptedBackend::connectAccount(const ConnectionSettings &settings)
{
    auto *job = newJob<ConnectJob>(Operation::Connect, QStringLiteral("connectAccount"));
    lastConnection = settings;
    if (!start(job) || !answerConnect)
        return job;
    answerLater(job, [this, job] {
        m_connected = true;
        end();
        job->succeed(accountInfo);
    });
    return job;
}

TrunksJob *ScriptedBackend::loadTrunks()
{
    auto *job = newJob<TrunksJob>(Operation::LoadTrunks, QStringLiteral("loadTrunks"));
    if (start(job)) {
        answerLater(job, [this, job] {
            end();
            job->succeed(trunks);
        });
    }
    return job;
}

bool ScriptedBackend::refuseBadTrunk(BackendJob *job, const QString &trunkSid)
{
    const QString problem = Validation::checkSid(trunkSid, "TK", QStringLiteral("The trunk SID"));
    if (problem.isEmpty())
        return false;
    job->fail(error(0, 0, problem));
    return true;
}

NumbersJob *ScriptedBackend::loadNumbers(const QString &trunkSid)
{
    auto *job =
        newJob<NumbersJob>(Operation::LoadNumbers, QStringLiteral("loadNumbers ") + trunkSid);
    if (refuseBadTrunk(job, trunkSid))
        return job;
    if (!start(job))
        return job;
    answerLater(job, [this, job, trunkSid] {
        end();
        const bool known = std::any_of(trunks.cbegin(), trunks.cend(),
                                       [&](const TrunkSummary &t) { return t.sid == trunkSid; });
        if (known)
            job->succeed(numbers);
        else // as Twilio answers for a trunk the account does not have
            job->fail(error(404, 20404, QStringLiteral("The requested resource was not found")));
    });
    return job;
}

NumbersJob *ScriptedBackend::loadSpareNumbers()
{
    auto *job = newJob<NumbersJob>(Operation::LoadNumbers, QStringLiteral("loadSpareNumbers"));
    if (!start(job))
        return job;
    // As the engine: a spare number once pointed at the handler belongs to the migration.
    QVector<NumberInfo> spare;
    for (const NumberInfo &n : std::as_const(spareNumbers))
        if (n.state == NumberState::NotOnTrunk)
            spare.append(n);
    succeedLater(job, spare);
    return job;
}

InboundJob *ScriptedBackend::setupInbound(const InboundOptions &options)
{
    auto *job = newJob<InboundJob>(Operation::SetupInbound, QStringLiteral("setupInbound"));
    lastInbound = options;
    if (!start(job))
        return job;
    postProgress(job, QStringLiteral("Uploading inboundHandler"), 1, 4);
    answerLater(job, [this, job] {
        emit job->progress(QStringLiteral("Creating the SIP domain"), 3, 4);
        end();
        job->succeed(inboundResult);
    });
    return job;
}

OutboundJob *ScriptedBackend::setupOutbound(const OutboundOptions &options)
{
    auto *job = newJob<OutboundJob>(Operation::SetupOutbound, QStringLiteral("setupOutbound"));
    lastOutbound = options;
    if (!start(job))
        return job;
    postProgress(job, QStringLiteral("Uploading outboundHandler"), 1, 3);
    answerLater(job, [this, job, options] {
        OutboundResult result = outboundResult;
        result.testNumberSid = options.testNumberSid;
        // Like the engine: the test number now rings the PBX through the handler.
        if (NumberInfo *n = find(options.testNumberSid)) {
            result.testPhoneNumber = n->phoneNumber;
            n->state = NumberState::Migrated;
            n->voiceUrl = outboundResult.handlerUrl.toString();
            n->trunkSid.clear();
        }
        end();
        job->succeed(result);
    });
    return job;
}

CallsJob *ScriptedBackend::loadRecentCalls(const QString &numberOrDomain)
{
    auto *job =
        newJob<CallsJob>(Operation::LoadCalls, QStringLiteral("loadRecentCalls ") + numberOrDomain);
    if (start(job)) {
        answerLater(job, [this, job] {
            end();
            job->succeed(recentCalls);
        });
    }
    return job;
}

EquivalenceJob *ScriptedBackend::equivalence(const QString &trunkSid, const CallChoices &choices,
                                             std::optional<bool>)
{
    auto *job =
        newJob<EquivalenceJob>(Operation::Equivalence, QStringLiteral("equivalence ") + trunkSid);
    lastChoices = choices;
    if (!start(job))
        return job;
    EquivalenceReport report = equivalenceReport;
    report.trunkSid = trunkSid;
    succeedLater(job, report);
    return job;
}

VerifyJob *ScriptedBackend::verify(const QString &trunkSid, const QStringList &numberSids, bool all)
{
    auto *job = newJob<VerifyJob>(
        Operation::Verify, QStringLiteral("verify ") + trunkSid + u' ' + numberSids.join(u',') +
                               (all ? QStringLiteral(" all") : QString()));
    lastSids = numberSids;
    if (refuseBadTrunk(job, trunkSid))
        return job;
    if (!start(job))
        return job;
    VerifyReport report = verifyReport;
    report.trunkSid = trunkSid;
    succeedLater(job, report);
    return job;
}

TestCallJob *ScriptedBackend::placeTestCall(const QString &from, const QString &to)
{
    auto *job = newJob<TestCallJob>(Operation::PlaceTestCall,
                                    QStringLiteral("placeTestCall ") + from + u' ' + to);
    if (!start(job))
        return job;
    succeedLater(job, testCall);
    return job;
}

TestCallFaultsJob *ScriptedBackend::setTestCallFaults(const TestCallFaults &faults)
{
    auto *job = newJob<TestCallFaultsJob>(
        Operation::SetTestCallFaults,
        QStringLiteral("setTestCallFaults ") + faults.downHosts.join(u',') +
            (faults.handlersFail ? QStringLiteral(" handlersFail") : QString()));
    lastFaults = faults;
    if (!start(job))
        return job;
    answerLater(job, [this, job, faults] {
        end();
        faultsSet = faults;
        job->succeed(faults);
    });
    return job;
}

SandboxFaultsJob *ScriptedBackend::sandboxFaults(const std::optional<SandboxApiFaults> &set)
{
    // As the engine: not an operation, so it neither waits for nor blocks one.
    auto *job = new SandboxFaultsJob(Operation::SandboxFaults, this);
    log.append(set ? QStringLiteral("setSandboxFaults") : QStringLiteral("sandboxFaults"));
    if (!testCalls) {
        job->fail(error(0, 0, QStringLiteral("Not a sandbox.")));
        return job;
    }
    if (set)
        apiFaults = *set;
    const SandboxApiFaults answer = apiFaults;
    QMetaObject::invokeMethod(
        job, [job, answer] { job->succeed(answer); }, Qt::QueuedConnection);
    return job;
}

PlanJob *ScriptedBackend::plan(const QStringList &numberSids, const QUrl &voiceUrl)
{
    auto *job = newJob<PlanJob>(Operation::Plan, QStringLiteral("plan ") + numberSids.join(u','));
    lastSids = numberSids;
    if (!start(job))
        return job;
    answerLater(job, [this, job, numberSids, voiceUrl] {
        MigrationPlan plan;
        plan.voiceUrl =
            voiceUrl.isEmpty() ? outboundResult.handlerUrl.toString() : voiceUrl.toString();
        for (const QString &sid : numberSids) {
            const NumberInfo *n = find(sid);
            if (!n)
                continue;
            if (n->state == NumberState::Migrated) {
                ++plan.alreadyMigrated;
                continue;
            }
            ++plan.numbersToMigrate;
            plan.items.append(
                {sid, n->phoneNumber, QStringLiteral("set voice URL"), n->voiceUrl, plan.voiceUrl});
            plan.items.append(
                {sid, n->phoneNumber, QStringLiteral("remove from trunk"), n->trunkSid, QString()});
        }
        plan.apiCalls = int(plan.items.size());
        plan.equivalence = equivalenceReport;
        QStringList blocking;
        for (const QString &setting : needsAcknowledgement) {
            if (accepted.contains(setting))
                continue;
            plan.unacknowledged.append(setting);
            if (setting != QLatin1String("fax-numbers"))
                blocking.append(setting); // as the engine: fax numbers are refused one by one
        }
        if (!blocking.isEmpty()) // as the engine's plan: the refusal migrate would give
            plan.refusal = QStringLiteral("Nothing was changed: these changes to how calls "
                                          "behave must be acknowledged first: %1.")
                               .arg(blocking.join(QStringLiteral("; ")));
        end();
        job->succeed(plan);
    });
    return job;
}

RunJob *ScriptedBackend::migrate(const QStringList &numberSids, const QUrl &voiceUrl)
{
    auto *job =
        newJob<RunJob>(Operation::Migrate, QStringLiteral("migrate ") + numberSids.join(u','));
    lastSids = numberSids;
    if (!start(job))
        return job;
    m_voiceUrl = voiceUrl.isEmpty() ? outboundResult.handlerUrl.toString() : voiceUrl.toString();
    QStringList missing;
    for (const QString &setting : needsAcknowledgement)
        if (!accepted.contains(setting) && setting != QLatin1String("fax-numbers"))
            missing.append(setting); // as the engine: fax numbers are refused one by one
    if (!missing.isEmpty()) {
        // As the engine: refused before anything changes, from the event loop.
        const OperationError refusal =
            error(0, 0,
                  QStringLiteral("Nothing was changed: these changes to how calls behave must "
                                 "be acknowledged first: %1.")
                      .arg(missing.join(QStringLiteral("; "))));
        QTimer::singleShot(delayMs, job, [this, job, refusal] {
            end();
            job->fail(refusal);
        });
        return job;
    }
    startRun(job, numberSids);
    return job;
}

RunJob *ScriptedBackend::revert(const QStringList &numberSids)
{
    auto *job =
        newJob<RunJob>(Operation::Revert, QStringLiteral("revert ") + numberSids.join(u','));
    lastSids = numberSids;
    if (!start(job))
        return job;
    if (!trunks.isEmpty() && deletedTrunks.contains(trunks.constFirst().sid)) {
        // As the engine: a deleted trunk is seen before any number is touched.
        answerLater(job, [this, job] {
            end();
            job->fail(error(0, 0,
                            QStringLiteral("Trunk %1 no longer exists, so its numbers cannot be "
                                           "put back on it. Nothing was changed.")
                                .arg(trunks.constFirst().sid)));
        });
        return job;
    }
    startRun(job, numberSids);
    return job;
}

void ScriptedBackend::startRun(RunJob *job, const QStringList &sids)
{
    // From the event loop, as the engine reports: nothing is emitted inside the call.
    QMetaObject::invokeMethod(
        job, [this, job, sids] { runStep(job, sids, int(sids.size()), {}); }, Qt::QueuedConnection);
}

void ScriptedBackend::runStep(RunJob *job, QStringList pending, int total, RunSummary summary)
{
    const bool migrating = job->operation() == Operation::Migrate;
    if (pending.isEmpty() || m_cancelled) {
        summary.cancelled += int(pending.size());
        QTimer::singleShot(delayMs, job, [this, job, summary] {
            end();
            job->succeed(summary);
        });
        return;
    }
    const QString sid = pending.takeFirst();
    NumberInfo *n = find(sid);
    if (n && migrating && n->state == NumberState::Migrated) {
        ++summary.alreadyMigrated; // nothing to do, as the engine reports it
        emit job->numberChanged(*n);
        runStep(job, pending, total, summary);
        return;
    }
    if (n) {
        n->state = migrating ? NumberState::Migrating : NumberState::Reverting;
        emit job->numberChanged(*n);
    }
    QTimer::singleShot(delayMs, job, [=]() mutable {
        if (NumberInfo *number = find(sid)) {
            number->lastError = {};
            if (migrating && m_cancelled) {
                // Stopped between the two changes, as the engine's safe point leaves it.
                number->state = NumberState::UrlSet;
                number->voiceUrl = m_voiceUrl;
                ++summary.cancelled;
            } else if (!migrating) {
                number->state = NumberState::Reverted;
                number->trunkSid = trunks.constFirst().sid;
                ++summary.reverted;
            } else if (failingNumbers.remove(sid)) {
                number->state = NumberState::Failed;
                number->lastError = numberError;
                ++summary.failed;
            } else {
                number->state = NumberState::Migrated;
                number->voiceUrl = m_voiceUrl;
                number->trunkSid.clear();
                ++summary.migrated;
            }
            emit job->numberChanged(*number);
        }
        emit job->progress(migrating ? QStringLiteral("Migrating numbers")
                                     : QStringLiteral("Reverting numbers"),
                           total - int(pending.size()), total);
        runStep(job, pending, total, summary);
    });
}

RunJob *ScriptedBackend::resume()
{
    return recover(Operation::Resume);
}

RunJob *ScriptedBackend::rollback()
{
    return recover(Operation::Rollback);
}

RunJob *ScriptedBackend::recover(Operation operation)
{
    const bool resuming = operation == Operation::Resume;
    auto *job =
        newJob<RunJob>(operation, resuming ? QStringLiteral("resume") : QStringLiteral("rollback"));
    if (!m_connected) { // the engine needs the run's account connected
        job->fail(notConnected());
        return job;
    }
    if (interrupted.isNull()) {
        job->fail(error(0, 0, QStringLiteral("There is no interrupted run to finish.")));
        return job;
    }
    if (!start(job))
        return job;
    postProgress(job, QStringLiteral("Reading the journal"), 0, 0);
    answerLater(
        job,
        [this, job, resuming] {
            const int numbers = resuming ? interrupted.pending + interrupted.inFlight
                                         : interrupted.migrated + interrupted.inFlight;
            RunSummary summary;
            // Stopped: the numbers count as not started, and the run stays to finish later.
            if (m_cancelled)
                summary.cancelled = numbers;
            else if (resuming)
                summary.migrated = numbers;
            else
                summary.reverted = numbers;
            if (!m_cancelled)
                interrupted = {};
            end();
            job->succeed(summary);
        },
        true);
    return job;
}

ExportJob *ScriptedBackend::exportAudit(const QString &csvPath)
{
    auto *job = newJob<ExportJob>(Operation::ExportAudit, QStringLiteral("exportAudit ") + csvPath);
    if (!start(job))
        return job;
    answerLater(job, [this, job, csvPath] {
        end();
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return job->fail(error(0, 0, file.errorString()));
        file.write("time_utc,action,phone_number,outcome\r\n");
        int rows = 0;
        for (const NumberInfo &n : std::as_const(numbers)) {
            if (n.state == NumberState::OnTrunk)
                continue;
            file.write(QStringLiteral("2026-11-27T10:00:00Z,migrate,'%1,%2\r\n")
                           .arg(n.phoneNumber, QString::number(int(n.state)))
                           .toUtf8());
            ++rows;
        }
        job->succeed(rows);
    });
    return job;
}

DeleteTrunkJob *ScriptedBackend::deleteTrunk(const QString &trunkSid)
{
    auto *job =
        newJob<DeleteTrunkJob>(Operation::DeleteTrunk, QStringLiteral("deleteTrunk ") + trunkSid);
    if (start(job)) {
        answerLater(job, [this, job, trunkSid] {
            end();
            deletedTrunks.insert(trunkSid);
            job->succeed(trunkSid);
        });
    }
    return job;
}

NumberInfo *ScriptedBackend::find(const QString &sid)
{
    for (QVector<NumberInfo> *list : {&numbers, &spareNumbers}) {
        for (NumberInfo &n : *list) {
            if (n.sid == sid)
                return &n;
        }
    }
    return nullptr;
}
