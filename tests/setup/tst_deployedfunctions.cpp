// The handlers steps 1 and 2 deploy, served by the sandbox at their Functions domain and run
// from their uploaded code (FunctionHost, FunctionRuntime): protected by default, so a request
// without Twilio's signature (or with a forged one) is refused, and a signed one gets the
// TwiML of the trunk's routes (its Dial action failing over too). Reached at
// /_functions/<domain><path> and by Host header.
#include "setupfixture.h"
#include "webhooksignature.h"

#include <QNetworkReply>
#include <QUrlQuery>

namespace {
struct Answer
{
    int status = 0;
    QByteArray contentType;
    QString body;
};
} // namespace

class TestDeployedFunctions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        f = std::make_unique<SetupFixture>();
        QCOMPARE(f->start(), QString());
        QString error;
        const auto steps = f->runStepsOneAndTwo({}, &error);
        QVERIFY2(steps, qPrintable(error));
        handler = steps->handlerUrl;
        QCOMPARE(handler.path(), QStringLiteral("/outboundHandler"));
    }
    void cleanupTestCase() { f.reset(); }

    void unsignedRequestsAreRefused()
    {
        const Answer a = post(handler.path(), call(), QByteArray());
        QCOMPARE(a.status, 401);
        QVERIFY(!a.body.contains(QLatin1String("pbx.example.net"))); // the PBX stays private
        const QByteArray forged =
            WebhookSignature::sign("not-the-token", handler.toString(), call());
        QCOMPARE(post(handler.path(), call(), forged).status, 401);
        // Signed for other parameters: the To of the call was changed on the way.
        WebhookSignature::Parameters other = call();
        other[0].second = QStringLiteral("+61255509999");
        QCOMPARE(post(handler.path(), other, sign(call())).status, 401);
    }

    void signedRequestsGetTheTrunksRoute()
    {
        const Answer a = post(handler.path(), call(), sign(call()));
        QCOMPARE(a.status, 200);
        QVERIFY(a.contentType.startsWith("text/xml"));
        QVERIFY2(a.body.startsWith(QLatin1String("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                                 "<Response><Dial answerOnBridge=\"true\"")),
                 qPrintable(a.body));
        QVERIFY2(a.body.contains(QLatin1String("<Sip>sip:+61255501234@pbx.example.net:5060")),
                 qPrintable(a.body));
        QVERIFY(a.body.contains(QLatin1String("action=\"outboundHandler?attempt=1\"")));
    }

    void theDialActionFailsOverAsTheTrunkDid()
    {
        // Twilio's Dial action: the query string is part of the signed URL.
        WebhookSignature::Parameters params = call();
        params.append({QStringLiteral("DialCallStatus"), QStringLiteral("failed")});
        params.append({QStringLiteral("DialSipResponseCode"), QStringLiteral("503")});
        const QString path = handler.path() + QStringLiteral("?attempt=1");
        const Answer a = post(path, params, sign(params, QStringLiteral("?attempt=1")));
        QCOMPARE(a.status, 200);
        QVERIFY2(a.body.contains(QLatin1String("action=\"outboundHandler?attempt=2\"")),
                 qPrintable(a.body));
    }

    void reachedByHostHeaderToo()
    {
        const Answer a = post(handler.path(), call(), sign(call()), /*byHost=*/true);
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.contains(QLatin1String("<Dial")));
    }

    void unknownPathsAndDomainsAreNotFound()
    {
        QCOMPARE(post(QStringLiteral("/nothingHere"), call(), sign(call())).status, 404);
        QCOMPARE(
            post(handler.path(), call(), sign(call()), false, QStringLiteral("nobody-1234.twil.io"))
                .status,
            404);
    }

private:
    static WebhookSignature::Parameters call()
    {
        return {{QStringLiteral("To"), QStringLiteral("+61255501234")},
                {QStringLiteral("From"), QStringLiteral("+61255500000")},
                {QStringLiteral("CallSid"), QStringLiteral("CA0123456789abcdef0123456789abcdef")}};
    }
    QByteArray sign(const WebhookSignature::Parameters &params, const QString &query = {}) const
    {
        return WebhookSignature::sign(f->server().authToken().toUtf8(), handler.toString() + query,
                                      params);
    }
    Answer post(const QString &pathAndQuery, const WebhookSignature::Parameters &params,
                const QByteArray &signature, bool byHost = false, QString domain = {})
    {
        if (domain.isEmpty())
            domain = handler.host();
        QUrl url = f->server().baseUrl();
        const qsizetype q = pathAndQuery.indexOf(u'?');
        const QString path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
        url.setPath(byHost ? path : QStringLiteral("/_functions/") + domain + path);
        if (q >= 0)
            url.setQuery(pathAndQuery.mid(q + 1));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (byHost)
            request.setRawHeader("Host", domain.toLatin1());
        if (!signature.isEmpty())
            request.setRawHeader("X-Twilio-Signature", signature);
        QUrlQuery body;
        for (const auto &[name, value] : params)
            body.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                              QString::fromLatin1(QUrl::toPercentEncoding(value)));
        QNetworkReply *reply = nam.post(request, body.query(QUrl::FullyEncoded).toLatin1());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
            reply->abort();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        a.body = QString::fromUtf8(reply->readAll());
        reply->deleteLater();
        return a;
    }

    std::unique_ptr<SetupFixture> f;
    QNetworkAccessManager nam;
    QUrl handler;
};

QTEST_GUILESS_MAIN(TestDeployedFunctions)
#include "tst_deployedfunctions.moc"
