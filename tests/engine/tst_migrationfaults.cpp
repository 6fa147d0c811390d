// Step 4 under a hostile server (5xx, 429 and dropped connections) and under cancel(): every
// number ends migrated or reported failed, with nothing off the trunk without its new URL.
#include "enginefixture.h"

#include <QFile>
#include <QTest>

class TestMigrationFaults : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void faultsEndConsistentThenRetryFailedCompletes();
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
    // Few, quick retries, so some numbers run out of attempts and fail for real.
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelayMs = 5;
    policy.maxDelayMs = 40;
    policy.maxRetryAfterMs = 40;
    service->client()->setRetryPolicy(policy);
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
        const bool offTrunk = !now.value(sid).trunkSid.has_value();
        if (row.state == NumberState::Migrated) {
            QVERIFY(offTrunk);
        } else {
            QCOMPARE(int(row.state), int(NumberState::Failed));
            QVERIFY(!offTrunk); // failed numbers still reach the PBX through the trunk
            QVERIFY(!row.lastError.message.isEmpty());
            failed.append(sid);
        }
    }
    QCOMPARE(failed.size(), summary->failed);
    int urlSet = 0; // failed at the removal: new URL, still on the trunk
    for (const QString &sid : std::as_const(failed))
        urlSet += now.value(sid).voiceUrl == EngineFixture::handlerUrl().toString() ? 1 : 0;
    qInfo("%d migrated, %d failed (%d of them after the URL was set)", summary->migrated,
          summary->failed, urlSet);
    QCOMPARE(countMigrated(now, sids), summary->migrated);

    // Failed attempts are audited with Twilio's answer.
    const QString csv = f->journalPath() + QStringLiteral(".csv");
    QSignalSpy exported(service.get(), &MigrationBackend::auditExported);
    service->exportAudit(csv);
    QVERIFY(exported.wait(5000));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains(",failed"));

    // "Retry failed".
    const auto retry =
        waitRun(*service, [&] { service->migrate(failed, EngineFixture::handlerUrl()); });
    QVERIFY(retry);
    QCOMPARE(retry->failed, 0);
    QCOMPARE(countMigrated(f->numbers(), sids), 250);
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
