// Each error class against the sandbox (401, 404, 400, refused, timeout, dropped, 5xx), the
// retries that heal transient ones (429 with Retry-After, 5xx, drops), cancellation, context
// lifetime, https enforcement and the look-up that keeps a retried create from duplicating.
#include "../common/drainevents.h"
#include "sandboxfixture.h"
#include "sipdomainapi.h"
#include "trunkingapi.h"
#include "voiceapi.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>

namespace {
RetryPolicy fastRetries(int attempts = 5)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelayMs = 20;
    policy.maxDelayMs = 100;
    return policy;
}
// Retries due exactly 20 s after a failure (no jitter), never by chance within a stop window.
RetryPolicy retriesAfter20s()
{
    RetryPolicy slow = fastRetries(5);
    slow.baseDelayMs = 20000;
    slow.maxDelayMs = 20000;
    slow.jitter = 0;
    return slow;
}
} // namespace

class TestClientFaults : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void wrongCredentialsGive401();
    void unknownSidGives404();
    void missingParameterGives400();
    void refusedConnectionIsNetworkError();
    void slowAnswerIsTimeout();
    void droppedConnectionIsNetworkError();
    void serverErrorsAreApiErrors();
    void transientFaultsAreRetried();
    void rateLimitIsRetriedAfterRetryAfter();
    void cancelAllStopsEverything();
    void handleCancelsOneOperation();
    void destroyedContextGetsNoCallback();
    void plainHttpToRemoteHostIsRefused();
    void ambiguousCreateIsLookedUpNotDuplicated();
    void deleteWhoseAnswerWasLostSucceeds();
    void updateIsRetriedAfterTimeout();
    void stalledBodyEndsAtTheStallTimeout();
    void oversizeBodyIsCutAtTheCap();
    void shortBodyIsNotAccepted();
    void retriesStopAtTheDeadline();
    void laterPage404IsAnError();
    void endlessHeaderIsRefused();
    void stopEndsARetryWaitingOnItsBackoff();
    void retryDueAfterTheStopIsNotSent();

private:
    std::unique_ptr<SandboxFixture> f;
};

void TestClientFaults::init()
{
    SandboxOptions options;
    options.numbers = 30;
    f = std::make_unique<SandboxFixture>(options);
    const QString problem = f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    f->client().setRetryPolicy(fastRetries());
}

void TestClientFaults::cleanup()
{
    f.reset();
}

void TestClientFaults::wrongCredentialsGive401()
{
    TwilioCredentials wrong = f->credentials();
    wrong.secret = QStringLiteral("not-the-token");
    QVERIFY(f->client().configure(wrong, f->endpoint()).isEmpty());
    const quint64 before = f->server().requestCount();
    Waiter<QList<Trunk>> w;
    f->client().trunking().listTrunks(f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    QCOMPARE(w.error().httpStatus, 401);
    QCOMPARE(w.error().code, 20003);
    QVERIFY(!w.error().requestId.isEmpty());
    QCOMPARE(f->server().requestCount(), before + 1); // never retried
    QVERIFY(!w.error().toDisplayString().contains(wrong.secret));
}

void TestClientFaults::unknownSidGives404()
{
    Waiter<IncomingPhoneNumber> w;
    f->client().voice().fetchIncomingPhoneNumber(SandboxFixture::unknownSid("PN"), f->context(),
                                                 w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    QCOMPARE(w.error().httpStatus, 404);
    QCOMPARE(w.error().code, 20404);
    QVERIFY(w.error().moreInfo.contains(QLatin1String("20404")));
    QCOMPARE(f->client().counters().retries, quint64(0));
}

void TestClientFaults::missingParameterGives400()
{
    // The typed API refuses this before sending; the low-level call lets the server judge.
    Waiter<IncomingPhoneNumber> w;
    f->client().fetchAs<IncomingPhoneNumber>(
        TwilioRequest::create(TwilioHosts::Product::Trunking,
                              QStringLiteral("/v1/Trunks/") + f->server().trunkSid() +
                                  QStringLiteral("/PhoneNumbers"),
                              {}),
        f->context(), w.callback(), &IncomingPhoneNumber::fromJson);
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    QCOMPARE(w.error().httpStatus, 400);
    QCOMPARE(w.error().code, 20001);
}

void TestClientFaults::refusedConnectionIsNetworkError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    TwilioEndpoint endpoint;
    endpoint.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QVERIFY(f->client().configure(f->credentials(), endpoint).isEmpty());
    Waiter<QList<Trunk>> w;
    f->client().trunking().listTrunks(f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Network);
    QCOMPARE(w.error().networkError, int(QNetworkReply::ConnectionRefusedError));
    QVERIFY(!w.error().isRetryable());
}

void TestClientFaults::slowAnswerIsTimeout()
{
    f->server().setLatencyMs(1000);
    f->client().setTimeoutMs(150);
    f->client().setRetryPolicy(fastRetries(2));
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Timeout);
    QCOMPARE(f->client().counters().retries, quint64(1));
    QCOMPARE(f->client().counters().inFlight, 0);
}

