// Fault injection: latency without serialisation, 429 under concurrency, 5xx, dropped
// connections, determinism by seed, and the control endpoints staying unfaulted.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

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
        options.failRate = 1.0;
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
        options.dropRate = 1.0;
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
            options.failRate = 0.5;
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
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "testsandboxfaults.moc"
