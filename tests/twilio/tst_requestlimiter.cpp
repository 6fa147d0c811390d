// RequestLimiter: AIMD on 429, the server-reported ceiling, additive recovery.
#include "requestlimiter.h"

#include <QTest>

class TestRequestLimiter : public QObject
{
    Q_OBJECT
private slots:
    void capsInFlight();
    void halvesOnRateLimitButNotBelowOne();
    void oneBurstCountsOnce();
    void recoversAdditivelyUpToServerCeiling();
    void withoutHeaderCeilingIsBelowFailedLevel();
    void otherFailuresOnlyFreeTheSlot();
};

void TestRequestLimiter::capsInFlight()
{
    RequestLimiter limiter(3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(limiter.canStart());
        limiter.started();
    }
    QVERIFY(!limiter.canStart());
    limiter.succeeded(-1);
    QVERIFY(limiter.canStart());
    QCOMPARE(limiter.inFlight(), 2);
}

void TestRequestLimiter::halvesOnRateLimitButNotBelowOne()
{
    RequestLimiter limiter(8);
    for (int expected : {4, 2, 1, 1}) {
        const int token = limiter.started();
        limiter.rateLimited(token);
        QCOMPARE(limiter.limit(), expected);
    }
    QCOMPARE(limiter.inFlight(), 0);
}

void TestRequestLimiter::oneBurstCountsOnce()
{
    RequestLimiter limiter(8);
    QList<int> tokens;
    for (int i = 0; i < 8; ++i)
        tokens << limiter.started();
    for (int token : tokens)
        limiter.rateLimited(token);
    QCOMPARE(limiter.limit(), 4);
    QCOMPARE(limiter.inFlight(), 0);
}

void TestRequestLimiter::recoversAdditivelyUpToServerCeiling()
{
    RequestLimiter limiter(16);
    // The server reported tolerating 5 at once before refusing.
    for (int i = 0; i < 5; ++i)
        limiter.started();
    for (int i = 0; i < 5; ++i)
        limiter.succeeded(5);
    limiter.rateLimited(limiter.started());
    QCOMPARE(limiter.ceiling(), 5);
    QCOMPARE(limiter.limit(), 5); // half of 16 is 8, but the server showed it tolerates 5
    for (int i = 0; i < 100; ++i) {
        limiter.started();
        limiter.succeeded(3);
    }
    QCOMPARE(limiter.limit(), 5); // never above the ceiling
    // A second 429 halves again; successes then climb back, one step per round, to the new
    // ceiling (3, the most the server reported since the first 429), no further.
    limiter.rateLimited(limiter.started());
    QCOMPARE(limiter.ceiling(), 3);
    QCOMPARE(limiter.limit(), 2);
    for (int i = 0; i < 2; ++i) {
        limiter.started();
        limiter.succeeded(2);
    }
    QCOMPARE(limiter.limit(), 3);
    for (int i = 0; i < 50; ++i) {
        limiter.started();
        limiter.succeeded(2);
    }
    QCOMPARE(limiter.limit(), 3);
}

void TestRequestLimiter::withoutHeaderCeilingIsBelowFailedLevel()
{
    RequestLimiter limiter(6);
    limiter.rateLimited(limiter.started());
    QCOMPARE(limiter.limit(), 3);
    QCOMPARE(limiter.ceiling(), 5);
    int rounds = 0;
    while (limiter.limit() < 5 && rounds++ < 1000) {
        limiter.started();
        limiter.succeeded(-1);
    }
    QCOMPARE(limiter.limit(), 5);
    QVERIFY(rounds == 3 + 4); // 3 successes to reach 4, then 4 to reach 5
    for (int i = 0; i < 100; ++i) {
        limiter.started();
        limiter.succeeded(-1);
    }
    QCOMPARE(limiter.limit(), 5);
}

void TestRequestLimiter::otherFailuresOnlyFreeTheSlot()
{
    RequestLimiter limiter(4);
    limiter.started();
    limiter.failed();
    QCOMPARE(limiter.limit(), 4);
    QCOMPARE(limiter.inFlight(), 0);
    limiter.setMaximum(2);
    QCOMPARE(limiter.limit(), 2);
}

QTEST_GUILESS_MAIN(TestRequestLimiter)
#include "tst_requestlimiter.moc"
