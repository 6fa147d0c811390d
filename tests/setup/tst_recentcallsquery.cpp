// Recent calls after simulated test calls: both legs, newest first, for a number or a domain.
#include "recentcallsquery.h"
#include "setupfixture.h"
#include "trunkingapi.h"

class TestRecentCallsQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<SetupFixture> f;
    QString testNumber;
    const QString domain = QStringLiteral("acme-pbx.sip.twilio.com");

    QVector<CallInfo> query(const QString &numberOrDomain, int limit = 20, QString *error = nullptr)
    {
        RecentCallsQuery q(f->client());
        q.setLimit(limit);
        QSignalSpy finished(&q, &RecentCallsQuery::finished);
        QSignalSpy failed(&q, &RecentCallsQuery::failed);
        q.start(numberOrDomain);
        if (!waitForOutcome(finished, failed) || finished.isEmpty()) {
            if (error)
                *error = failureMessage(failed);
            return {};
        }
        return finished.first().first().value<QVector<CallInfo>>();
    }

private slots:
    void initTestCase()
    {
        // Steps 1 and 2 once: the domain exists and the test number rings the handler.
        f = std::make_unique<SetupFixture>();
        QCOMPARE(f->start(), QString());
        const auto numbers = f->await<QList<IncomingPhoneNumber>>([&](QObject *c, auto done) {
            return f->client()->trunking().listTrunkPhoneNumbers(f->trunkSid(), c, done);
        });
        QVERIFY(!numbers.value.isEmpty());
        testNumber = numbers.value.first().phoneNumber;
        QString error;
        QVERIFY2(f->runStepsOneAndTwo(numbers.value.first().sid, &error), qPrintable(error));
    }
    void cleanupTestCase() { f.reset(); }

    void callToTheNumberShowsBothLegs()
    {
        QCOMPARE(f->simulateCall(QStringLiteral("+15005550006"), testNumber).size(), 2);
        const QVector<CallInfo> calls = query(testNumber);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).to, testNumber);
        QVERIFY(calls.at(0).parentCallSid.isEmpty());
        QCOMPARE(calls.at(1).parentCallSid, calls.at(0).sid);
        // The target the deployed handler dialled: the trunk's origination URL, port included.
        QCOMPARE(calls.at(1).to, QStringLiteral("sip:%1@pbx.example.net:5060").arg(testNumber));
        QCOMPARE(calls.at(1).direction, QStringLiteral("outbound-dial"));
        QVERIFY(calls.at(0).startTime.isValid());
    }

    void newestCallComesFirstAndTheLimitHolds()
    {
        f->server().advanceClock(1000); // start times have one-second resolution
        const auto legs = f->simulateCall(QStringLiteral("+15005550007"), testNumber);
        QCOMPARE(legs.size(), 2);
        const QVector<CallInfo> calls = query(testNumber);
        QCOMPARE(calls.size(), 4);
        QCOMPARE(calls.first().from, QStringLiteral("+15005550007"));
        QVERIFY(calls.first().startTime >= calls.at(2).startTime);
        const QVector<CallInfo> capped = query(testNumber, 2);
        QCOMPARE(capped.size(), 2);
        QCOMPARE(capped.at(1).parentCallSid, capped.at(0).sid);
    }

    void callFromThePbxShowsBothLegsOnTheDomain()
    {
        const QString from = QStringLiteral("sip:+61255500001@") + domain;
        const QString to = QStringLiteral("sip:+14155550100@") + domain;
        QCOMPARE(f->simulateCall(from, to).size(), 2);
        for (const QString &input : {domain, QStringLiteral("sip:") + domain}) {
            const QVector<CallInfo> calls = query(input);
            QCOMPARE(calls.size(), 2);
            QCOMPARE(calls.at(0).to, to);
            QCOMPARE(calls.at(1).parentCallSid, calls.at(0).sid);
            QCOMPARE(calls.at(1).to, QStringLiteral("+14155550100"));
        }
        QVERIFY(query(QStringLiteral("other.sip.twilio.com")).isEmpty());
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("short number") << "12345";
        QTest::newRow("words") << "not a domain";
        QTest::newRow("single label") << "localhost";
        QTest::newRow("injection") << "+61255501234&Status=completed";
    }
    void badInputIsRefused()
    {
        QFETCH(QString, input);
        QString error;
        QVERIFY(query(input, 20, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecentCallsQuery)
#include "tst_recentcallsquery.moc"
