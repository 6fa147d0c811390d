// Crash safety: a service destroyed in the middle of a run (its requests still reaching the
// sandbox) leaves an interrupted run in the journal; a new service on the same journal finds
// it and resumes or rolls it back to a consistent state.
#include "enginefixture.h"

#include <QEventLoop>
#include <QFile>
#include <QTest>
#include <QTimer>

class TestRunRecovery : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void resumeAfterCrash_data();
    void resumeAfterCrash();
    void rollbackAfterCrashRestoresEverything();
    void crashWhileRemovalsFail_data();
    void crashWhileRemovalsFail();
    void recoveryBeforeConnectAsksForTheAccount();
    void nothingToRecover();
    void crashLosesNoAuditRow_data();
    void crashLosesNoAuditRow();
    void retriedAttemptsAreAudited();
    void rollbackOfAnInterruptedRevertFinishesIt();

private:
    // Starts a migration of every number and destroys the service after `changes` rows.
    void crashAfter(int changes, bool revert = false);

    std::unique_ptr<EngineFixture> f;
    QStringList sids;
    QHash<QString, IncomingPhoneNumber> before;
};

void TestRunRecovery::init()
{
    SandboxOptions options;
    options.numbers = 120;
    f = std::make_unique<EngineFixture>(options);
    const QString problem = f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    sids = f->mainTrunkSids();
    before = f->numbers();
}

void TestRunRecovery::cleanup()
{
    f.reset();
}

void TestRunRecovery::crashAfter(int changes, bool revert)
{
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    if (revert) // everything migrated first; the crash comes during the revert of it all
        QVERIFY(
            waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); }));
    f->server().setLatencyMs(10); // keep requests in flight at the moment of the crash
    int seen = 0;
    QEventLoop loop;
    RunJob *run =
        revert ? service->revert(sids) : service->migrate(sids, EngineFixture::handlerUrl());
    connect(run, &RunJob::numberChanged, &loop, [&] {
        if (++seen == changes)
            loop.quit(); // the crash comes right at this row, requests still in flight
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(seen >= changes); // one group commit can release several rows at once
    service.reset(); // the "kill": pending answers are lost, the sandbox still acts on them
    // The requests already sent reach the sandbox and are applied (no clock: until none is in
    // flight, after the event loop has delivered them).
    QCoreApplication::processEvents();
    QTRY_COMPARE_WITH_TIMEOUT(f->server().requestsInFlight(), 0, 5000);
    f->server().setLatencyMs(0);
    const QString violation = checkInvariant(before, f->numbers(), sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

void TestRunRecovery::resumeAfterCrash_data()
{
    QTest::addColumn<int>("changes");
    QTest::newRow("first number") << 1;
    QTest::newRow("early") << 25;
    QTest::newRow("late") << 150;
}

void TestRunRecovery::resumeAfterCrash()
{
    QFETCH(int, changes);
    crashAfter(changes);
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    const InterruptedRun run = service->interruptedRun();
    QVERIFY(!run.isNull());
    QCOMPARE(run.trunkSid, f->server().trunkSid());
    QCOMPARE(run.accountSid, f->server().accountSid());
    QVERIFY(run.pending + run.inFlight > 0);
    QVERIFY(run.migrated < 120);

    const auto summary = waitRun(*service, [&] { return service->resume(); });
    QVERIFY(summary);
    QCOMPARE(summary->failed, 0);
    QVERIFY(summary->migrated + summary->alreadyMigrated > 0);
    QCOMPARE(countMigrated(f->numbers(), sids), 120);
    QVERIFY(service->interruptedRun().isNull());
    // What the table shows matches the account: a call the crash cut off, closed by the
    // resume, is no failure when the number did move (its removal landed after the kill).
    const auto listed = waitJob(service->loadNumbers(f->server().trunkSid()), 15000);
    QVERIFY(listed);
    for (const NumberInfo &n : *listed)
        if (sids.contains(n.sid))
            QVERIFY2(n.state == NumberState::Migrated,
                     qPrintable(n.phoneNumber + u' ' + n.lastError.message));
    // The numbers keep their original snapshots: reverting one restores it exactly.
    QVERIFY(waitRun(*service, [&] { return service->revert({sids.first()}); }));
    QCOMPARE(voiceFields(f->numbers().value(sids.first())),
             voiceFields(before.value(sids.first())));
}

void TestRunRecovery::rollbackAfterCrashRestoresEverything()
{
    crashAfter(60);
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    QVERIFY(!service->interruptedRun().isNull());
    // Rolled back at once: a removal the crash left unanswered is waited out first (the
    // settle time, shortened here from its 2 minutes).
    service->setRemovalSettleMs(500);
    const auto summary = waitRun(*service, [&] { return service->rollback(); });
    QVERIFY(summary);
    QCOMPARE(summary->failed, 0);
    QVERIFY(summary->reverted > 0);
    const auto now = f->numbers();
    for (const QString &sid : std::as_const(sids))
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(before.value(sid)));
    QVERIFY(service->interruptedRun().isNull());
}

void TestRunRecovery::crashWhileRemovalsFail_data()
{
    QTest::addColumn<bool>("resume");
    QTest::newRow("then resume") << true;
    QTest::newRow("then roll back") << false;
}

void TestRunRecovery::crashWhileRemovalsFail()
{
    // Every removal fails: numbers get their new URL and stay on the trunk with it (never put
    // back: docs/ENGINE.md), some caught by the crash half-way through that.
    QFETCH(bool, resume);
    f->server().setMethodFailRate("DELETE", 1.0);
    crashAfter(80);
    f->server().setMethodFailRate("DELETE", -1);
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    QVERIFY(!service->interruptedRun().isNull());
    // Rolled back minutes later, once the failed removals have settled (a revert right after
    // one waits: tst_migrationfaults revertWaitsOutARemovalStillInTransit).
    service->setClock(clockAhead(180));
    const auto summary =
        waitRun(*service, [&] { return resume ? service->resume() : service->rollback(); });
    QVERIFY(summary);
    QCOMPARE(summary->failed, 0);
    QVERIFY(service->interruptedRun().isNull());
    const auto now = f->numbers();
    if (resume) {
        // Every number the crashed run had not finished is migrated now; the ones it had
        // finished (failed) are on the trunk, as before or with the new URL only, and "retry
        // failed" takes them.
        QVERIFY(summary->migrated > 0);
        for (const QString &sid : std::as_const(sids)) {
            if (countMigrated(now, {sid}) == 0) {
                const QString unsafe =
                    failedButSafe(before.value(sid), now.value(sid), f->server().trunkSid());
                QVERIFY2(unsafe.isEmpty(), qPrintable(unsafe));
            }
        }
        QVERIFY(
            waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); }));
        QCOMPARE(countMigrated(f->numbers(), sids), 120);
        return;
    }
    QVERIFY(summary->reverted > 0);
    for (const QString &sid : std::as_const(sids))
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(before.value(sid)));
}

