// HandlerProbe and WebhookClient against a scripted handler on a local QHttpServer standing in
// for a deployed Function: the chain of Dial actions followed with failed/503 and the busy
// branch, every request signed over the public URL; and hostile answers (an action on another
// host, a redirect, an oversized body, no server at all) end the route with an error, never a
// request somewhere else.
#include "handlerprobe.h"
#include "webhooksignature.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

namespace {
const QByteArray kToken = "scripted-auth-token";
const QString kPath = QStringLiteral("/_functions/tm-1-dev.twil.io/outboundHandler");
const QUrl kHandler(QStringLiteral("https://tm-1-dev.twil.io/outboundHandler"));
const SyntheticCall kCall{
    QStringLiteral("+61255501234"), QStringLiteral("+15005550006"), QStringLiteral("CA0123"), {}};

QByteArray twiml(const QByteArray &inner)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + inner + "</Response>";
}

QByteArray dial(const QByteArray &host, int attempt)
{
    return twiml("<Dial answerOnBridge=\"true\" action=\"outboundHandler?attempt=" +
                 QByteArray::number(attempt) + "\"><Sip>sip:+61255501234@" + host +
                 "</Sip></Dial>");
}
} // namespace

class TestHandlerProbe : public QObject
{
    Q_OBJECT

    // What the scripted handler answers: (query attempt, DialCallStatus) -> response.
    std::function<QHttpServerResponse(const QString &, const QString &)> m_answer;
    QStringList m_requests;  // "attempt/status" of each request
    int m_badSignatures = 0; // requests whose X-Twilio-Signature did not verify
    std::unique_ptr<QHttpServer> m_server;
    QUrl m_base;

    CallRoute probe(const QUrl &base)
    {
        QNetworkAccessManager network;
        WebhookClient client(&network, kToken, base);
        HandlerProbe probe(&client);
        QSignalSpy finished(&probe, &HandlerProbe::finished);
        probe.start(kHandler, kCall, QStringLiteral("AC0123"));
        if (!finished.wait(20000) && finished.isEmpty())
            return {};
        [&] {
            QCOMPARE(finished.size(), 1);
        }();
        return finished.first().first().value<CallRoute>();
    }

private slots:
    void init()
    {
        qRegisterMetaType<CallRoute>();
        m_requests.clear();
        m_badSignatures = 0;
        m_server = std::make_unique<QHttpServer>();
        m_server->route(kPath, [this](const QHttpServerRequest &request) {
            QList<QPair<QString, QString>> form;
            for (const auto &[name, value] :
                 QUrlQuery(QString::fromUtf8(request.body())).queryItems(QUrl::FullyDecoded))
                form.append({name, value});
            QString publicUrl = kHandler.toString();
            if (!request.url().query().isEmpty())
                publicUrl += u'?' + request.url().query(QUrl::FullyEncoded);
            const QByteArray signature = request.value("X-Twilio-Signature");
            if (!WebhookSignature::verify(kToken, signature, publicUrl, form))
                ++m_badSignatures;
            const QString attempt = request.query().queryItemValue(QStringLiteral("attempt"));
            QString status;
            for (const auto &[name, value] : form)
                if (name == QLatin1String("DialCallStatus"))
                    status = value;
            m_requests.append(attempt + u'/' + status);
            return m_answer(attempt, status);
        });
        const quint16 port = m_server->listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    void followsEveryTargetAndTheBusyBranch()
    {
        m_answer = [](const QString &attempt, const QString &status) {
            const QByteArray xml = "text/xml";
            if (attempt.isEmpty())
                return QHttpServerResponse(xml, dial("pbx-a.example.net", 1));
            if (status == QLatin1String("busy"))
                return QHttpServerResponse(xml, twiml("<Reject reason=\"busy\"/>"));
            if (attempt == QLatin1String("1"))
                return QHttpServerResponse(xml, dial("pbx-b.example.net", 2));
            return QHttpServerResponse(
                xml, twiml("<Redirect method=\"GET\">https://dr.example.net/down</Redirect>"));
        };
        const CallRoute route = probe(m_base);
        QCOMPARE(route.attempts.size(), 2);
        QCOMPARE(route.attempts[1].sip.hostPort, QStringLiteral("pbx-b.example.net"));
        QCOMPARE(route.exhausted.detail, QStringLiteral("GET https://dr.example.net/down"));
        QCOMPARE(route.onBusy.kind, CallEnd::Kind::Reject);
        QVERIFY(!route.unreachable);
        m_requests.sort();
        QCOMPARE(m_requests, (QStringList{"/", "1/busy", "1/failed", "2/failed"}));
        QCOMPARE(m_badSignatures, 0); // signed as Twilio signs, query string included
    }

    void neverFollowsAnActionElsewhere()
    {
        m_answer = [](const QString &, const QString &) {
            return QHttpServerResponse(
                "text/xml", twiml("<Dial action=\"https://elsewhere.example/steal\">"
                                  "<Sip>sip:+61255501234@pbx-a.example.net</Sip></Dial>"));
        };
        const CallRoute route = probe(m_base);
        QCOMPARE(route.exhausted.kind, CallEnd::Kind::Error);
        QVERIFY2(route.exhausted.detail.contains(QLatin1String("elsewhere.example")),
                 qPrintable(route.exhausted.detail));
        QCOMPARE(m_requests.size(), 1);
    }

    void aRedirectIsAnError()
    {
        m_answer = [](const QString &, const QString &) {
            return QHttpServerResponse(QHttpServerResponse::StatusCode::Found);
        };
        const CallRoute route = probe(m_base);
        QCOMPARE(route.exhausted.kind, CallEnd::Kind::Error);
        QVERIFY2(route.exhausted.detail.contains(QLatin1String("302")),
                 qPrintable(route.exhausted.detail));
        QCOMPARE(m_requests.size(), 1);
    }

    void anOversizedAnswerIsAnError()
    {
        m_answer = [](const QString &, const QString &) {
            return QHttpServerResponse("text/xml",
                                       twiml(QByteArray(2 * WebhookClient::MaxBody, ' ')));
        };
        const CallRoute route = probe(m_base);
        QCOMPARE(route.exhausted.kind, CallEnd::Kind::Error);
        QVERIFY2(route.exhausted.detail.contains(QLatin1String("larger")),
                 qPrintable(route.exhausted.detail));
    }

    void noServerIsUnreachableNotWrong()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        const CallRoute route = probe(base);
        QVERIFY(route.unreachable);
        QCOMPARE(route.exhausted.kind, CallEnd::Kind::Error);
    }
};

QTEST_GUILESS_MAIN(TestHandlerProbe)
#include "tst_handlerprobe.moc"
