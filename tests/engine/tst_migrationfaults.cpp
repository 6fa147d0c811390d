// Step 4 under a hostile server (5xx, 429 and dropped connections) and under cancel(): every
// number ends migrated or reported failed with its old settings intact (issue 3 §7), nothing
// is ever off the trunk without its new URL; failed removals are undone from the snapshot.
#include "enginefixture.h"

#include <QFile>
#include <QTest>

namespace {
// Few, quick retries, so some numbers run out of attempts and fail for real.
RetryPolicy shortRetries()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelayMs = 5;
    policy.maxDelayMs = 40;
    policy.maxRetryAfterMs = 40;
    return policy;
}

// The audit CSV of the service's account, exported and read back.
QByteArray auditCsv(MigrationService &service, const QString &path)
{
    QSignalSpy exported(&service, &MigrationBackend::auditExported);
    service.exportAudit(path);
    if (!exported.wait(5000))
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Audit lines of one number and action with that outcome.
int auditCount(const QByteArray &csv, const QString &sid, const char *action, const char *outcome)
{
    int count = 0;
    const QList<QByteArray> lines = csv.split('\n');
    for (const QByteArray &line : lines)
        count += line.contains(sid.toLatin1()) && line.contains(QByteArray(",") + action + ',') &&
                         line.contains(QByteArray(",") + outcome)
                     ? 1
                     : 0;
    return count;
}
} // namespace

class TestMigrationFaults : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void faultsEndConsistentThenRetryFailedCompletes();
    void failedRemovalsRestoreTheOldSettings();
    void restoreFailingTooIsReportedThenRepaired();
    void cancelMidRunLeavesConsistentState();

private:
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

