// Step 4 under a hostile server (5xx, 429, dropped connections, and the hard faults: writes
// applied then unanswered, answered but not applied, applied late) and under cancel(): every
// number ends migrated or reported failed on its trunk, nothing is ever off the trunk without
// its new URL, and a failed removal is never "undone" (a late removal would then strand the
// old URL off the trunk).
#include "../common/drainevents.h"
#include "../common/filesizelimit.h"
#include "enginefixture.h"
#include "runlock.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <QFile>
#include <QTest>

namespace {
// Few, quick retries, so some numbers run out of attempts and fail for real.
RetryPolicy shortRetries()
{
    return quickRetries(3);
}

} // namespace

class TestMigrationFaults : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void faultsEndConsistentThenRetryFailedCompletes();
    void failedRemovalsLeaveTheNewUrlOnTheTrunk();
    void lateRemovalAfterAFailureKeepsTheInvariant();
    void revertWaitsOutARemovalStillInTransit();
    void updateAnsweredButNotAppliedIsNotRemoved();
    void writesAppliedThenUnansweredAreFoundApplied_data();
    void writesAppliedThenUnansweredAreFoundApplied();
    void secondJournalNeverSnapshotsTheHandler();
    void liveRunInAnotherProcessIsNotInterrupted();
    void fullDiskMidRunLeavesNoChangeUnrecorded();
    void slowAnswersStopAtTheNumbersDeadline();
    void cancelMidRunLeavesConsistentState();
    void stopEndsSlowCallsWithinSeconds();
    void revertUnderHardFaultsReportsWhatHappened();

private:
    // The first `count` DELETEs are held in transit for delayMs (applied late, after the
    // client gave up); every DELETE after them fails, so their removals fail.
    void holdFirstDeletes(int count, int delayMs);

    std::unique_ptr<EngineFixture> f;
    std::unique_ptr<MigrationService> service;
};

void TestMigrationFaults::init()
{
    f = std::make_unique<EngineFixture>();
    const QString problem = f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QString why;
    service = f->newService(&why);
    QVERIFY2(service, qPrintable(why));
}

void TestMigrationFaults::cleanup()
{
    service.reset();
    f.reset();
}

void TestMigrationFaults::holdFirstDeletes(int count, int delayMs)
{
    FaultSettings held;
    held.delayApplyMs = delayMs;
    auto deletes = std::make_shared<int>(0);
    connect(&f->server(), &SandboxServer::requestArrived, service.get(),
            [this, count, held, deletes](const QByteArray &method) {
                if (method != "DELETE")
                    return;
                f->server().setFaults((*deletes)++ < count ? held : FaultSettings{});
                f->server().setMethodFailRate("DELETE", *deletes > count ? 1.0 : -1);
            });
}

