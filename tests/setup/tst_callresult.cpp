// callResultOf: the one rule the journal and the audit log use, for set-up and step 4 alike.
#include "callresult.h"

#include <QTest>

class TestCallResult : public QObject
{
    Q_OBJECT
private slots:
    void successTakesTheAnswer()
    {
        TwilioReplyInfo reply;
        reply.httpStatus = 201;
        reply.requestId = QStringLiteral("RQ1");
        const CallResult call = callResultOf(TwilioError{}, reply);
        QVERIFY(call.result.ok);
        QCOMPARE(call.result.httpStatus, 201);
        QCOMPARE(call.result.requestId, QStringLiteral("RQ1"));
        QVERIFY(call.result.errorMessage.isEmpty());
        QVERIFY(call.retried.isEmpty());
    }

    void theFailingAnswerWinsOverTheLastOne()
    {
        TwilioError error = TwilioError::make(TwilioError::Kind::Api, QStringLiteral("Nope"));
        error.httpStatus = 409;
        error.code = 21220;
        error.requestId = QStringLiteral("RQfail");
        TwilioReplyInfo reply;
        reply.httpStatus = 200;
        reply.requestId = QStringLiteral("RQlast");
        const CallResult call = callResultOf(error, reply);
        QVERIFY(!call.result.ok);
        QCOMPARE(call.result.httpStatus, 409);
        QCOMPARE(call.result.twilioCode, 21220);
        QCOMPARE(call.result.requestId, QStringLiteral("RQfail"));
        QVERIFY(call.result.errorMessage.contains(QLatin1String("Nope")));
    }

    void anErrorWithoutAnAnswerKeepsTheLastAnswer()
    {
        const TwilioError error =
            TwilioError::make(TwilioError::Kind::Network, QStringLiteral("closed"));
        TwilioReplyInfo reply;
        reply.httpStatus = 503;
        reply.requestId = QStringLiteral("RQ503");
        const CallResult call = callResultOf(error, reply);
        QVERIFY(!call.result.ok);
        QCOMPARE(call.result.httpStatus, 503);
        QCOMPARE(call.result.requestId, QStringLiteral("RQ503"));
    }

    void everyEarlierAttemptIsKept()
    {
        TwilioReplyInfo reply;
        reply.httpStatus = 200;
        reply.earlierAttempts = {{503, 20503, QStringLiteral("RQa"), QStringLiteral("api")},
                                 {0, 0, QString(), QStringLiteral("timeout")}};
        const CallResult call = callResultOf(TwilioError{}, reply);
        QCOMPARE(call.retried.size(), 2);
        QCOMPARE(call.retried.at(0).httpStatus, 503);
        QCOMPARE(call.retried.at(0).twilioCode, 20503);
        QCOMPARE(call.retried.at(0).requestId, QStringLiteral("RQa"));
        QCOMPARE(call.retried.at(1).kind, QStringLiteral("timeout"));
    }
};

QTEST_GUILESS_MAIN(TestCallResult)
#include "tst_callresult.moc"
