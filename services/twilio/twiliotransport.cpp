#include "twiliotransport.h"

#include "requestbuilder.h"
#include "responsereader.h"
#include "validation.h"

#include <QCoreApplication>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

// Per-request lines are debug level, off unless QT_LOGGING_RULES="tm.twilio.debug=true".
Q_LOGGING_CATEGORY(lcTwilio, "tm.twilio", QtInfoMsg)

struct TwilioTransport::Pending
{
    quint64 id = 0;
    TwilioRequest request;
    Done done;
    QUrl url;
    int attempt = 0;
    int limiterToken = 0;
    bool earlierAttemptMayHaveWorked = false;
    QPointer<QNetworkReply> reply;
    QTimer *timer = nullptr;                  // timeout while sent, backoff while waiting to retry
    QTimer *stall = nullptr;                  // no byte for m_stallMs while sent
    int timeoutMs = 0;                        // this attempt's, shorter than usual after a stop
    QElapsedTimer clock;                      // this attempt
    QElapsedTimer since;                      // the first attempt
    QList<TwilioAttempt> attempts;            // each one that was retried
    std::optional<TwilioResponse> lastAnswer; // of the attempt a retry is waiting to follow
};

TwilioTransport::TwilioTransport(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_builder(std::make_unique<RequestBuilder>(TwilioCredentials{}, TwilioHosts{}))
{
    // Redirects are not followed (see RequestBuilder); the cache would only hide changes.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

TwilioTransport::~TwilioTransport()
{
    // Replies are children of m_nam; make sure none calls back into a half-destroyed object.
    for (auto &entry : m_pending)
        detachReply(*entry.second);
}

void TwilioTransport::configure(const TwilioCredentials &credentials, const TwilioHosts &hosts)
{
    m_builder = std::make_unique<RequestBuilder>(credentials, hosts);
    // Credentials changed: connections authenticated as someone else must not be reused.
    m_nam->clearConnectionCache();
}

void TwilioTransport::setMaxConcurrency(int maximum)
{
    m_limiter.setMaximum(maximum);
    schedulePump();
}

quint64 TwilioTransport::send(const TwilioRequest &request, Done done)
{
    auto pending = std::make_unique<Pending>();
    pending->id = m_nextId++;
    pending->request = request;
    pending->done = std::move(done);
    pending->url = m_builder->url(request);
    const quint64 id = pending->id;
    const QString problem = Validation::checkApiBaseUrl(pending->url);
    m_pending.emplace(id, std::move(pending));
    if (!problem.isEmpty()) {
        // Refused before anything leaves the machine; reported asynchronously as promised.
        const bool insecure = m_pending[id]->url.scheme() == QLatin1String("http");
        TwilioResponse response;
        response.error = TwilioError::make(
            insecure ? TwilioError::Kind::InsecureUrl : TwilioError::Kind::InvalidInput, problem);
        QMetaObject::invokeMethod(
            this, [this, id, response] { finish(id, response); }, Qt::QueuedConnection);
        return id;
    }
    m_queue.push_back(id);
    schedulePump();
    return id;
}

void TwilioTransport::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

void TwilioTransport::pump()
{
    while (!m_queue.empty() && m_limiter.canStart()) {
        const quint64 id = m_queue.front();
        m_queue.pop_front();
        auto it = m_pending.find(id);
        if (it != m_pending.end())
            startAttempt(*it->second);
    }
}

int TwilioTransport::attemptTimeoutMs() const
{
    if (m_stopBy.isForever())
        return m_timeoutMs;
    return int(qMin<qint64>(m_timeoutMs, m_stopBy.remainingTime()));
}

void TwilioTransport::setStopBy(int ms)
{
    m_stopBy = QDeadlineTimer(qMax(0, ms));
    for (auto &[id, pending] : m_pending) {
        if (!pending->timer)
            continue;
        if (!pending->reply) {
            // Waiting to retry: the retry is not sent; the request ends now with the answer it
            // had (queued: the caller of a stop is not re-entered).
            pending->timer->stop();
            pending->timer->deleteLater();
            pending->timer = nullptr;
            const quint64 stopped = id;
            QMetaObject::invokeMethod(
                this, [this, stopped] { finishUnsent(stopped); }, Qt::QueuedConnection);
        } else if (pending->timer->remainingTime() > ms) {
            pending->timeoutMs = ms; // in flight: its timeout comes sooner
            pending->timer->start(qMax(0, ms));
        }
    }
}

void TwilioTransport::finishUnsent(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &pending = *it->second;
    TwilioResponse response;
    if (pending.lastAnswer) {
        // The answer the retry would have followed is the request's last one: not "retried".
        response = *pending.lastAnswer;
        if (!pending.attempts.isEmpty())
            pending.attempts.removeLast();
    } else {
        response.error = TwilioError::make(TwilioError::Kind::Timeout,
                                           tr("stopped before this request was sent."));
    }
    response.error.mayHaveBeenProcessed =
        response.error.mayHaveBeenProcessed || pending.earlierAttemptMayHaveWorked;
    finish(id, response);
}

void TwilioTransport::startAttempt(Pending &pending)
{
    const int timeoutMs = attemptTimeoutMs();
    if (timeoutMs <= 0) {
        // Past a stop's end: not sent.
        const quint64 id = pending.id;
        QMetaObject::invokeMethod(
            this, [this, id] { finishUnsent(id); }, Qt::QueuedConnection);
        return;
    }
    pending.timeoutMs = timeoutMs;
    if (pending.attempt++ == 0)
        pending.since.start();
    ++m_sent;
    pending.limiterToken = m_limiter.started();
    const TwilioRequest &request = pending.request;
    const QNetworkRequest networkRequest = m_builder->networkRequest(request, pending.url);
    QNetworkReply *reply = nullptr;
    switch (request.method) {
    case TwilioRequest::Method::Get:
        reply = m_nam->get(networkRequest);
        break;
    case TwilioRequest::Method::Delete:
        reply = m_nam->deleteResource(networkRequest);
        break;
    case TwilioRequest::Method::Post:
        if (request.multipart.isEmpty()) {
            reply = m_nam->post(networkRequest, m_builder->formBody(request));
        } else {
            QHttpMultiPart *body = m_builder->multipartBody(request, nullptr);
            reply = m_nam->post(networkRequest, body);
            body->setParent(reply);
        }
        break;
    }
    pending.reply = reply;
    pending.clock.start();
    const quint64 id = pending.id;
    connect(reply, &QNetworkReply::finished, this, [this, id] { onReplyFinished(id); });
    // Bounded while streaming: a huge or endless body is cut at the cap, not buffered whole.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] { onBytes(id); });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onBytes(id); });
    connect(reply, &QNetworkReply::uploadProgress, this, [this, id] { onBytes(id); });
    // The timeout starts now, when the request leaves, not while it waited in the queue.
    pending.timer = new QTimer(this);
    pending.timer->setSingleShot(true);
    connect(pending.timer, &QTimer::timeout, this, [this, id] { onTimeout(id); });
    pending.timer->start(timeoutMs);
    pending.stall = new QTimer(this);
    pending.stall->setSingleShot(true);
    connect(pending.stall, &QTimer::timeout, this, [this, id] { onStalled(id); });
    pending.stall->start(qMin(m_stallMs, timeoutMs));
}

void TwilioTransport::onBytes(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->second->reply)
        return;
    Pending &pending = *it->second;
    if (pending.stall)
        pending.stall->start(qMin(m_stallMs, m_timeoutMs));
    QNetworkReply *reply = pending.reply.data();
    const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (declared <= m_maxBodyBytes && reply->bytesAvailable() <= m_maxBodyBytes)
        return;
    TwilioResponse response = ResponseReader::tooLarge(reply, m_maxBodyBytes);
    abortAttempt(id, std::move(response));
}

void TwilioTransport::onStalled(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->second->reply)
        return;
    abortAttempt(id, ResponseReader::stalled(it->second->reply, m_stallMs));
}