void TestClientFaults::droppedConnectionIsNetworkError()
{
    f->server().setDropRate(1.0);
    f->client().setRetryPolicy(fastRetries(3));
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Network);
    QVERIFY(w.error().isRetryable());
    QCOMPARE(f->client().counters().retries, quint64(2));
}

void TestClientFaults::serverErrorsAreApiErrors()
{
    f->server().setFailRate(1.0);
    f->client().setRetryPolicy(fastRetries(2));
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    QVERIFY(w.error().httpStatus == 500 || w.error().httpStatus == 503);
    QCOMPARE(f->client().counters().retries, quint64(1));
}

void TestClientFaults::transientFaultsAreRetried()
{
    Waiter<QList<IncomingPhoneNumber>> reference;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), reference.callback());
    TM_WAIT_OK(reference);
    f->server().setFailRate(0.2);
    f->server().setDropRate(0.2);
    f->client().setPageSize(5); // 8 pages, each may fail and be retried
    f->client().setRetryPolicy(fastRetries(8));
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), w.callback());
    TM_WAIT_OK(w);
    QCOMPARE(w.value().size(), reference.value().size());
    QVERIFY(w.value().size() >= 30);
    QVERIFY(f->client().counters().retries > 0);
}

void TestClientFaults::rateLimitIsRetriedAfterRetryAfter()
{
    f->server().setRateLimitConcurrency(2);
    f->server().setLatencyMs(100);
    f->client().setMaxConcurrency(6);
    QList<std::shared_ptr<Waiter<Trunk>>> waiters;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 6; ++i) {
        waiters << std::make_shared<Waiter<Trunk>>();
        f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(),
                                          waiters.last()->callback());
    }
    for (const auto &w : waiters) {
        TM_WAIT_OK(*w);
        QCOMPARE(w->calls, 1);
    }
    const TwilioCounters counters = f->client().counters();
    QVERIFY(counters.retries >= 1);
    QVERIFY2(counters.limit <= 3, qPrintable(QString::number(counters.limit)));
    // Retry-After: 1 was honoured (the fast policy alone would retry within 100 ms).
    QVERIFY(clock.elapsed() >= 1000);
}

void TestClientFaults::cancelAllStopsEverything()
{
    f->server().setLatencyMs(3000);
    f->client().setMaxConcurrency(2); // some in flight, some queued
    QList<std::shared_ptr<Waiter<Trunk>>> waiters;
    for (int i = 0; i < 5; ++i) {
        waiters << std::make_shared<Waiter<Trunk>>();
        f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(),
                                          waiters.last()->callback());
    }
    Waiter<QList<IncomingPhoneNumber>> list;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), list.callback());
    QTRY_COMPARE(f->client().counters().inFlight, 2);
    QVERIFY(f->client().counters().queued >= 3);
    QElapsedTimer clock;
    clock.start();
    f->client().cancelAll();
    QVERIFY(list.wait(1000));
    QCOMPARE(list.error().kind, TwilioError::Kind::Cancelled);
    for (const auto &w : waiters) {
        QVERIFY(w->wait(1000));
        QCOMPARE(w->error().kind, TwilioError::Kind::Cancelled);
    }
    QVERIFY(clock.elapsed() < 1000);
    const TwilioCounters counters = f->client().counters();
    QCOMPARE(counters.inFlight, 0);
    QCOMPARE(counters.queued, 0);
    QCOMPARE(counters.operations, 0);
    drainPostedEvents();
    for (const auto &w : waiters)
        QCOMPARE(w->calls, 1);
}