void TestRunRecovery::recoveryBeforeConnectAsksForTheAccount()
{
    crashAfter(30);
    MigrationService service; // the wizard at start-up: journal set, not connected yet
    service.setJournalPath(f->journalPath());
    const InterruptedRun run = service.interruptedRun();
    QVERIFY(!run.isNull());
    QCOMPARE(run.accountSid, f->server().accountSid());
    QCOMPARE(run.trunkSid, f->server().trunkSid());
    RunJob *resuming = service.resume();
    RunJob *rollingBack = service.rollback();
    QSignalSpy resumeFailed(resuming, &BackendJob::failed);
    QSignalSpy rollbackFailed(rollingBack, &BackendJob::failed);
    QCOMPARE(resuming->operation(), MigrationBackend::Operation::Resume);
    QCOMPARE(rollingBack->operation(), MigrationBackend::Operation::Rollback);
    // Refusals arrive through the event loop, like results (and the jobs are gone after it).
    QVERIFY(resumeFailed.isEmpty() && rollbackFailed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(resumeFailed.size() + rollbackFailed.size(), 2, 5000);
    QCOMPARE(resumeFailed.size(), 1);
    QCOMPARE(resumeFailed.first().at(0).value<OperationError>().message,
             QStringLiteral("Connect to account %1 first to resume its interrupted run.")
                 .arg(run.accountSid));
    QCOMPARE(rollbackFailed.size(), 1);
    QVERIFY(rollbackFailed.first().at(0).value<OperationError>().message.contains(run.accountSid));
    QVERIFY(!service.isBusy());
    QCOMPARE(service.interruptedRun().runId, run.runId); // nothing was touched

    // No journal at all: nothing to offer, and none is created for the question.
    QTemporaryDir empty;
    MigrationService fresh;
    const QString path = empty.filePath(QStringLiteral("none/journal.sqlite"));
    fresh.setJournalPath(path);
    QVERIFY(fresh.interruptedRun().isNull());
    QVERIFY(!QFile::exists(path));

    // Once connected, the same run resumes.
    QString why;
    auto connected = f->newService(&why);
    QVERIFY2(connected, qPrintable(why));
    const auto summary = waitRun(*connected, [&] { return connected->resume(); });
    QVERIFY(summary);
    QCOMPARE(summary->failed, 0);
    QCOMPARE(countMigrated(f->numbers(), sids), 120);
}

void TestRunRecovery::nothingToRecover()
{
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    QVERIFY(service->interruptedRun().isNull());
    const auto resumed = waitEnd(service->resume(), 5000);
    QVERIFY(resumed.error);
    QCOMPARE(resumed.operation, MigrationBackend::Operation::Resume);
    const auto rolledBack = waitEnd(service->rollback(), 5000);
    QVERIFY(rolledBack.error);
    QCOMPARE(rolledBack.operation, MigrationBackend::Operation::Rollback);
}

void TestRunRecovery::crashLosesNoAuditRow_data()
{
    resumeAfterCrash_data(); // the same crash points
}

void TestRunRecovery::crashLosesNoAuditRow()
{
    // Every change that took effect has its audit row, even when the process died between the
    // call and its result: the row is written with the intent and completed afterwards.
    QFETCH(int, changes);
    crashAfter(changes);
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    const QString csvPath = f->journalPath() + QStringLiteral(".csv");
    const QByteArray atCrash = auditCsv(*service, csvPath);
    const auto now = f->numbers();
    int changed = 0;
    for (const QString &sid : std::as_const(sids)) {
        const IncomingPhoneNumber &was = before.value(sid);
        const IncomingPhoneNumber &is = now.value(sid);
        if (is.voiceUrl != was.voiceUrl) {
            ++changed;
            QVERIFY2(auditCount(atCrash, sid, "set_voice_url", "") > 0, qPrintable(sid));
        }
        if (is.trunkSid != was.trunkSid)
            QVERIFY2(auditCount(atCrash, sid, "remove_from_trunk", "") > 0, qPrintable(sid));
    }
    QVERIFY(changes == 1 || changed > 0);

    QVERIFY(waitRun(*service, [&] { return service->resume(); }));
    const QByteArray after = auditCsv(*service, csvPath);
    QCOMPARE(auditCount(after, {}, "", "pending"), 0);
    // Each call the crash interrupted is reconciled against the live number.
    const int interrupted = auditCount(after, {}, "", "interrupted");
    QCOMPARE(auditCount(after, {}, "", "found applied after restart") +
                 auditCount(after, {}, "", "found not applied after restart"),
             interrupted);
    qInfo("%d numbers changed at the crash, %d calls interrupted and reconciled", changed,
          interrupted);
}

void TestRunRecovery::retriedAttemptsAreAudited()
{
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    service->client()->setRetryPolicy(quickRetries());
    f->server().setMethodFailRate("POST", 0.5);
    const auto summary = waitRun(
        *service, [&] { return service->migrate(sids.mid(0, 40), EngineFixture::handlerUrl()); });
    f->server().setMethodFailRate("POST", -1);
    QVERIFY(summary);
    const QByteArray csv = auditCsv(*service, f->journalPath() + QStringLiteral(".csv"));
    const int retried = auditCount(csv, {}, "set_voice_url", "retried (api)");
    QVERIFY2(retried > 0, csv.left(2000).constData());
    // Each retried row carries the failing answer's status and request id.
    for (const QByteArray &line : csv.split('\n'))
        if (line.contains(",retried (api)"))
            QVERIFY2(line.contains(",RQ") && (line.contains(",500,") || line.contains(",503,")),
                     line.constData());
}

void TestRunRecovery::rollbackOfAnInterruptedRevertFinishesIt()
{
    // A revert of 120 numbers crashes half-way. Rolling it back finishes it: the numbers it had
    // reverted already are not reverted again (their snapshots are gone: that was reported as
    // a failure per number).
    crashAfter(80, true);
    QString why;
    auto service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
    QVERIFY(!service->interruptedRun().isNull());
    const auto summary = waitRun(*service, [&] { return service->rollback(); });
    QVERIFY(summary);
    QCOMPARE(summary->failed, 0);
    QVERIFY(summary->reverted > 0 && summary->reverted < 120);
    const auto now = f->numbers();
    for (const QString &sid : std::as_const(sids))
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(before.value(sid)));
    QVERIFY(service->interruptedRun().isNull());
}

QTEST_GUILESS_MAIN(TestRunRecovery)
#include "tst_runrecovery.moc"