void TestMigrationFaults::faultsEndConsistentThenRetryFailedCompletes()
{
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    f->server().setFailRate(0.3);
    f->server().setDropRate(0.05);
    f->server().setRateLimitConcurrency(3);
    QHash<QString, NumberInfo> rows;
    connect(service.get(), &MigrationBackend::numberChanged, service.get(),
            [&](const NumberInfo &n) { rows.insert(n.sid, n); });
    const auto summary = waitRun(
        *service, [&] { service->migrate(sids, EngineFixture::handlerUrl()); }, 80000);
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
            // Still on the trunk with every voice field as before, the URL included.
            QVERIFY2(
                voiceFields(now.value(sid)) == voiceFields(before.value(sid)),
                qPrintable(sid + QStringLiteral(" failed but changed: ") + row.lastError.message));
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
        waitRun(*service, [&] { service->migrate(failed, EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->failed, 0);
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
}

void TestMigrationFaults::failedRemovalsRestoreTheOldSettings()
{
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    service->client()->setRetryPolicy(shortRetries());
    // Only the removals fail: 0.7^3, about a third of the numbers, run out of attempts after
    // their voice URL was set.
    f->server().setMethodFailRate("DELETE", 0.7);
    QHash<QString, NumberInfo> rows;
    connect(service.get(), &MigrationBackend::numberChanged, service.get(),
            [&](const NumberInfo &n) { rows.insert(n.sid, n); });
    const auto summary = waitRun(
        *service, [&] { service->migrate(sids, EngineFixture::handlerUrl()); }, 80000);
    f->server().setMethodFailRate("DELETE", -1);
    QVERIFY(summary);
    QCOMPARE(summary->migrated + summary->failed, 250);
    QVERIFY2(summary->failed >= 30, qPrintable(QString::number(summary->failed)));

    const auto now = f->numbers();
    const QString csv = QString::fromUtf8(auditCsv(*service, f->journalPath() + ".csv"));
    QStringList failed;
    for (const QString &sid : sids) {
        const NumberInfo &row = rows.value(sid);
        if (row.state == NumberState::Migrated) {
            QCOMPARE(now.value(sid).voiceUrl,
                     std::optional(EngineFixture::handlerUrl().toString()));
            QVERIFY(!now.value(sid).trunkSid.has_value());
            continue;
        }
        QCOMPARE(int(row.state), int(NumberState::Failed));
        QCOMPARE(voiceFields(now.value(sid)), voiceFields(before.value(sid)));
        QVERIFY2(row.lastError.message.contains(QLatin1String("previous voice settings were "
                                                              "restored")),
                 qPrintable(row.lastError.message));
        QCOMPARE(row.voiceUrl, before.value(sid).voiceUrl.value_or(QString()));
        // The URL change, the failed removal and the restore are all on record.
        const QByteArray csvBytes = csv.toUtf8();
        QCOMPARE(auditCount(csvBytes, sid, "set_voice_url", "success"), 1);
        QVERIFY(auditCount(csvBytes, sid, "remove_from_trunk", "failed") >= 1);
        QCOMPARE(auditCount(csvBytes, sid, "restore_after_failure", "success"), 1);
        failed.append(sid);
    }
    QCOMPARE(failed.size(), summary->failed);

    // The next session shows them as failed (not migrated, not reverted) with why.
    QString why;
    auto next = f->newService(&why);
    QVERIFY2(next, qPrintable(why));
    QSignalSpy loaded(next.get(), &MigrationBackend::numbersLoaded);
    next->loadNumbers(f->server().trunkSid());
    QVERIFY(loaded.wait(15000));
    const auto listed = loaded.first().at(1).value<QVector<NumberInfo>>();
    int shownFailed = 0;
    for (const NumberInfo &n : listed) {
        if (!failed.contains(n.sid))
            continue;
        QCOMPARE(int(n.state), int(NumberState::Failed));
        QVERIFY(n.lastError.message.contains(QLatin1String("restored")));
        ++shownFailed;
    }
    QCOMPARE(shownFailed, failed.size());

    // "Retry failed" migrates them; a revert still restores the original exactly.
    const auto retry = waitRun(*next, [&] { next->migrate(failed, EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->migrated, failed.size());
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
    QVERIFY(waitRun(*next, [&] { next->revert({failed.first()}); }));
    QCOMPARE(voiceFields(f->numbers().value(failed.first())),
             voiceFields(before.value(failed.first())));
}

void TestMigrationFaults::restoreFailingTooIsReportedThenRepaired()
{
    const QString sid = f->mainTrunkSids().at(2); // a number with a GET voice URL before
    const auto before = f->numbers();
    QVERIFY(before.value(sid).voiceUrl.has_value());
    service->client()->setRetryPolicy(shortRetries());
    // The removal fails, and from then on every update fails too: the URL was set, the
    // restore cannot be made.
    f->server().setMethodFailRate("DELETE", 1.0);
    connect(&f->server(), &SandboxServer::requestArrived, service.get(),
            [&](const QByteArray &method) {
                if (method == "DELETE")
                    f->server().setMethodFailRate("POST", 1.0);
            });
    QHash<QString, NumberInfo> rows;
    connect(service.get(), &MigrationBackend::numberChanged, service.get(),
            [&](const NumberInfo &n) { rows.insert(n.sid, n); });
    const auto summary =
        waitRun(*service, [&] { service->migrate({sid}, EngineFixture::handlerUrl()); });
    disconnect(&f->server(), &SandboxServer::requestArrived, service.get(), nullptr);
    f->server().setMethodFailRate("DELETE", -1);
    f->server().setMethodFailRate("POST", -1);
    QVERIFY(summary);
    QCOMPARE(summary->failed, 1);

    // Reported as what it is: on the trunk, calls still to the PBX, but the URL changed.
    const NumberInfo row = rows.value(sid);
    QCOMPARE(int(row.state), int(NumberState::Failed));
    QVERIFY2(row.lastError.message.contains(QLatin1String("still on the trunk")) &&
                 row.lastError.message.contains(QLatin1String("voice URL was changed")),
             qPrintable(row.lastError.message));
    const IncomingPhoneNumber now = f->numbers().value(sid);
    QCOMPARE(now.trunkSid, std::optional(f->server().trunkSid()));
    QCOMPARE(now.voiceUrl, std::optional(EngineFixture::handlerUrl().toString()));
    const QByteArray csv = auditCsv(*service, f->journalPath() + QStringLiteral(".csv"));
    QCOMPARE(auditCount(csv, sid, "restore_after_failure", "failed"), 3); // three rounds
    QCOMPARE(auditCount(csv, sid, "restore_after_failure", "success"), 0);

    // Kept for a later fix: a new session still shows it failed, and a revert restores it.
    QString why;
    auto next = f->newService(&why);
    QVERIFY2(next, qPrintable(why));
    QSignalSpy loaded(next.get(), &MigrationBackend::numbersLoaded);
    next->loadNumbers(f->server().trunkSid());
    QVERIFY(loaded.wait(15000));
    const auto listed = loaded.first().at(1).value<QVector<NumberInfo>>();
    const auto shown = std::find_if(listed.cbegin(), listed.cend(),
                                    [&](const NumberInfo &n) { return n.sid == sid; });
    QVERIFY(shown != listed.cend());
    QCOMPARE(int(shown->state), int(NumberState::Failed));
    QVERIFY(shown->lastError.message.contains(QLatin1String("voice URL was changed")));
    const auto reverted = waitRun(*next, [&] { next->revert({sid}); });
    QVERIFY(reverted);
    QCOMPARE(reverted->reverted, 1);
    QCOMPARE(voiceFields(f->numbers().value(sid)), voiceFields(before.value(sid)));
}

void TestMigrationFaults::cancelMidRunLeavesConsistentState()
{
    const QStringList sids = f->mainTrunkSids();
    const auto before = f->numbers();
    f->server().setLatencyMs(15);
    int changes = 0;
    QSignalSpy finished(service.get(), &MigrationBackend::runFinished);
    connect(service.get(), &MigrationBackend::numberChanged, service.get(), [&] {
        if (++changes == 40)
            service->cancel();
    });
    service->migrate(sids, EngineFixture::handlerUrl());
    QVERIFY(finished.wait(60000));
    QTest::qWait(300); // nothing else may arrive: runFinished exactly once
    QCOMPARE(finished.size(), 1);
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
        waitRun(*service, [&] { service->migrate(sids, EngineFixture::handlerUrl()); });
    QVERIFY(rest);
    QCOMPARE(rest->alreadyMigrated, summary.migrated);
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
}

QTEST_GUILESS_MAIN(TestMigrationFaults)
#include "tst_migrationfaults.moc"