void TestClientFaults::handleCancelsOneOperation()
{
    f->server().setLatencyMs(300);
    Waiter<Trunk> cancelled;
    Waiter<Trunk> kept;
    const TwilioHandle handle = f->client().trunking().fetchTrunk(
        f->server().trunkSid(), f->context(), cancelled.callback());
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), kept.callback());
    QVERIFY(handle.isValid());
    handle.cancel();
    handle.cancel(); // harmless twice
    QVERIFY(cancelled.wait());
    QCOMPARE(cancelled.error().kind, TwilioError::Kind::Cancelled);
    TM_WAIT_OK(kept);
    QCOMPARE(cancelled.calls, 1);
}

void TestClientFaults::destroyedContextGetsNoCallback()
{
    f->server().setLatencyMs(100);
    int calls = 0;
    auto *context = new QObject;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), context,
                                      [&calls](const TwilioResult<Trunk> &) { ++calls; });
    // Destroyed after the answer is queued to it as well as before: both are covered by
    // destroying it now and delivering everything the answer queued.
    delete context;
    QTRY_COMPARE(f->client().counters().operations, 0);
    drainPostedEvents();
    QCOMPARE(calls, 0);
}

void TestClientFaults::plainHttpToRemoteHostIsRefused()
{
    TwilioClient client;
    TwilioEndpoint endpoint;
    endpoint.baseUrlOverride = QUrl(QStringLiteral("http://sandbox.example.com:8080"));
    const QString problem = client.configure(f->credentials(), endpoint);
    QVERIFY(problem.contains(QLatin1String("https")));
    QElapsedTimer clock;
    clock.start();
    Waiter<QList<Trunk>> w;
    client.trunking().listTrunks(f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::InsecureUrl);
    QCOMPARE(client.counters().sent, quint64(0));
    QVERIFY(clock.elapsed() < 500);
}

void TestClientFaults::ambiguousCreateIsLookedUpNotDuplicated()
{
    // The sandbox changes its state on arrival and delays only the answer: with a latency
    // above the client's timeout, the domain is created but the client never hears so.
    f->server().setLatencyMs(800);
    f->client().setTimeoutMs(200);
    const quint64 before = f->server().requestCount();
    SipDomainParams params;
    params.domainName = QStringLiteral("ambiguous.sip.twilio.com");
    Waiter<SipDomain> created;
    f->client().sipDomains().createSipDomain(params, f->context(), created.callback());
    QTRY_COMPARE(f->server().requestCount(), before + 1);
    f->server().setLatencyMs(0); // the look-up gets a prompt answer
    TM_WAIT_OK(created);
    QCOMPARE(created.value().domainName, *params.domainName);

    Waiter<QList<SipDomain>> list;
    f->client().sipDomains().listSipDomains(f->context(), list.callback());
    TM_WAIT_OK(list);
    QCOMPARE(std::count_if(list.value().cbegin(), list.value().cend(),
                           [&](const SipDomain &d) { return d.domainName == *params.domainName; }),
             1);
    // One create and one look-up: the create was not re-sent.
    QCOMPARE(f->server().requestCount(), before + 3);

    // Not created yet (the request was dropped unanswered and unprocessed): look-up finds
    // nothing, so the create is sent again and succeeds once.
    params.domainName = QStringLiteral("second.sip.twilio.com");
    f->server().setDropRate(1.0);
    Waiter<SipDomain> second;
    f->client().sipDomains().createSipDomain(params, f->context(), second.callback());
    QTRY_VERIFY(f->server().requestCount() >= before + 4);
    f->server().setDropRate(0.0);
    TM_WAIT_OK(second);
    QCOMPARE(second.value().domainName, *params.domainName);
}

void TestClientFaults::deleteWhoseAnswerWasLostSucceeds()
{
    SipDomainParams params;
    params.domainName = QStringLiteral("to-delete.sip.twilio.com");
    Waiter<SipDomain> created;
    f->client().sipDomains().createSipDomain(params, f->context(), created.callback());
    TM_WAIT_OK(created);

    f->server().setLatencyMs(800);
    f->client().setTimeoutMs(200);
    const quint64 before = f->server().requestCount();
    Waiter<TwilioNoContent> deleted;
    f->client().sipDomains().deleteSipDomain(created.value().sid, f->context(), deleted.callback());
    QTRY_COMPARE(f->server().requestCount(), before + 1);
    f->server().setLatencyMs(0);
    // The first DELETE worked but its answer was lost; the retry's 404 means "already gone".
    TM_WAIT_OK(deleted);
    QCOMPARE(f->server().requestCount(), before + 2);
}

