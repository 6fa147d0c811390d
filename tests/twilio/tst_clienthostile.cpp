// Answers the sandbox never gives: a tiny canned HTTP server on loopback sends HTML, wrong JSON,
// redirects and endless paging, and the client must turn each into a clear error without
// crashing, following foreign links, or looping.
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <optional>

namespace {

const QString Account = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString Number = QStringLiteral("PN0123456789abcdef0123456789abcdef");

// Answers every request with canned(path) and closes the connection.
class CannedServer : public QTcpServer
{
public:
    std::function<QByteArray(const QByteArray &path)> canned;
    QList<QByteArray> paths;

    CannedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray head = socket->peek(8192);
                    if (!head.contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    const QByteArray path = head.split(' ').value(1);
                    paths << path;
                    socket->write(canned(path));
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

QByteArray http(const QByteArray &status, const QByteArray &type, const QByteArray &body,
                const QByteArray &extra = {})
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" +
           extra + "\r\n" + body;
}

template<class T> std::optional<TwilioResult<T>> waitFor(std::optional<TwilioResult<T>> &slot)
{
    if (!QTest::qWaitFor([&] { return slot.has_value(); }, 15000))
        return std::nullopt;
    return slot;
}

} // namespace

class TestClientHostile : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void htmlOnSuccessIsBadResponse();
    void htmlErrorPageIsReadable();
    void jsonArrayIsBadResponse();
    void redirectIsNotFollowed();
    void endlessPagingStops();
    void repeatedPageLinkStops();
    void foreignNextLinkStaysOnOurHost();

private:
    std::unique_ptr<CannedServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    TwilioError fetchNumberError();
};

void TestClientHostile::init()
{
    m_server = std::make_unique<CannedServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_client = std::make_unique<TwilioClient>();
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
    QVERIFY(m_client->configure({Account, {}, QStringLiteral("token")}, {{}, {}, base}).isEmpty());
    RetryPolicy fast;
    fast.baseDelayMs = 10;
    fast.maxDelayMs = 20;
    fast.maxAttempts = 3;
    m_client->setRetryPolicy(fast);
}

TwilioError TestClientHostile::fetchNumberError()
{
    std::optional<TwilioResult<IncomingPhoneNumber>> slot;
    m_client->voice().fetchIncomingPhoneNumber(
        Number, this, [&slot](const TwilioResult<IncomingPhoneNumber> &r) { slot = r; });
    const auto result = waitFor(slot);
    return result ? result->error : TwilioError::make(TwilioError::Kind::None, {});
}

void TestClientHostile::htmlOnSuccessIsBadResponse()
{
    m_server->canned = [](const QByteArray &) {
        return http("200 OK", "text/html",
                    "<html><body>Welcome to the captive portal</body></html>");
    };
    const TwilioError error = fetchNumberError();
    QCOMPARE(error.kind, TwilioError::Kind::BadResponse);
    QVERIFY(!error.message.contains(QLatin1String("<html>")));
    QCOMPARE(m_server->paths.size(), 1); // not retried: nothing suggests it would change
}

void TestClientHostile::htmlErrorPageIsReadable()
{
    m_server->canned = [](const QByteArray &) {
        return http("502 Bad Gateway", "text/html", "<html><h1>502</h1></html>");
    };
    const TwilioError error = fetchNumberError();
    QCOMPARE(error.kind, TwilioError::Kind::Api);
    QCOMPARE(error.httpStatus, 502);
    QVERIFY(error.message.contains(QLatin1String("502")));
    QCOMPARE(m_server->paths.size(), 3); // a gateway error is transient: retried up to the cap
}

void TestClientHostile::jsonArrayIsBadResponse()
{
    m_server->canned = [](const QByteArray &) {
        return http("200 OK", "application/json", "[1, 2, 3]");
    };
    QCOMPARE(fetchNumberError().kind, TwilioError::Kind::BadResponse);
}

void TestClientHostile::redirectIsNotFollowed()
{
    m_server->canned = [](const QByteArray &) {
        return http("302 Found", "text/plain", "moved", "Location: http://127.0.0.2:1/steal\r\n");
    };
    const TwilioError error = fetchNumberError();
    QCOMPARE(error.kind, TwilioError::Kind::Api);
    QCOMPARE(error.httpStatus, 302);
    QCOMPARE(m_server->paths.size(), 1);
}

void TestClientHostile::endlessPagingStops()
{
    // Every page links to a new next page: the page cap must end it.
    int counter = 0;
    m_server->canned = [&counter](const QByteArray &) {
        return http(
            "200 OK", "application/json",
            R"({"trunks":[{"sid":"TK1"}],"meta":{"key":"trunks","next_page_url":"https://trunking.twilio.com/v1/Trunks?Page=)" +
                QByteArray::number(++counter) + R"("}})");
    };
    m_client->setMaxPages(20);
    std::optional<TwilioResult<QList<Trunk>>> slot;
    m_client->trunking().listTrunks(this,
                                    [&slot](const TwilioResult<QList<Trunk>> &r) { slot = r; });
    const auto result = waitFor(slot);
    QVERIFY(result);
    QCOMPARE(result->error.kind, TwilioError::Kind::BadResponse);
    QCOMPARE(m_server->paths.size(), 20);
}

void TestClientHostile::repeatedPageLinkStops()
{
    m_server->canned = [](const QByteArray &) {
        return http(
            "200 OK", "application/json",
            R"({"trunks":[{"sid":"TK1"}],"meta":{"key":"trunks","next_page_url":"https://trunking.twilio.com/v1/Trunks?Page=1"}})");
    };
    std::optional<TwilioResult<QList<Trunk>>> slot;
    m_client->trunking().listTrunks(this,
                                    [&slot](const TwilioResult<QList<Trunk>> &r) { slot = r; });
    const auto result = waitFor(slot);
    QVERIFY(result);
    QCOMPARE(result->error.kind, TwilioError::Kind::BadResponse);
    QCOMPARE(m_server->paths.size(), 2); // the second page repeats the link of the first
}

void TestClientHostile::foreignNextLinkStaysOnOurHost()
{
    m_server->canned = [](const QByteArray &path) {
        const QByteArray next = path.contains("Page=1")
                                    ? QByteArray("null")
                                    : QByteArray(R"("https://evil.example/v1/Trunks?Page=1")");
        return http("200 OK", "application/json",
                    R"({"trunks":[{"sid":"TK1"}],"meta":{"key":"trunks","next_page_url":)" + next +
                        "}}");
    };
    std::optional<TwilioResult<QList<Trunk>>> slot;
    m_client->trunking().listTrunks(this,
                                    [&slot](const TwilioResult<QList<Trunk>> &r) { slot = r; });
    const auto result = waitFor(slot);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.toDisplayString()));
    QCOMPARE(result->value.size(), 2);
    QCOMPARE(m_server->paths.size(), 2);
    QCOMPARE(m_server->paths.last(), QByteArray("/v1/Trunks?Page=1"));
}

QTEST_GUILESS_MAIN(TestClientHostile)
#include "tst_clienthostile.moc"
