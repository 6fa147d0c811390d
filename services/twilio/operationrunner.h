#pragma once

#include "twiliorequest.h"
#include "twilioresult.h"

#include <QJsonValue>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class Pager;
class TwilioTransport;

// How to find the resource a create may already have made when its answer was lost: either a
// GET of the instance (200 = it exists, 404 = it does not) when listKey is empty, or a list
// whose items are tested with `matches`.
struct CreateLookup
{
    TwilioRequest request;
    QString listKey;
    std::function<bool(const QJsonObject &)> matches;
};

// Runs client operations made of one or more requests (a paged list, a create with its
// look-up) on a TwilioTransport and reports each exactly once, as JSON. An operation id
// cancels everything the operation still has pending.
class OperationRunner : public QObject
{
    Q_OBJECT
public:
    // info: status and Twilio-Request-Id of the last answer the operation got.
    using JsonDone =
        std::function<void(const QJsonValue &, const TwilioError &, const TwilioReplyInfo &)>;

    OperationRunner(TwilioTransport *transport, QObject *parent = nullptr);
    ~OperationRunner() override;

    void setHosts(const TwilioHosts &hosts) { m_hosts = hosts; }
    void setPageSize(int size) { m_pageSize = qBound(1, size, 1000); }
    int pageSize() const { return m_pageSize; }
    void setMaxPages(int pages) { m_maxPages = qMax(1, pages); }

    // done gets the answer object (null for 204).
    quint64 runSingle(const TwilioRequest &request, JsonDone done);
    // done gets a QJsonArray of every item on every page.
    quint64 runList(TwilioRequest request, const QString &listKey, JsonDone done);
    quint64 runCreate(const TwilioRequest &request, std::optional<CreateLookup> lookup,
                      JsonDone done);
    // Reports an error without sending anything (invalid input), asynchronously.
    quint64 reject(const TwilioError &error, JsonDone done);

    void cancel(quint64 operation);
    void cancelAll();
    int activeOperations() const { return int(m_ops.size()); }

private:
    struct Op
    {
        JsonDone done;
        quint64 transportId = 0;
        TwilioReplyInfo lastReply;
    };
    using ResponseNext = std::function<void(const TwilioResponse &)>;
    using ListNext = std::function<void(const QJsonArray &, const TwilioError &)>;

    quint64 open(JsonDone done);
    void step(quint64 op, const TwilioRequest &request, ResponseNext next);
    void pageStep(quint64 op, std::shared_ptr<Pager> pager, const TwilioRequest &request,
                  ListNext next);
    void createAttempt(quint64 op, const TwilioRequest &request,
                       const std::optional<CreateLookup> &lookup, int attempt);
    void lookUp(quint64 op, const TwilioRequest &request, const CreateLookup &lookup, int attempt,
                const TwilioError &original);
    void retryCreateLater(quint64 op, const TwilioRequest &request,
                          const std::optional<CreateLookup> &lookup, int attempt);
    void complete(quint64 op, const QJsonValue &value, const TwilioError &error);

    TwilioTransport *m_transport;
    TwilioHosts m_hosts;
    std::unordered_map<quint64, Op> m_ops;
    quint64 m_nextOp = 1;
    int m_pageSize = 1000;
    int m_maxPages = 1000;
};
