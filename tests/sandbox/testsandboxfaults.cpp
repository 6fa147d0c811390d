// Fault injection: latency without serialisation, 429 under concurrency, 5xx, dropped
// connections, determinism by seed, and the control endpoints staying unfaulted; and the hard
// faults real Twilio produces: a write applied then unanswered (drop or 5xx), an update
// answered but not applied, a write applied late (after the client gave up), a stalled body
// and an oversize one, each also set at run time through POST /_sandbox/Faults.
#include "sandboxserver.h"
#include "sandboxtestclient.h"
#include "sandboxtransport.h"

#include <QSignalSpy>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

class TestSandboxFaults : public QObject
{
    Q_OBJECT
private:
    // Fires `count` GETs at once, each on its own client (QNAM caps connections per host at
    // six), and waits for all of them.
    static QList<SandboxTestClient::Result> parallelGets(const SandboxServer &server, int count,
                                                         const QString &path)
    {
        std::vector<std::unique_ptr<SandboxTestClient>> clients;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < count; ++i) {
            clients.push_back(std::make_unique<SandboxTestClient>(server));
            replies.append(clients.back()->start("GET", path));
        }
        QList<SandboxTestClient::Result> results;
        for (QNetworkReply *reply : replies)
            results.append(SandboxTestClient::finish(reply, 20000));
        return results;
    }

