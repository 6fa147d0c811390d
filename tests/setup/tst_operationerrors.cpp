#include "operationerrors.h"

#include <QNetworkReply>
#include <QTest>

class TestOperationErrors : public QObject
{
    Q_OBJECT
private slots:
    void apiErrorKeepsCodeLinkAndRequestApart()
    {
        const TwilioError error = TwilioError::fromHttp(
            400,
            R"({"code":21232,"message":"Invalid domain","more_info":"https://www.twilio.com/docs/errors/21232","status":400})",
            QStringLiteral("RQ0123456789abcdef0123456789abcdef"));
        const OperationError op =
            toOperationError(QStringLiteral("Creating the SIP domain"), error);
        QCOMPARE(op.httpStatus, 400);
        QCOMPARE(op.twilioCode, 21232);
        QCOMPARE(op.moreInfo, QUrl(QStringLiteral("https://www.twilio.com/docs/errors/21232")));
        QCOMPARE(op.requestId, QStringLiteral("RQ0123456789abcdef0123456789abcdef"));
        QVERIFY(op.message.startsWith(QLatin1String("Creating the SIP domain failed:")));
        QVERIFY(op.message.contains(QLatin1String("Invalid domain")));
        // The link and request id have fields of their own; the sentence does not repeat them.
        QVERIFY(!op.message.contains(QLatin1String("RQ0123")));
        QVERIFY(!op.message.contains(QLatin1String("docs/errors")));
    }

    void linkIsDerivedFromTheCodeOnlyForRealCodes()
    {
        const TwilioError withCode = TwilioError::fromHttp(404, R"({"code":20404})", {});
        QCOMPARE(toOperationError(withCode).moreInfo,
                 QUrl(QStringLiteral("https://www.twilio.com/docs/errors/20404")));
        const TwilioError generic = TwilioError::fromHttp(400, R"({"code":400})", {});
        QVERIFY(toOperationError(generic).moreInfo.isEmpty());
    }

    void networkErrorsHaveNoHttpStatus()
    {
        TwilioError error =
            TwilioError::make(TwilioError::Kind::Network, QStringLiteral("refused"));
        error.networkError = QNetworkReply::ConnectionRefusedError;
        const OperationError op = toOperationError(error);
        QCOMPARE(op.httpStatus, 0);
        QCOMPARE(op.twilioCode, 0);
        QVERIFY(op.message.contains(QLatin1String("refused")));
        QVERIFY(!op.isNull());
    }

    void successIsNull()
    {
        QVERIFY(toOperationError(TwilioError{}).isNull());
        QVERIFY(toOperationError(QStringLiteral("x"), TwilioError{}).isNull());
        QCOMPARE(makeOperationError(QStringLiteral("bad prefix")).message,
                 QStringLiteral("bad prefix"));
    }
};

QTEST_GUILESS_MAIN(TestOperationErrors)
#include "tst_operationerrors.moc"