void TestClientFaults::updateIsRetriedAfterTimeout()
{
    Waiter<QList<IncomingPhoneNumber>> numbers;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), numbers.callback());
    TM_WAIT_OK(numbers);
    const QString sid = numbers.value().first().sid;
    f->server().setLatencyMs(800);
    f->client().setTimeoutMs(200);
    const quint64 before = f->server().requestCount();
    IncomingPhoneNumberUpdate update;
    update.voiceUrl = QStringLiteral("https://handler.example.com/retried");
    Waiter<IncomingPhoneNumber> updated;
    f->client().voice().updateIncomingPhoneNumber(sid, update, f->context(), updated.callback());
    QTRY_COMPARE(f->server().requestCount(), before + 1);
    f->server().setLatencyMs(0);
    TM_WAIT_OK(updated); // an update is idempotent: sent again without a look-up
    QCOMPARE(updated.value().voiceUrl.value_or(QString()), *update.voiceUrl);
    QCOMPARE(f->client().counters().retries, quint64(1));
}

void TestClientFaults::stalledBodyEndsAtTheStallTimeout()
{
    FaultSettings stall;
    stall.stallBody = 1.0;
    f->server().setFaults(stall);
    f->client().setRetryPolicy(fastRetries(2));
    f->client().setStallTimeoutMs(200); // the overall timeout stays at its 30 s
    QElapsedTimer clock;
    clock.start();
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Timeout);
    QVERIFY2(w.error().message.contains(QLatin1String("stalled")), qPrintable(w.error().message));
    QVERIFY(clock.elapsed() < 20000);
    QCOMPARE(f->client().counters().inFlight, 0);
}

void TestClientFaults::oversizeBodyIsCutAtTheCap()
{
    FaultSettings oversize;
    oversize.oversizeBody = 1.0;
    f->server().setFaults(oversize);
    f->client().setRetryPolicy(fastRetries(1));
    f->client().setMaxBodyBytes(2 * 1024 * 1024);
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::BadResponse);
    // The message names the cap; nothing was read to the end (the body is 1 GiB).
    QVERIFY2(w.error().message.contains(QLatin1String("2.0 MiB")), qPrintable(w.error().message));
    f->server().setFaults({});
    Waiter<Trunk> again;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), again.callback());
    TM_WAIT_OK(again);
}

void TestClientFaults::shortBodyIsNotAccepted()
{
    // A server that promises 500 bytes, sends 20 and closes.
    QTcpServer liar;
    QVERIFY(liar.listen(QHostAddress::LocalHost));
    connect(&liar, &QTcpServer::newConnection, &liar, [&liar] {
        QTcpSocket *socket = liar.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 500\r\n\r\n{\"sid\": \"TK0000000000");
            socket->flush();
            socket->disconnectFromHost();
        });
    });
    TwilioEndpoint endpoint = f->endpoint();
    endpoint.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(liar.serverPort()));
    QVERIFY(f->client().configure(f->credentials(), endpoint).isEmpty());
    f->client().setRetryPolicy(fastRetries(1));
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Network);
    QVERIFY(w.error().mayHaveBeenProcessed);
}

void TestClientFaults::retriesStopAtTheDeadline()
{
    f->server().setFailRate(1.0);
    RetryPolicy slow = fastRetries(50);
    slow.baseDelayMs = 100;
    slow.maxDelayMs = 100;
    f->client().setRetryPolicy(slow);
    f->client().setDeadlineMs(300);
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    // 50 attempts allowed, but none may start 300 ms after the first: a handful at most.
    QVERIFY2(f->client().counters().retries < 10,
             qPrintable(QString::number(f->client().counters().retries)));
}

void TestClientFaults::laterPage404IsAnError()
{
    // The first page is fine; the second answers 404 (the list broke while being read).
    f->client().setPageSize(10);
    int pages = 0;
    connect(&f->server(), &SandboxServer::requestArrived, f->context(),
            [this, &pages](const QByteArray &, const QString &path) {
                // Arrival comes before the answer: the second page is the one that 404s.
                if (path.contains(QLatin1String("/PhoneNumbers")) && ++pages == 2)
                    f->server().setTrunkPhoneNumbersAvailable(false);
            });
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().trunking().listTrunkPhoneNumbers(f->server().trunkSid(), f->context(),
                                                 w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.error().kind, TwilioError::Kind::BadResponse);
    QCOMPARE(w.error().httpStatus, 404);
    QVERIFY2(w.error().message.contains(QLatin1String("Page 2")), qPrintable(w.error().message));
}