private slots:
    void latencyDoesNotSerialiseRequests()
    {
        SandboxOptions options;
        options.numbers = 5;
        options.latencyMs = 200;
        SandboxServer server(options);
        QVERIFY(server.start());
        QElapsedTimer timer;
        timer.start();
        const auto results = parallelGets(server, 20, QStringLiteral("/v1/Trunks"));
        const qint64 elapsed = timer.elapsed();
        qInfo("20 parallel requests at 200 ms latency: %lld ms, peak %d in flight", elapsed,
              server.peakConcurrentRequests());
        for (const auto &r : results)
            QCOMPARE(r.status, 200);
        // Serialised would be 20 x 200 ms = 4 s; overlapping answers take about 200 ms.
        QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
        QVERIFY(elapsed >= 190);
        QVERIFY2(server.peakConcurrentRequests() >= 10,
                 qPrintable(QString::number(server.peakConcurrentRequests())));
        QCOMPARE(server.requestsInFlight(), 0);
    }

    void concurrencyLimitAnswers429()
    {
        SandboxOptions options;
        options.numbers = 5;
        options.latencyMs = 800;
        options.rateLimitConcurrency = 2;
        SandboxServer server(options);
        QVERIFY(server.start());
        const auto results = parallelGets(server, 6, QStringLiteral("/v1/Trunks"));
        int ok = 0, limited = 0;
        for (const auto &r : results) {
            if (r.status == 200)
                ++ok;
            if (r.status == 429) {
                ++limited;
                QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20429);
                QCOMPARE(r.header("Retry-After"), QByteArray("1"));
                QVERIFY(r.header("Twilio-Concurrent-Requests").toInt() > 2);
            }
        }
        QCOMPARE(ok, 2);
        QCOMPARE(limited, 4);

        server.setRateLimitConcurrency(0);
        const auto unlimited = parallelGets(server, 6, QStringLiteral("/v1/Trunks"));
        for (const auto &r : unlimited)
            QCOMPARE(r.status, 200);
    }

    void failuresAreTwilioErrors()
    {
        SandboxOptions options;
        options.numbers = 5;
        options.faults.failRate = 1.0;
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        for (int i = 0; i < 10; ++i) {
            const auto r = client.get(QStringLiteral("/v1/Trunks"));
            QVERIFY2(r.status == 500 || r.status == 503, qPrintable(QString::number(r.status)));
            QCOMPARE(r.json.value(QLatin1String("code")).toInt(), 20000 + r.status);
            QVERIFY(!r.header("Twilio-Request-Id").isEmpty());
        }
        // Control endpoints are never faulted: this reaches the handler and fails validation.
        QCOMPARE(client.post(QStringLiteral("/_sandbox/SimulateCall"), "To=x").status, 400);
        server.setFailRate(0.0);
        QCOMPARE(client.get(QStringLiteral("/v1/Trunks")).status, 200);
    }

    void failRateCanTargetOneMethod()
    {
        SandboxOptions options;
        options.numbers = 5;
        SandboxServer server(options);
        QVERIFY(server.start());
        QList<QByteArray> arrived;
        connect(&server, &SandboxServer::requestArrived, this,
                [&](const QByteArray &method, const QString &) { arrived.append(method); });
        server.setMethodFailRate("delete", 1.0);
        SandboxTestClient client(server);
        const QString trunk = QStringLiteral("/v1/Trunks/") + server.trunkSid();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client.get(trunk).status, 200);
        const auto removed = client.del(trunk);
        QVERIFY2(removed.status == 500 || removed.status == 503,
                 qPrintable(QString::number(removed.status)));
        QCOMPARE(client.get(trunk).status, 200); // the failed DELETE changed nothing
        QCOMPARE(arrived, (QList<QByteArray>{"GET", "GET", "GET", "GET", "GET", "DELETE", "GET"}));

        // The override wins over the general rate both ways, and can be removed.
        server.setFailRate(1.0);
        server.setMethodFailRate("GET", 0.0);
        QCOMPARE(client.get(trunk).status, 200);
        server.setMethodFailRate("GET", -1);
        QVERIFY(client.get(trunk).status >= 500);
        server.setFailRate(0.0);
        server.setMethodFailRate("DELETE", -1);
        QCOMPARE(client.del(trunk).status, 204);
    }

    void dropsCloseTheConnection()
    {
        SandboxOptions options;
        options.numbers = 5;
        options.faults.dropRate = 1.0;
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        const auto r = client.get(QStringLiteral("/v1/Trunks"));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        QVERIFY(r.error != QNetworkReply::TimeoutError);
        server.setDropRate(0.0);
        QCOMPARE(client.get(QStringLiteral("/v1/Trunks")).status, 200);
    }

    void faultsAndDataAreDeterministicBySeed()
    {
        const auto run = [](quint32 seed) {
            SandboxOptions options;
            options.numbers = 5;
            options.seed = seed;
            options.faults.failRate = 0.5;
            SandboxServer server(options);
            if (!server.start())
                return QStringList();
            SandboxTestClient client(server);
            QStringList trace{server.accountSid(), server.trunkSid()};
            for (int i = 0; i < 16; ++i)
                trace.append(QString::number(client.get(QStringLiteral("/v1/Trunks")).status));
            return trace;
        };
        const QStringList first = run(7);
        QCOMPARE(first.size(), 18);
        QCOMPARE(run(7), first);
        const QStringList other = run(8);
        QVERIFY(other.at(0) != first.at(0));
        QVERIFY(first.mid(2).contains(QStringLiteral("200")));
        QVERIFY(first.mid(2).filter(QRegularExpression(QStringLiteral("^50[03]$"))).size() > 0);
    }

    void hardFaultsApplyOrIgnoreWrites_data()
    {
        QTest::addColumn<QString>("knob");
        QTest::addColumn<int>("status"); // of the answer; 0 = none
        QTest::addColumn<bool>("applied");
        QTest::newRow("apply then drop") << "apply_then_drop" << 0 << true;
        QTest::newRow("apply then 5xx") << "apply_then_5xx" << 500 << true;
        QTest::newRow("ignore write") << "ignore_write" << 200 << false;
    }

    void hardFaultsApplyOrIgnoreWrites()
    {
        QFETCH(QString, knob);
        QFETCH(int, status);
        QFETCH(bool, applied);
        SandboxOptions options;
        options.numbers = 5;
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        const QString trunk = QStringLiteral("/v1/Trunks/") + server.trunkSid();
        const QString name =
            client.get(trunk).json.value(QLatin1String("friendly_name")).toString();
        // Set at run time through the control endpoint, as a test or a user would.
        const auto set = client.post(QStringLiteral("/_sandbox/Faults"), knob.toUtf8() + "=1");
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json.value(knob).toDouble(), 1.0);
        QCOMPARE(client.get(trunk).status, 200); // reads are not affected
        const auto write = client.post(trunk, "FriendlyName=changed");
        if (status == 500)
            QVERIFY2(write.status == 500 || write.status == 503,
                     qPrintable(QString::number(write.status)));
        else
            QCOMPARE(write.status, status);
        if (status == 200) // answered as if done, with the resource as it still is
            QCOMPARE(write.json.value(QLatin1String("friendly_name")).toString(), name);
        QCOMPARE(client.post(QStringLiteral("/_sandbox/Faults"), knob.toUtf8() + "=0").status, 200);
        QCOMPARE(client.get(trunk).json.value(QLatin1String("friendly_name")).toString(),
                 applied ? QStringLiteral("changed") : name);
        // A DELETE alike.
        server.setFaults(FaultSettings{});
        FaultSettings faults;
        (knob == QLatin1String("apply_then_drop")  ? faults.applyThenDrop
         : knob == QLatin1String("apply_then_5xx") ? faults.applyThen5xx
                                                   : faults.ignoreWrite) = 1.0;
        server.setFaults(faults);
        client.del(trunk);
        server.setFaults(FaultSettings{});
        QCOMPARE(client.get(trunk).status, applied ? 404 : 200);
    }

    void delayedWriteIsAppliedAfterTheClientGaveUp()
    {
        SandboxOptions options;
        options.numbers = 5;
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        QCOMPARE(client.post(QStringLiteral("/_sandbox/Faults"), "delay_apply_ms=2000").status,
                 200);
        const QString trunk = QStringLiteral("/v1/Trunks/") + server.trunkSid();
        QSignalSpy arrived(&server, &SandboxServer::requestArrived);
        QSignalSpy applied(&server, &SandboxServer::writeApplied);
        // The client gives up once the DELETE has reached the sandbox, long before it lands.
        QNetworkReply *reply = client.start("DELETE", trunk);
        QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), 5000);
        reply->abort();
        reply->deleteLater();
        server.setFaults(FaultSettings{});
        QCOMPARE(client.get(trunk).status, 200);             // not applied yet
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 10000); // a spy check, not a new emission
        QCOMPARE(applied.first().at(0).toByteArray(), QByteArray("DELETE"));
        QCOMPARE(applied.first().at(2).toInt(), 204);
        QCOMPARE(client.get(trunk).status, 404); // applied late
    }

    void brokenBodies()
    {
        SandboxOptions options;
        options.numbers = 5;
        options.faults.stallBody = 1.0;
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        // Headers, then nothing: a reader without its own stall timeout waits forever.
        const auto stalled =
            SandboxTestClient::finish(client.start("GET", QStringLiteral("/v1/Trunks")), 500);
        QCOMPARE(stalled.error, QNetworkReply::TimeoutError);

        FaultSettings oversize;
        oversize.oversizeBody = 1.0;
        server.setFaults(oversize);
        QNetworkReply *reply = client.start("GET", QStringLiteral("/v1/Trunks"));
        QVERIFY(
            QTest::qWaitFor([reply] { return reply->bytesAvailable() > 8 * 1024 * 1024; }, 20000));
        QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(),
                 SandboxTransport::OversizeBytes);
        reply->abort();
        reply->deleteLater();
        server.setFaults(FaultSettings{});
        QCOMPARE(client.get(QStringLiteral("/v1/Trunks")).status, 200);
    }

    void faultControlRefusesBadValues()
    {
        SandboxOptions options;
        options.numbers = 5;
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxTestClient client(server);
        const auto bad =
            client.post(QStringLiteral("/_sandbox/Faults"), "drop_rate=2&fail_rate=0.5");
        QCOMPARE(bad.status, 400);
        QCOMPARE(server.faults().failRate, 0.0); // nothing changed
        QCOMPARE(
            client.post(QStringLiteral("/_sandbox/Faults"), "fail_rate=0.5&latency_ms=abc").status,
            400);
        QCOMPARE(server.faults().failRate, 0.0);
        const auto read = client.get(QStringLiteral("/_sandbox/Faults"));
        QCOMPARE(read.status, 200);
        for (const char *key : {"fail_rate", "drop_rate", "apply_then_drop", "apply_then_5xx",
                                "ignore_write", "delay_apply_ms", "delay_apply_rate", "stall_body",
                                "oversize_body", "latency_ms", "rate_limit_concurrency"})
            QVERIFY2(read.json.contains(QLatin1String(key)), key);
        client.setCredentials(server.accountSid(), QStringLiteral("wrong"));
        QCOMPARE(client.post(QStringLiteral("/_sandbox/Faults"), "fail_rate=1").status, 401);
        QCOMPARE(server.faults().failRate, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "testsandboxfaults.moc"
