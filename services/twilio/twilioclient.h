#pragma once

#include "operationrunner.h"
#include "restoperation.h"
#include "retrypolicy.h"
#include "twiliocredentials.h"
#include "twilioresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <memory>

class TwilioTransport;
class TrunkingApi;
class VoiceApi;
class SipDomainApi;
class ServerlessApi;

// Live figures for a progress display or a benchmark.
struct TwilioCounters
{
    int inFlight = 0;    // requests on the wire
    int queued = 0;      // waiting for a slot (FIFO)
    int limit = 0;       // current adaptive concurrency limit
    int maximum = 0;     // configured ceiling of that limit
    quint64 retries = 0; // re-sent attempts so far
    quint64 sent = 0;    // attempts sent so far, retries included
    int operations = 0;  // operations not yet reported
};

// The asynchronous Twilio REST client.
//
// Usage: configure() once, then call the typed operations of trunking(), voice(),
// sipDomains() and serverless(). Each takes a context QObject and a callback that runs exactly
// once, on the context's thread, and never after the context was destroyed; each returns a
// TwilioHandle to cancel it. Nothing blocks: use it from the GUI thread.
//
//   client.trunking().listTrunks(this, [](const TwilioResult<QList<Trunk>> &r) {
//       if (!r.ok()) showError(r.error.toDisplayString()); else ...;
//   });
class TwilioClient : public QObject
{
    Q_OBJECT
public:
    explicit TwilioClient(QObject *parent = nullptr);
    ~TwilioClient() override;

    // Empty when usable, else why not (malformed SID, region, insecure base URL). Operations
    // started without a valid configuration fail with InvalidInput / InsecureUrl.
    QString configure(const TwilioCredentials &credentials, const TwilioEndpoint &endpoint = {});
    bool isConfigured() const { return m_configured; }
    QString accountSid() const { return m_accountSid; }
    const TwilioHosts &hosts() const { return m_hosts; }

    void setTimeoutMs(int ms); // per attempt, counted from when it is sent; default 30 s
    // No byte for this long ends an attempt (default 10 s); answers past maxBodyBytes are cut
    // (default 16 MiB); no retry starts past deadlineMs after a request's first attempt
    // (default 120 s). See TwilioTransport.
    void setStallTimeoutMs(int ms);
    void setMaxBodyBytes(qint64 bytes);
    void setDeadlineMs(int ms);
    int deadlineMs() const;
    // A stop: whatever is in flight or queued ends within ms (see TwilioTransport::setStopBy).
    void setStopBy(int ms);
    void clearStopBy();
    int timeoutMs() const;
    // Most requests in flight at once; 0 = automatic: 6 over plain http (QNAM opens at most 6
    // HTTP/1.1 connections per host, more would only queue inside it), 24 over https where
    // HTTP/2 multiplexes. The adaptive limit moves below this.
    void setMaxConcurrency(int maximum);
    void setPageSize(int size); // PageSize of list requests, 1..1000 (default 1000)
    // Most pages one list may take before it is abandoned as endless (default 1000).
    void setMaxPages(int pages);
    void setRetryPolicy(const RetryPolicy &policy);
    TwilioCounters counters() const;

    // Cancels every operation in flight or queued; their callbacks get Kind::Cancelled.
    void cancelAll();

    TrunkingApi &trunking() { return *m_trunking; }
    VoiceApi &voice() { return *m_voice; }
    SipDomainApi &sipDomains() { return *m_sipDomains; }
    ServerlessApi &serverless() { return *m_serverless; }

    // ---- Low level: send() and its kin take a described operation (the *Api classes use
    // them); fetchAs() and the rest take a bare request (tests of odd requests) ----
    template<class T> using Parser = T (*)(const QJsonObject &);

    template<class T>
    TwilioHandle fetchAs(const TwilioRequest &request, QObject *context, TwilioCallback<T> callback,
                         Parser<T> parse);
    template<class T>
    TwilioHandle listAs(const TwilioRequest &request, const QString &listKey, QObject *context,
                        TwilioCallback<QList<T>> callback, Parser<T> parse);
    template<class T>
    TwilioHandle createAs(const TwilioRequest &request, std::optional<CreateLookup> lookup,
                          QObject *context, TwilioCallback<T> callback, Parser<T> parse);
    template<class T>
    TwilioHandle rejectAs(const TwilioError &error, QObject *context, TwilioCallback<T> callback);
    TwilioHandle deleteAs(const TwilioRequest &request, QObject *context,
                          TwilioCallback<TwilioNoContent> callback);