void TestClientFaults::endlessHeaderIsRefused()
{
    // A server that sends a status line, then one header line that never ends. The client must
    // give up long before memory does: the test server stops at 256 MiB, so an answer after
    // that point would mean nothing bounded the header.
    constexpr qint64 chunk = 64 * 1024;
    constexpr qint64 limit = 256 * 1024 * 1024;
    QTcpServer liar;
    QVERIFY(liar.listen(QHostAddress::LocalHost));
    qint64 sent = 0;
    connect(&liar, &QTcpServer::newConnection, &liar, [&liar, &sent] {
        QTcpSocket *socket = liar.nextPendingConnection();
        const QByteArray padding(chunk, 'a');
        auto more = [socket, padding, &sent](qint64) {
            if (socket->bytesToWrite() > 4 * chunk || sent >= limit)
                return;
            socket->write(padding);
            sent += padding.size();
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        connect(socket, &QTcpSocket::readyRead, socket, [socket, more] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: ");
            more(0);
        });
    });
    TwilioEndpoint endpoint = f->endpoint();
    endpoint.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(liar.serverPort()));
    QVERIFY(f->client().configure(f->credentials(), endpoint).isEmpty());
    f->client().setRetryPolicy(fastRetries(1));
    f->client().setStallTimeoutMs(1000);
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(w.wait());
    QVERIFY2(sent < limit, "the client read the whole endless header");
    QCOMPARE(w.error().kind, TwilioError::Kind::Timeout);
    QVERIFY2(w.error().message.contains(QLatin1String("headers within")),
             qPrintable(w.error().message));
    QVERIFY(w.error().mayHaveBeenProcessed);
    QCOMPARE(f->client().counters().inFlight, 0);
}

void TestClientFaults::stopEndsARetryWaitingOnItsBackoff()
{
    // The first attempt is answered 500; its retry would wait 20 s. A stop of 100 ms ends the
    // request then, without sending the retry.
    f->server().setFailRate(1.0);
    f->client().setRetryPolicy(retriesAfter20s());
    QSignalSpy arrived(&f->server(), &SandboxServer::requestArrived);
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QTRY_COMPARE(f->client().counters().retries, quint64(1)); // answered, waiting to retry
    QElapsedTimer clock;
    clock.start();
    f->client().setStopBy(100);
    QVERIFY(w.wait());
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    // The request ends with the answer it had (the 5xx, which may have been applied), and the
    // retry was never sent.
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    QVERIFY(w.error().httpStatus >= 500); // the fault answers 500 or 503
    QVERIFY(w.error().mayHaveBeenProcessed);
    QCOMPARE(arrived.size(), 1);
    f->client().clearStopBy();
    f->server().setFailRate(0);
    Waiter<Trunk> again;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), again.callback());
    TM_WAIT_OK(again);
}

void TestClientFaults::retryDueAfterTheStopIsNotSent()
{
    // The stop comes while the first attempt is in flight; its 500 arrives after, and the
    // retry (20 s later) would fall past the stop: the 5xx is the request's last answer.
    f->server().setFailRate(1.0);
    f->server().setLatencyMs(300);
    f->client().setRetryPolicy(retriesAfter20s());
    QSignalSpy arrived(&f->server(), &SandboxServer::requestArrived);
    Waiter<Trunk> w;
    f->client().trunking().fetchTrunk(f->server().trunkSid(), f->context(), w.callback());
    QVERIFY(arrived.wait(5000));
    f->client().setStopBy(5000);
    QVERIFY(w.wait(4000)); // well before the stop's end: nothing waits for the retry
    QCOMPARE(w.error().kind, TwilioError::Kind::Api);
    QVERIFY(w.error().httpStatus >= 500); // the fault answers 500 or 503
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(f->client().counters().retries, quint64(0));
    f->client().clearStopBy();
    f->server().setLatencyMs(0);
    f->server().setFailRate(0);
}

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_clientfaults.moc"