void TwilioTransport::abortAttempt(quint64 id, TwilioResponse response)
{
    Pending &pending = *m_pending.at(id);
    const int token = pending.limiterToken;
    detachReply(pending);
    handleResult(id, std::move(response), token);
}

void TwilioTransport::detachReply(Pending &pending)
{
    for (QTimer **timer : {&pending.timer, &pending.stall}) {
        if (*timer) {
            (*timer)->stop();
            (*timer)->deleteLater();
            *timer = nullptr;
        }
    }
    if (QNetworkReply *reply = pending.reply.data()) {
        pending.reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
}

void TwilioTransport::onReplyFinished(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->second->reply)
        return;
    Pending &pending = *it->second;
    TwilioResponse response = ResponseReader::read(pending.reply);
    const int token = pending.limiterToken;
    detachReply(pending);
    handleResult(id, std::move(response), token);
}

void TwilioTransport::onTimeout(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->second->reply)
        return;
    abortAttempt(id, ResponseReader::timedOut(it->second->reply, it->second->timeoutMs));
}

void TwilioTransport::handleResult(quint64 id, TwilioResponse response, int limiterToken)
{
    Pending &pending = *m_pending.at(id);
    const bool rateLimited = response.httpStatus == 429 || response.error.code == 20429;
    if (!response.error.isError())
        m_limiter.succeeded(response.serverConcurrency);
    else if (rateLimited)
        m_limiter.rateLimited(limiterToken);
    else
        m_limiter.failed();

    qCDebug(lcTwilio).noquote() << pending.request.methodName() << pending.url.path() << "->"
                                << response.httpStatus << TwilioError::kindName(response.error.kind)
                                << response.requestId << pending.clock.elapsed() << "ms attempt"
                                << pending.attempt;

    // A DELETE whose first answer was lost may have worked: the retry then finds nothing,
    // which is the outcome asked for, not an error.
    if (pending.request.kind == RetryPolicy::RequestKind::Delete && response.httpStatus == 404 &&
        pending.earlierAttemptMayHaveWorked) {
        qCInfo(lcTwilio).noquote()
            << "DELETE" << pending.url.path() << "already gone after an unanswered attempt";
        response.error = TwilioError();
    }
    if (response.error.mayHaveBeenProcessed)
        pending.earlierAttemptMayHaveWorked = true;

    const auto decision =
        response.error.isError()
            ? m_policy.decide(response.error, pending.request.kind, pending.attempt)
            : RetryPolicy::Decision::Give;
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const int delay = decision == RetryPolicy::Decision::Retry
                          ? m_policy.delayMs(pending.attempt, response.retryAfterSeconds,
                                             [this, &uniform] { return uniform(m_random); })
                          : 0;
    // Past the deadline, or a stop that ends before the retry would be sent: the answer in
    // hand is the last one (see setStopBy).
    const bool pastDeadline = pending.since.elapsed() + delay > m_deadlineMs ||
                              (!m_stopBy.isForever() && delay >= m_stopBy.remainingTime());
    if (decision != RetryPolicy::Decision::Retry || pastDeadline) {
        if (decision == RetryPolicy::Decision::Retry)
            qCInfo(lcTwilio).noquote()
                << "not retrying" << pending.request.methodName() << pending.url.path()
                << "past its" << m_deadlineMs << "ms deadline";
        finish(id, response);
        pump();
        return;
    }
    ++m_retries;
    pending.lastAnswer = response;
    pending.attempts.append(TwilioAttempt{response.httpStatus, response.error.code,
                                          response.requestId,
                                          TwilioError::kindName(response.error.kind)});
    qCInfo(lcTwilio).noquote() << "retrying" << pending.request.methodName() << pending.url.path()
                               << "in" << delay << "ms after"
                               << TwilioError::kindName(response.error.kind) << response.httpStatus;
    pending.timer = new QTimer(this);
    pending.timer->setSingleShot(true);
    connect(pending.timer, &QTimer::timeout, this, [this, id] {
        auto found = m_pending.find(id);
        if (found == m_pending.end())
            return;
        found->second->timer->deleteLater();
        found->second->timer = nullptr;
        // A retry goes ahead of new work: it has waited already.
        m_queue.push_front(id);
        pump();
    });
    pending.timer->start(delay);
    pump();
}

void TwilioTransport::finish(quint64 id, const TwilioResponse &response)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    std::unique_ptr<Pending> pending = std::move(it->second);
    m_pending.erase(it);
    detachReply(*pending);
    TwilioResponse answered = response;
    answered.earlierAttempts = pending->attempts;
    if (pending->done)
        pending->done(answered);
}

void TwilioTransport::cancel(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (it->second->reply)
        m_limiter.failed(); // frees the slot of the request being aborted
    for (auto q = m_queue.begin(); q != m_queue.end(); ++q) {
        if (*q == id) {
            m_queue.erase(q);
            break;
        }
    }
    TwilioResponse response;
    response.error = TwilioError::make(
        TwilioError::Kind::Cancelled, QCoreApplication::translate("TwilioTransport", "Cancelled."));
    finish(id, response);
    schedulePump();
}

void TwilioTransport::cancelAll()
{
    std::vector<quint64> ids;
    ids.reserve(m_pending.size());
    for (const auto &entry : m_pending)
        ids.push_back(entry.first);
    std::sort(ids.begin(), ids.end());
    for (quint64 id : ids)
        cancel(id);
}