    // Sends a described operation (restoperation.h); one with a problem is refused without a
    // request, its callback getting the problem from the event loop.
    template<class T>
    TwilioHandle send(const RestOperation &operation, QObject *context, TwilioCallback<T> callback,
                      Parser<T> parse);
    template<class T>
    TwilioHandle sendList(const RestOperation &operation, QObject *context,
                          TwilioCallback<QList<T>> callback, Parser<T> parse);
    TwilioHandle sendDelete(const RestOperation &operation, QObject *context,
                            TwilioCallback<TwilioNoContent> callback);

private:
    template<class T>
    OperationRunner::JsonDone deliver(QObject *context, TwilioCallback<T> callback,
                                      std::function<T(const QJsonValue &)> convert);
    TwilioError notReady() const;
    void applyConcurrency();

    TwilioTransport *m_transport;
    OperationRunner *m_runner;
    TwilioHosts m_hosts;
    QString m_accountSid;
    QString m_configProblem;
    TwilioError::Kind m_configErrorKind = TwilioError::Kind::InvalidInput;
    bool m_configured = false;
    int m_maxConcurrency = 0;
    std::unique_ptr<TrunkingApi> m_trunking;
    std::unique_ptr<VoiceApi> m_voice;
    std::unique_ptr<SipDomainApi> m_sipDomains;
    std::unique_ptr<ServerlessApi> m_serverless;
};

template<class T>
OperationRunner::JsonDone TwilioClient::deliver(QObject *context, TwilioCallback<T> callback,
                                                std::function<T(const QJsonValue &)> convert)
{
    QPointer<QObject> guard(context ? context : this);
    return [guard, callback = std::move(callback), convert = std::move(convert)](
               const QJsonValue &json, const TwilioError &error, const TwilioReplyInfo &reply) {
        if (!guard)
            return;
        TwilioResult<T> result;
        result.error = error;
        result.reply = reply;
        if (!error.isError())
            result.value = convert(json);
        // Queued even on the same thread: the callback never runs inside the call that started
        // the operation, and a posted call to a destroyed context is discarded by Qt.
        QMetaObject::invokeMethod(
            guard.data(), [callback, result] { callback(result); }, Qt::QueuedConnection);
    };
}

template<class T>
TwilioHandle TwilioClient::fetchAs(const TwilioRequest &request, QObject *context,
                                   TwilioCallback<T> callback, Parser<T> parse)
{
    if (!m_configured)
        return rejectAs<T>(notReady(), context, std::move(callback));
    auto done = deliver<T>(context, std::move(callback),
                           [parse](const QJsonValue &json) { return parse(json.toObject()); });
    return TwilioHandle(m_runner, m_runner->runSingle(request, std::move(done)));
}

template<class T>
TwilioHandle TwilioClient::listAs(const TwilioRequest &request, const QString &listKey,
                                  QObject *context, TwilioCallback<QList<T>> callback,
                                  Parser<T> parse)
{
    if (!m_configured)
        return rejectAs<QList<T>>(notReady(), context, std::move(callback));
    auto done = deliver<QList<T>>(context, std::move(callback), [parse](const QJsonValue &json) {
        QList<T> items;
        const QJsonArray array = json.toArray();
        items.reserve(array.size());
        for (const QJsonValue &item : array)
            items.append(parse(item.toObject()));
        return items;
    });
    return TwilioHandle(m_runner, m_runner->runList(request, listKey, std::move(done)));
}

template<class T>
TwilioHandle TwilioClient::createAs(const TwilioRequest &request,
                                    std::optional<CreateLookup> lookup, QObject *context,
                                    TwilioCallback<T> callback, Parser<T> parse)
{
    if (!m_configured)
        return rejectAs<T>(notReady(), context, std::move(callback));
    auto done = deliver<T>(context, std::move(callback),
                           [parse](const QJsonValue &json) { return parse(json.toObject()); });
    return TwilioHandle(m_runner, m_runner->runCreate(request, std::move(lookup), std::move(done)));
}

template<class T>
TwilioHandle TwilioClient::send(const RestOperation &operation, QObject *context,
                                TwilioCallback<T> callback, Parser<T> parse)
{
    if (operation.problem.isError())
        return rejectAs<T>(operation.problem, context, std::move(callback));
    if (operation.isCreate())
        return createAs<T>(operation.request, operation.lookup, context, std::move(callback),
                           parse);
    return fetchAs<T>(operation.request, context, std::move(callback), parse);
}

template<class T>
TwilioHandle TwilioClient::sendList(const RestOperation &operation, QObject *context,
                                    TwilioCallback<QList<T>> callback, Parser<T> parse)
{
    if (operation.problem.isError())
        return rejectAs<QList<T>>(operation.problem, context, std::move(callback));
    return listAs<T>(operation.request, operation.listKey, context, std::move(callback), parse);
}

template<class T>
TwilioHandle TwilioClient::rejectAs(const TwilioError &error, QObject *context,
                                    TwilioCallback<T> callback)
{
    auto done = deliver<T>(context, std::move(callback), [](const QJsonValue &) { return T{}; });
    return TwilioHandle(m_runner, m_runner->reject(error, std::move(done)));
}