void TestMigrationFaults::faultsEndConsistentThenRetryFailedCompletes()
{
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    f->server().setFailRate(0.3);
    f->server().setDropRate(0.05);
    f->server().setRateLimitConcurrency(3);
    QHash<QString, NumberInfo> rows;
    const auto summary = waitRun(
        *service,
        [&] { return recordRows(service->migrate(sids, EngineFixture::handlerUrl()), &rows); },
        80000);
    f->server().setFailRate(0);
    f->server().setDropRate(0);
    f->server().setRateLimitConcurrency(0);
    QVERIFY(summary);
    QCOMPARE(summary->migrated + summary->failed, 250);
    QVERIFY2(summary->failed > 0, "the injected faults made no number fail");

    const auto now = f->numbers();
    const QString violation = checkInvariant(before, now, sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    QStringList failed;
    for (const QString &sid : sids) {
        const NumberInfo &row = rows.value(sid);
        if (row.state == NumberState::Migrated) {
            QVERIFY(!now.value(sid).trunkSid.has_value());
        } else {
            QCOMPARE(int(row.state), int(NumberState::Failed));
            QVERIFY(!row.lastError.message.isEmpty());
            // Still on the trunk, as before or with only the new URL set.
            const QString unsafe =
                failedButSafe(before.value(sid), now.value(sid), f->server().trunkSid());
            QVERIFY2(unsafe.isEmpty(),
                     qPrintable(unsafe + QStringLiteral(": ") + row.lastError.message));
            failed.append(sid);
        }
    }
    QCOMPARE(failed.size(), summary->failed);
    qInfo("%d migrated, %d failed", summary->migrated, summary->failed);
    QCOMPARE(countMigrated(now, sids), summary->migrated);

    // Failed attempts are audited with Twilio's answer.
    QVERIFY(auditCsv(*service, f->journalPath() + QStringLiteral(".csv")).contains(",failed"));

    // "Retry failed".
    const auto retry =
        waitRun(*service, [&] { return service->migrate(failed, EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->failed, 0);
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
}

void TestMigrationFaults::failedRemovalsLeaveTheNewUrlOnTheTrunk()
{
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    // Only the removals fail: 0.7^3, about a third of the numbers, run out of attempts after
    // their voice URL was set.
    f->server().setMethodFailRate("DELETE", 0.7);
    QHash<QString, NumberInfo> rows;
    const auto summary = waitRun(
        *service,
        [&] { return recordRows(service->migrate(sids, EngineFixture::handlerUrl()), &rows); },
        80000);
    f->server().setMethodFailRate("DELETE", -1);
    QVERIFY(summary);
    QCOMPARE(summary->migrated + summary->failed, 250);
    QVERIFY2(summary->failed >= 30, qPrintable(QString::number(summary->failed)));

    const auto now = f->numbers();
    const QByteArray csv = auditCsv(*service, f->journalPath() + ".csv");
    QStringList failed;
    for (const QString &sid : sids) {
        const NumberInfo &row = rows.value(sid);
        if (row.state == NumberState::Migrated) {
            QCOMPARE(now.value(sid).voiceUrl,
                     std::optional(EngineFixture::handlerUrl().toString()));
            QVERIFY(!now.value(sid).trunkSid.has_value());
            continue;
        }
        // On the trunk with the new URL (ignored there), not put back: a put-back URL is what
        // a removal landing late would strand off the trunk.
        QCOMPARE(int(row.state), int(NumberState::Failed));
        QCOMPARE(now.value(sid).trunkSid, std::optional(f->server().trunkSid()));
        QCOMPARE(now.value(sid).voiceUrl, std::optional(EngineFixture::handlerUrl().toString()));
        QVERIFY2(row.lastError.message.contains(QLatin1String("stays on the trunk with the new "
                                                              "voice URL")),
                 qPrintable(row.lastError.message));
        QCOMPARE(auditCount(csv, sid, "set_voice_url", "success"), 1);
        QVERIFY(auditCount(csv, sid, "remove_from_trunk", "failed") >= 1);
        QCOMPARE(auditCount(csv, sid, "restore_after_failure", "success"), 0);
        failed.append(sid);
    }
    QCOMPARE(failed.size(), summary->failed);

    // The next session shows them as failed with why.
    QString why;
    auto next = f->newService(&why);
    QVERIFY2(next, qPrintable(why));
    const auto listed = waitJob(next->loadNumbers(f->server().trunkSid()), 15000);
    QVERIFY(listed);
    int shownFailed = 0;
    for (const NumberInfo &n : *listed) {
        if (!failed.contains(n.sid))
            continue;
        QCOMPARE(int(n.state), int(NumberState::Failed));
        QVERIFY2(n.lastError.message.contains(QLatin1String("new voice URL")),
                 qPrintable(n.lastError.message));
        ++shownFailed;
    }
    QCOMPARE(shownFailed, failed.size());

    // A revert of a failed one restores its original exactly (after its failed removal has
    // settled, three minutes later); "Retry failed" moves the rest.
    next->setClock(clockAhead(180));
    QVERIFY(waitRun(*next, [&] { return next->revert({failed.first()}); }));
    QCOMPARE(voiceFields(f->numbers().value(failed.first())),
             voiceFields(before.value(failed.first())));
    const auto retry =
        waitRun(*next, [&] { return next->migrate(failed.mid(1), EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->migrated, failed.size() - 1);
    QCOMPARE(countMigrated(f->numbers(), sids), 249);
}

void TestMigrationFaults::lateRemovalAfterAFailureKeepsTheInvariant()
{
    // The measured case: the first DELETE is held in transit past the client's timeout, its
    // retries get 503, and the held DELETE lands afterwards. The number must be off the trunk
    // with the new URL then, never with its old one.
    const QStringList sids = f->mainTrunkSids().mid(0, 3);
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    service->client()->setTimeoutMs(300);
    holdFirstDeletes(int(sids.size()), 1500);
    QSignalSpy applied(&f->server(), &SandboxServer::writeApplied);
    const auto summary =
        waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(summary);
    const QString early = checkInvariant(before, f->numbers(), sids, f->server().trunkSid());
    QVERIFY2(early.isEmpty(), qPrintable(early));
    // Wait (on the sandbox's signal, not the clock) until the held DELETEs have landed.
    const auto landed = [&] {
        int n = 0;
        for (const QList<QVariant> &args : std::as_const(applied))
            n += args.at(0).toByteArray() == "DELETE" && args.at(2).toInt() == 204;
        return n;
    };
    for (int i = 0; i < 20 && landed() < int(sids.size()); ++i)
        applied.wait(2000);
    disconnect(&f->server(), &SandboxServer::requestArrived, service.get(), nullptr);
    f->server().setMethodFailRate("DELETE", -1);
    QCOMPARE(landed(), int(sids.size()));
    const auto now = f->numbers();
    const QString late = checkInvariant(before, now, sids, f->server().trunkSid());
    QVERIFY2(late.isEmpty(), qPrintable(late));
    QCOMPARE(countMigrated(now, sids), int(sids.size()));
}

void TestMigrationFaults::revertWaitsOutARemovalStillInTransit()
{
    // The removal fails while its first DELETE is still held in transit, and a revert is asked
    // for at once. Restoring now would let the DELETE land afterwards: off the trunk with the
    // old URL. The revert waits out the settle time, then works from the live number.
    const QStringList sids = f->mainTrunkSids().mid(0, 3);
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    service->client()->setTimeoutMs(300);
    service->setRemovalSettleMs(7000); // the held DELETEs land 5 s after they arrived
    holdFirstDeletes(int(sids.size()), 5000);
    const auto migrated =
        waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(migrated);
    QCOMPARE(migrated->failed, int(sids.size()));
    disconnect(&f->server(), &SandboxServer::requestArrived, service.get(), nullptr);
    f->server().setMethodFailRate("DELETE", -1);
    QVERIFY(f->server().writesHeld() > 0); // still in transit when the revert starts

    QHash<QString, NumberInfo> rows;
    int waited = 0;
    const auto reverted = waitRun(*service, [&] {
        RunJob *run = service->revert(sids);
        connect(run, &RunJob::numberChanged, service.get(), [&](const NumberInfo &n) {
            rows.insert(n.sid, n);
            waited += n.lastError.message.startsWith(QLatin1String("Waiting until"));
        });
        return run;
    });
    QVERIFY(reverted);
    QCOMPARE(reverted->reverted, int(sids.size()));
    QCOMPARE(waited, int(sids.size()));
    QCOMPARE(f->server().writesHeld(), 0);
    for (const QString &sid : sids) {
        QCOMPARE(f->numbers().value(sid).trunkSid, std::optional(f->server().trunkSid()));
        QCOMPARE(voiceFields(f->numbers().value(sid)), voiceFields(before.value(sid)));
    }
}

void TestMigrationFaults::updateAnsweredButNotAppliedIsNotRemoved()
{
    // Twilio answers 200 with the number unchanged when it ignores a parameter.
    const QString sid = f->mainTrunkSids().at(4);
    const auto before = f->numbers();
    FaultSettings ignoring;
    ignoring.ignoreWrite = 1.0;
    f->server().setFaults(ignoring);
    QHash<QString, NumberInfo> rows;
    const auto summary = waitRun(*service, [&] {
        return recordRows(service->migrate({sid}, EngineFixture::handlerUrl()), &rows);
    });
    f->server().setFaults({});
    QVERIFY(summary);
    QCOMPARE(summary->failed, 1);
    QCOMPARE(summary->migrated, 0);
    QCOMPARE(voiceFields(f->numbers().value(sid)), voiceFields(before.value(sid)));
    QVERIFY2(rows.value(sid).lastError.message.contains(QLatin1String("not applied")),
             qPrintable(rows.value(sid).lastError.message));
    const QByteArray csv = auditCsv(*service, f->journalPath() + ".csv");
    QCOMPARE(auditCount(csv, sid, "set_voice_url", "failed"), 1);
    QCOMPARE(auditCount(csv, sid, "remove_from_trunk", "success"), 0);
    // Once Twilio applies it, a retry completes it.
    const auto retry =
        waitRun(*service, [&] { return service->migrate({sid}, EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->migrated, 1);
}

void TestMigrationFaults::writesAppliedThenUnansweredAreFoundApplied_data()
{
    QTest::addColumn<bool>("drop");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("URL update applied, then dropped") << true << QByteArray("POST");
    QTest::newRow("URL update applied, then 5xx") << false << QByteArray("POST");
    QTest::newRow("removal applied, then dropped") << true << QByteArray("DELETE");
    QTest::newRow("removal applied, then 5xx") << false << QByteArray("DELETE");
}

void TestMigrationFaults::writesAppliedThenUnansweredAreFoundApplied()
{
    QFETCH(bool, drop);
    QFETCH(QByteArray, method);
    const QStringList sids = f->mainTrunkSids().mid(0, 20);
    const auto before = f->numbers();
    FaultSettings hard;
    (drop ? hard.applyThenDrop : hard.applyThen5xx) = 1.0;
    connect(&f->server(), &SandboxServer::requestArrived, service.get(), [&](const QByteArray &m) {
        f->server().setFaults(m == method ? hard : FaultSettings{});
    });
    QHash<QString, NumberInfo> rows;
    const auto summary = waitRun(*service, [&] {
        return recordRows(service->migrate(sids, EngineFixture::handlerUrl()), &rows);
    });
    disconnect(&f->server(), &SandboxServer::requestArrived, service.get(), nullptr);
    f->server().setFaults({});
    QVERIFY(summary);
    const auto now = f->numbers();
    const QString violation = checkInvariant(before, now, sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    // Every write did take effect; the live re-read finds that out, so all 20 are migrated.
    QCOMPARE(summary->failed, 0);
    QCOMPARE(countMigrated(now, sids), 20);
}

void TestMigrationFaults::secondJournalNeverSnapshotsTheHandler()
{
    // The first journal sets the URL but cannot take the number off the trunk.
    const QString sid = f->mainTrunkSids().at(2);
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    f->server().setMethodFailRate("DELETE", 1.0);
    QVERIFY(
        waitRun(*service, [&] { return service->migrate({sid}, EngineFixture::handlerUrl()); }));
    f->server().setMethodFailRate("DELETE", -1);
    QCOMPARE(f->numbers().value(sid).voiceUrl,
             std::optional(EngineFixture::handlerUrl().toString()));

    // A second journal (the CLI with --state, another admin) finishes the move...
    QTemporaryDir other;
    QString why;
    auto second = f->newService(&why, other.filePath(QStringLiteral("other.sqlite")));
    QVERIFY2(second, qPrintable(why));
    const auto moved =
        waitRun(*second, [&] { return second->migrate({sid}, EngineFixture::handlerUrl()); });
    QVERIFY(moved);
    QCOMPARE(moved->migrated, 1);
    // ...but its revert must not "restore" the handler URL as the original.
    QHash<QString, NumberInfo> rows;
    const auto reverted =
        waitRun(*second, [&] { return recordRows(second->revert({sid}), &rows); });
    QVERIFY(reverted);
    QCOMPARE(reverted->reverted, 0);
    QCOMPARE(reverted->failed, 1);
    QVERIFY2(rows.value(sid).lastError.message.contains(QLatin1String("another journal")),
             qPrintable(rows.value(sid).lastError.message));
    QVERIFY(!f->numbers().value(sid).trunkSid.has_value()); // left as it is
    second.reset();
    // The first journal still has the true original and restores it exactly (once its failed
    // removal has settled: see revertWaitsOutARemovalStillInTransit).
    service->setClock(clockAhead(180));
    QVERIFY(waitRun(*service, [&] { return service->revert({sid}); }));
    QCOMPARE(voiceFields(f->numbers().value(sid)), voiceFields(before.value(sid)));
}

void TestMigrationFaults::liveRunInAnotherProcessIsNotInterrupted()
{
    // The crashed-run case needs a run left "running" in the journal: made by a service that
    // is destroyed mid-run. Then a live holder of the account's lock (another process, here a
    // lock taken directly) makes it a running run, never an interrupted one.
    const QStringList sids = f->mainTrunkSids();
    f->server().setLatencyMs(20);
    QSignalSpy changed(service->migrate(sids, EngineFixture::handlerUrl()), &RunJob::numberChanged);
    QVERIFY(changed.wait(15000));
    service.reset();
    f->server().setLatencyMs(0);

    RunLock other(f->server().accountSid(), f->server().baseUrl().authority());
    QVERIFY(other.acquire());
    QString why;
    auto next = f->newService(&why);
    QVERIFY2(next, qPrintable(why));
    const InterruptedRun run = next->interruptedRun();
    QVERIFY(!run.isNull());
    QVERIFY2(run.runningElsewhere.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(run.runningElsewhere));
    for (auto start : {&MigrationService::resume, &MigrationService::rollback}) {
        const auto failed = waitFailure((next.get()->*start)(), 5000);
        QVERIFY(failed);
        QVERIFY2(failed->message.contains(QLatin1String("still running")),
                 qPrintable(failed->message));
    }
    // A new migration of the same account is refused too, through any journal.
    const auto refused =
        waitFailure(next->migrate(f->mainTrunkSids().mid(0, 1), EngineFixture::handlerUrl()), 5000);
    QVERIFY(refused);
    QVERIFY(refused->message.contains(QLatin1String("right now")));

    // Once the holder is gone the run is interrupted, and resume finishes it.
    other.release();
    QVERIFY(next->interruptedRun().runningElsewhere.isEmpty());
    const auto summary = waitRun(*next, [&] { return next->resume(); });
    QVERIFY(summary);
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
}

void TestMigrationFaults::fullDiskMidRunLeavesNoChangeUnrecorded()
{
    // The disk fills up a few numbers into the run (RLIMIT_FSIZE: writes past the limit fail
    // with EFBIG, SIGXFSZ ignored). No call is made whose intent and audit row are not on
    // disk, so every change that took effect has its row, and what the numbers report is true.
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    const qint64 used = qMax(QFileInfo(f->journalPath()).size(),
                             QFileInfo(f->journalPath() + QStringLiteral("-wal")).size());
    QHash<QString, NumberInfo> rows;
    std::optional<RunSummary> summary;
    {
        FileSizeLimit full(rlim_t(used + 480 * 1024)); // the run starts, then fills
        QVERIFY(full.isActive());
        summary = waitRun(*service, [&] {
            return recordRows(service->migrate(sids, EngineFixture::handlerUrl()), &rows);
        });
    }
    QVERIFY(summary);
    QVERIFY2(summary->failed > 0, "the disk never filled up");
    const auto now = f->numbers();
    const QString violation = checkInvariant(before, now, sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    const QByteArray csv = auditCsv(*service, f->journalPath() + QStringLiteral(".csv"));
    int changed = 0;
    for (const QString &sid : sids) {
        const bool urlChanged = now.value(sid).voiceUrl != before.value(sid).voiceUrl;
        const bool moved = now.value(sid).trunkSid != before.value(sid).trunkSid;
        changed += urlChanged || moved ? 1 : 0;
        if (urlChanged)
            QVERIFY2(auditCount(csv, sid, "set_voice_url", "") > 0, qPrintable(sid));
        if (moved)
            QVERIFY2(auditCount(csv, sid, "remove_from_trunk", "") > 0, qPrintable(sid));
        // A failed number that was changed says so; none claims to be untouched when it is not.
        const NumberInfo &row = rows.value(sid);
        if (row.state == NumberState::Failed && urlChanged)
            QVERIFY2(!row.lastError.message.contains(QLatin1String("nothing was changed")) &&
                         !row.lastError.message.contains(QLatin1String("unchanged")),
                     qPrintable(row.lastError.message));
    }
    qInfo("disk full after %d changed numbers; %d failed", changed, summary->failed);
    // With room again, "retry failed" finishes the trunk.
    QStringList left;
    for (const QString &sid : sids)
        if (countMigrated(f->numbers(), {sid}) == 0)
            left.append(sid);
    QVERIFY(waitRun(*service, [&] { return service->migrate(left, EngineFixture::handlerUrl()); }));
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
}

void TestMigrationFaults::slowAnswersStopAtTheNumbersDeadline()
{
    // Every answer takes 100 ms and a number may take 150: each number's job stops at its
    // first safe point past that (its three calls need 300 ms), never off the trunk.
    const QStringList sids = f->mainTrunkSids().mid(0, 5);
    const auto before = f->numbers();
    f->server().setLatencyMs(100);
    service->setNumberDeadlineMs(150);
    QHash<QString, NumberInfo> rows;
    const auto summary = waitRun(*service, [&] {
        return recordRows(service->migrate(sids, EngineFixture::handlerUrl()), &rows);
    });
    f->server().setLatencyMs(0);
    QVERIFY(summary);
    QCOMPARE(summary->failed, 5);
    const auto now = f->numbers();
    for (const QString &sid : sids) {
        QCOMPARE(now.value(sid).trunkSid, std::optional(f->server().trunkSid()));
        QVERIFY2(rows.value(sid).lastError.message.contains(QLatin1String("deadline")),
                 qPrintable(rows.value(sid).lastError.message));
    }
    const QString violation = checkInvariant(before, now, sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    service->setNumberDeadlineMs(5 * 60 * 1000);
    const auto retry =
        waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->migrated, 5);
}

void TestMigrationFaults::cancelMidRunLeavesConsistentState()
{
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    f->server().setLatencyMs(15);
    int changes = 0;
    RunJob *run = service->migrate(sids, EngineFixture::handlerUrl());
    QSignalSpy finished(run, &BackendJob::finished);
    QSignalSpy failed(run, &BackendJob::failed);
    connect(run, &RunJob::numberChanged, service.get(), [&] {
        if (++changes == 40)
            service->cancel();
    });
    QVERIFY(finished.wait(60000)); // the run is gone after this
    // Nothing else may arrive: the run ends exactly once, once the client is idle.
    QTRY_COMPARE(service->client()->counters().operations, 0);
    drainPostedEvents();
    QCOMPARE(finished.size(), 1);
    QVERIFY(failed.isEmpty());
    QVERIFY(!service->isBusy());
    const auto summary = finished.first().at(0).value<RunSummary>();
    QVERIFY(summary.cancelled > 0);
    QCOMPARE(summary.migrated + summary.failed + summary.cancelled + summary.alreadyMigrated, 250);

    const auto now = f->numbers();
    const QString violation = checkInvariant(before, now, sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    QCOMPARE(countMigrated(now, sids), summary.migrated);
    // Cancelled is finished, not interrupted: nothing to resume.
    QVERIFY(service->interruptedRun().isNull());

    f->server().setLatencyMs(0);
    const auto rest =
        waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(rest);
    QCOMPARE(rest->alreadyMigrated, summary.migrated);
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
}

void TestMigrationFaults::stopEndsSlowCallsWithinSeconds()
{
    // Every answer takes 25 s (the timeout is 30 s). A stop ends the calls in flight within its
    // 3 s instead of waiting for them: without that, the run could not finish before 25 s.
    const QStringList sids = f->mainTrunkSids().mid(0, 20);
    const auto before = f->numbers();
    f->server().setLatencyMs(25000);
    QSignalSpy arrived(&f->server(), &SandboxServer::requestArrived);
    QSignalSpy finished(service->migrate(sids, EngineFixture::handlerUrl()), &BackendJob::finished);
    QVERIFY(arrived.wait(10000));
    QElapsedTimer clock;
    clock.start();
    service->cancel();
    QVERIFY(finished.wait(20000));
    qInfo() << "stopped after" << clock.elapsed() << "ms";
    f->server().setLatencyMs(0);
    const auto summary = finished.first().at(0).value<RunSummary>();
    QCOMPARE(summary.migrated, 0);
    const QString violation = checkInvariant(before, f->numbers(), sids, f->server().trunkSid());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));

    // The usual timeouts are back: the same numbers now finish, each one reported.
    const auto rest =
        waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(rest);
    QCOMPARE(rest->migrated + rest->alreadyMigrated, 20);
    QCOMPARE(countMigrated(f->numbers(), sids), 20);
}

void TestMigrationFaults::revertUnderHardFaultsReportsWhatHappened()
{
    // Writes that apply and lose their answer, apply then answer 5xx, or answer 200 without
    // applying: each number's report must match its live state. A restore that went through is
    // "reverted", never "not put back"; one reported failed is on the trunk (safe), not back.
    const QStringList sids = f->mainTrunkSids().mid(0, 60);
    const auto before = f->numbers();
    QVERIFY(waitRun(*service, [&] { return service->migrate(sids, EngineFixture::handlerUrl()); }));
    QCOMPARE(countMigrated(f->numbers(), sids), 60);

    service->client()->setRetryPolicy(shortRetries());
    FaultSettings hostile;
    hostile.applyThenDrop = 0.2;
    hostile.applyThen5xx = 0.2;
    hostile.ignoreWrite = 0.15;
    f->server().setFaults(hostile);
    QHash<QString, NumberInfo> rows;
    const auto summary = waitRun(
        *service, [&] { return recordRows(service->revert(sids), &rows); }, 80000);
    f->server().setFaults({});
    QVERIFY(summary);
    QCOMPARE(summary->reverted + summary->failed, 60);

    const auto now = f->numbers();
    QStringList failed;
    for (const QString &sid : sids) {
        const bool restored = now.value(sid).trunkSid == std::optional(f->server().trunkSid()) &&
                              voiceFields(now.value(sid)) == voiceFields(before.value(sid));
        const NumberState reported = rows.value(sid).state;
        QVERIFY2(restored == (reported == NumberState::Reverted),
                 qPrintable(sid + QLatin1String(": ") + rows.value(sid).lastError.message));
        if (reported == NumberState::Reverted)
            continue;
        // Never off the trunk without the handler URL, whatever failed.
        if (!now.value(sid).trunkSid)
            QCOMPARE(now.value(sid).voiceUrl,
                     std::optional(EngineFixture::handlerUrl().toString()));
        failed.append(sid);
    }
    qInfo() << summary->reverted << "reverted," << failed.size() << "failed under faults";

    // Again without faults: the rest come back exactly.
    const auto again = waitRun(*service, [&] { return service->revert(failed); });
    QVERIFY(again);
    QCOMPARE(again->reverted, failed.size());
    for (const QString &sid : sids) {
        QCOMPARE(f->numbers().value(sid).trunkSid, std::optional(f->server().trunkSid()));
        QCOMPARE(voiceFields(f->numbers().value(sid)), voiceFields(before.value(sid)));
    }
}

QTEST_GUILESS_MAIN(TestMigrationFaults)
#include "tst_migrationfaults.moc"
