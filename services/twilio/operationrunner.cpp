#include "operationrunner.h"

#include "pager.h"
#include "twiliotransport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <random>

OperationRunner::OperationRunner(TwilioTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

OperationRunner::~OperationRunner() = default;

quint64 OperationRunner::open(JsonDone done)
{
    const quint64 id = m_nextOp++;
    m_ops.emplace(id, Op{std::move(done), 0, {}});
    return id;
}

void OperationRunner::complete(quint64 op, const QJsonValue &value, const TwilioError &error)
{
    auto it = m_ops.find(op);
    if (it == m_ops.end())
        return; // already reported (cancelled)
    JsonDone done = std::move(it->second.done);
    const TwilioReplyInfo info = it->second.lastReply;
    m_ops.erase(it);
    done(value, error, info);
}

void OperationRunner::step(quint64 op, const TwilioRequest &request, ResponseNext next)
{
    auto it = m_ops.find(op);
    if (it == m_ops.end())
        return;
    it->second.transportId =
        m_transport->send(request, [this, op, next](const TwilioResponse &response) {
            auto found = m_ops.find(op);
            if (found == m_ops.end())
                return;
            found->second.transportId = 0;
            if (response.httpStatus != 0)
                found->second.lastReply = {response.httpStatus, response.requestId,
                                           response.earlierAttempts};
            if (response.error.kind == TwilioError::Kind::Cancelled) {
                complete(op, {}, response.error);
                return;
            }
            next(response);
        });
}

quint64 OperationRunner::runSingle(const TwilioRequest &request, JsonDone done)
{
    const quint64 op = open(std::move(done));
    step(op, request, [this, op](const TwilioResponse &response) {
        complete(op, response.json, response.error);
    });
    return op;
}

quint64 OperationRunner::reject(const TwilioError &error, JsonDone done)
{
    const quint64 op = open(std::move(done));
    QMetaObject::invokeMethod(
        this, [this, op, error] { complete(op, {}, error); }, Qt::QueuedConnection);
    return op;
}

void OperationRunner::pageStep(quint64 op, std::shared_ptr<Pager> pager,
                               const TwilioRequest &request, ListNext next)
{
    step(op, request, [this, op, pager, request, next](const TwilioResponse &response) {
        if (response.error.isError()) {
            TwilioError error = response.error;
            // A page that vanishes half-way through a list is a broken list, not the "no such
            // list" a 404 on the first page can mean (IE1's missing trunk subresource).
            if (error.httpStatus == 404 && pager->pages() > 0) {
                error = TwilioError::make(
                    TwilioError::Kind::BadResponse,
                    QCoreApplication::translate("OperationRunner",
                                                "Page %1 of the list answered 404: the list "
                                                "changed or broke while it was being read.")
                        .arg(pager->pages() + 1));
                error.httpStatus = 404;
                error.requestId = response.error.requestId;
            }
            next({}, error);
            return;
        }
        TwilioError error = pager->addPage(response.json.toObject(), m_hosts);
        if (error.isError()) {
            error.requestId = response.requestId;
            next({}, error);
            return;
        }
        if (!pager->hasNext()) {
            next(pager->items(), {});
            return;
        }
        TwilioRequest following = request;
        following.absoluteUrl = pager->nextUrl();
        following.query.clear();
        pageStep(op, pager, following, next);
    });
}

quint64 OperationRunner::runList(TwilioRequest request, const QString &listKey, JsonDone done)
{
    const quint64 op = open(std::move(done));
    request.query.append({QStringLiteral("PageSize"), QString::number(m_pageSize)});
    auto pager = std::make_shared<Pager>(request.product, listKey, m_maxPages);
    pageStep(op, pager, request, [this, op](const QJsonArray &items, const TwilioError &error) {
        complete(op, error.isError() ? QJsonValue() : QJsonValue(items), error);
    });
    return op;
}

// Why a create is safe to repeat: the transport re-sends a create by itself only after a 429,
// which Twilio sends before doing anything. When the failure is ambiguous (timeout, dropped
// connection, 5xx: the server may have made the resource and the answer got lost), the
// create is not re-sent blindly; the resource is looked up first (by its unique name, or by
// GET on the instance it would create). Found: that resource is the result, so there is never
// a duplicate. Not found: it was not made, and the create is sent again after a backoff.
// Without a way to look it up, the ambiguous error is reported to the caller as it is.
quint64 OperationRunner::runCreate(const TwilioRequest &request, std::optional<CreateLookup> lookup,
                                   JsonDone done)
{
    const quint64 op = open(std::move(done));
    createAttempt(op, request, lookup, 1);
    return op;
}

void OperationRunner::createAttempt(quint64 op, const TwilioRequest &request,
                                    const std::optional<CreateLookup> &lookup, int attempt)
{
    step(op, request, [this, op, request, lookup, attempt](const TwilioResponse &response) {
        const TwilioError &error = response.error;
        const bool ambiguous = error.isRetryable() && error.mayHaveBeenProcessed;
        if (!error.isError() || !ambiguous || !lookup ||
            attempt >= m_transport->retryPolicy().maxAttempts) {
            complete(op, response.json, error);
            return;
        }
        lookUp(op, request, *lookup, attempt, error);
    });
}

void OperationRunner::lookUp(quint64 op, const TwilioRequest &request, const CreateLookup &lookup,
                             int attempt, const TwilioError &original)
{
    auto retry = [this, op, request, lookup, attempt] {
        retryCreateLater(op, request, lookup, attempt);
    };
    if (lookup.listKey.isEmpty()) {
        step(op, lookup.request, [this, op, original, retry](const TwilioResponse &response) {
            if (!response.error.isError())
                complete(op, response.json, {});
            else if (response.error.httpStatus == 404)
                retry();
            else
                complete(op, {}, original);
        });
        return;
    }
    TwilioRequest listRequest = lookup.request;
    listRequest.query.append({QStringLiteral("PageSize"), QString::number(m_pageSize)});
    auto pager = std::make_shared<Pager>(listRequest.product, lookup.listKey, m_maxPages);
    const auto matches = lookup.matches;
    pageStep(
        op, pager, listRequest,
        [this, op, original, retry, matches](const QJsonArray &items, const TwilioError &error) {
            if (error.isError()) {
                complete(op, {}, original);
                return;
            }
            for (const QJsonValue &item : items) {
                if (matches && matches(item.toObject())) {
                    complete(op, item, {});
                    return;
                }
            }
            retry();
        });
}

void OperationRunner::retryCreateLater(quint64 op, const TwilioRequest &request,
                                       const std::optional<CreateLookup> &lookup, int attempt)
{
    static std::mt19937 random{std::random_device{}()};
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const int delay =
        m_transport->retryPolicy().delayMs(attempt, -1, [&uniform] { return uniform(random); });
    QTimer::singleShot(delay, this, [this, op, request, lookup, attempt] {
        if (m_ops.count(op))
            createAttempt(op, request, lookup, attempt + 1);
    });
}

void OperationRunner::cancel(quint64 operation)
{
    auto it = m_ops.find(operation);
    if (it == m_ops.end())
        return;
    const quint64 transportId = it->second.transportId;
    TwilioError error = TwilioError::make(
        TwilioError::Kind::Cancelled, QCoreApplication::translate("OperationRunner", "Cancelled."));
    complete(operation, {}, error);
    if (transportId)
        m_transport->cancel(transportId); // its callback finds the operation gone
}

void OperationRunner::cancelAll()
{
    std::vector<quint64> ids;
    ids.reserve(m_ops.size());
    for (const auto &entry : m_ops)
        ids.push_back(entry.first);
    std::sort(ids.begin(), ids.end());
    for (quint64 id : ids)
        cancel(id);
}
