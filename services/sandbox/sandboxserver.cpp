#include "sandboxserver.h"

#include "functionhost.h"

#include "clockcontrol.h"
#include "demoseeder.h"
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxfaults.h"
#include "sandboxkeeper.h"
#include "sandboxroutes.h"
#include "sandboxtransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

// Info and up by default: one debug line per request would flood the terminal of
// `trunk-migrator --sandbox`; QT_LOGGING_RULES="tm.sandbox.debug=true" shows them.
Q_LOGGING_CATEGORY(lcSandbox, "tm.sandbox", QtInfoMsg)

class SandboxServer::Private
{
public:
    Private(SandboxServer *q, const SandboxOptions &options);

    void onRequest(const SandboxRequest &request, const QPointer<QTcpSocket> &socket);
    SandboxResponse dispatch(const SandboxRequest &request); // route(), then the kept state
    SandboxResponse route(const SandboxRequest &request);
    SandboxResponse ignored(const SandboxRequest &request);
    SandboxResponse faultControl(const SandboxRequest &request);
    void answer(const QPointer<QTcpSocket> &socket, SandboxResponse response,
                SandboxFaults::Decision decision, const QByteArray &requestId, bool closeAfter);
    bool authenticated(const SandboxRequest &request) const;
    QByteArray newRequestId();

    SandboxServer *q;
    SandboxOptions options;
    SandboxContext context;
    SandboxRouter router = SandboxRoutes::all();
    SandboxFaults faults;
    QString trunkSid;
    SandboxTransport *transport = nullptr;
    QRandomGenerator requestIds;
    quint64 requestCount = 0;
    int inFlight = 0;
    int peak = 0;
    int held = 0;
    bool trunkPhoneNumbers = true;
    bool serverless = true;
    RequestObserver observer;
    std::unique_ptr<SandboxKeeper> keeper; // a kept account (options.statePath)
};

SandboxServer::Private::Private(SandboxServer *q, const SandboxOptions &options)
    : q(q)
    , options(options)
    , context(options.seed)
    , faults(options.seed)
    , requestIds(options.seed ^ 0x1234567u)
{
    trunkSid = DemoSeeder::seed(context, options.numbers);
    faults.settings() = options.faults;
    transport = new SandboxTransport(
        [this](const SandboxRequest &request, const QPointer<QTcpSocket> &socket) {
            onRequest(request, socket);
        },
        q);
}

QByteArray SandboxServer::Private::newRequestId()
{
    QByteArray id = "RQ";
    for (int i = 0; i < 4; ++i)
        id += QByteArray::number(requestIds.generate(), 16).rightJustified(8, '0');
    return id;
}

bool SandboxServer::Private::authenticated(const SandboxRequest &request) const
{
    const QByteArray header = request.header("Authorization");
    if (!header.startsWith("Basic "))
        return false;
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return false;
    const QString user = QString::fromUtf8(decoded.left(colon));
    const QString password = QString::fromUtf8(decoded.mid(colon + 1));
    return (user == context.accountSid && password == context.authToken) ||
           (user == context.apiKeySid && password == context.apiKeySecret);
}

SandboxResponse SandboxServer::Private::dispatch(const SandboxRequest &request)
{
    SandboxResponse response = route(request);
    QString error;
    // As Twilio's 500 after a write it applied: the client must find out by reading.
    if (keeper && !keeper->save(context, &error))
        return SandboxResponse::error(500, 20500, error);
    return response;
}

SandboxResponse SandboxServer::Private::route(const SandboxRequest &request)
{
    if (!authenticated(request))
        return SandboxResponse::error(401, 20003, QStringLiteral("Authenticate"));
    static const QRegularExpression trunkNumbers(
        QStringLiteral("^/v1/Trunks/[^/]+/PhoneNumbers(/[^/]*)?$"));
    if (!trunkPhoneNumbers && trunkNumbers.match(request.path).hasMatch())
        return SandboxResponse::notFound(request.path);
    if (!serverless && request.path.startsWith(QLatin1String("/v1/Services")))
        return SandboxResponse::notFound(request.path);
    const SandboxRouter::Route *route = nullptr;
    RouteParams params;
    switch (router.match(request.method, request.path, &route, &params)) {
    case SandboxRouter::Match::NoPath:
        return SandboxResponse::notFound(request.path);
    case SandboxRouter::Match::WrongMethod:
        return SandboxResponse::error(405, 20004, QStringLiteral("Method not allowed"));
    case SandboxRouter::Match::Found:
        break;
    }
    // Another account's resources (an AC that is not ours) do not exist for these credentials.
    const auto account = params.constFind(QStringLiteral("AccountSid"));
    if (account != params.cend() && *account != context.accountSid)
        return SandboxResponse::notFound(request.path);
    return route->handler(context, request, params);
}

namespace {
// An update of an existing resource: a DELETE, or a POST to an instance (its last path segment
// is a SID, or a trunk's singleton Recording), as opposed to a create (a POST to a list).
bool isUpdate(const SandboxRequest &request)
{
    if (request.method == "DELETE")
        return true;
    static const QRegularExpression instance(
        QStringLiteral("/([A-Z]{2}[0-9a-f]{32}(\\.json)?|Trunks/TK[0-9a-f]{32}/Recording)$"));
    return request.method == "POST" && instance.match(request.path).hasMatch();
}
} // namespace

SandboxResponse SandboxServer::Private::ignored(const SandboxRequest &request)
{
    // Answered as if it worked, with the resource as it still is.
    if (request.method == "DELETE")
        return SandboxResponse::noContent();
    SandboxRequest read = request;
    read.method = "GET";
    read.body.clear();
    return dispatch(read);
}

SandboxResponse SandboxServer::Private::faultControl(const SandboxRequest &request)
{
    if (!authenticated(request))
        return SandboxResponse::error(401, 20003, QStringLiteral("Authenticate"));
    if (request.method == "POST") {
        const FormParams form = FormParams::parse(request.body);
        QHash<QString, QString> values;
        for (const QString &key : form.keys())
            values.insert(key, form.value(key));
        // Every value is checked before any is applied: a bad one changes nothing.
        int latency = options.latencyMs;
        int limit = options.rateLimitConcurrency;
        const auto whole = [&values](const char *key, int high, int *out) {
            const auto found = values.constFind(QLatin1String(key));
            if (found == values.cend())
                return true;
            bool ok = false;
            const int value = found->toInt(&ok);
            if (!ok || value < 0 || value > high)
                return false;
            *out = value;
            return true;
        };
        if (!whole("latency_ms", 600000, &latency) ||
            !whole("rate_limit_concurrency", 100000, &limit))
            return SandboxResponse::invalidParameter(
                SandboxServer::tr("latency_ms must be a whole number from 0 to 600000 and "
                                  "rate_limit_concurrency one from 0 to 100000."));
        FaultSettings next = faults.settings();
        QString error;
        if (!next.apply(values, &error))
            return SandboxResponse::invalidParameter(error);
        faults.settings() = next;
        options.latencyMs = latency;
        options.rateLimitConcurrency = limit;
    }
    QJsonObject body = faults.settings().toJson();
    body.insert(QStringLiteral("latency_ms"), options.latencyMs);
    body.insert(QStringLiteral("rate_limit_concurrency"), options.rateLimitConcurrency);
    return SandboxResponse::json(200, body);
}

void SandboxServer::Private::answer(const QPointer<QTcpSocket> &socket, SandboxResponse response,
                                    SandboxFaults::Decision decision, const QByteArray &requestId,
                                    bool closeAfter)
{
    response.headers.append({"Twilio-Request-Id", requestId});
    response.headers.append({"Twilio-Concurrent-Requests", QByteArray::number(inFlight)});
    --inFlight;
    switch (decision) {
    case SandboxFaults::Decision::Drop:
    case SandboxFaults::Decision::ApplyThenDrop:
        return SandboxTransport::drop(socket);
    case SandboxFaults::Decision::StallBody:
        return SandboxTransport::stall(socket, response);
    case SandboxFaults::Decision::OversizeBody:
        return SandboxTransport::streamOversize(socket, response);
    default:
        return SandboxTransport::respond(socket, response, closeAfter);
    }
}

void SandboxServer::Private::onRequest(const SandboxRequest &request,
                                       const QPointer<QTcpSocket> &socket)
{
    ++requestCount;
    emit q->requestArrived(request.method, request.path);
    if (observer)
        observer(SandboxRequestRecord::make(request, router));
    const bool control = request.path.startsWith(QLatin1String("/_sandbox/"));
    const bool closeAfter = request.header("Connection").toLower() == "close";
    const QByteArray requestId = newRequestId();
    if (request.path == QLatin1String("/_sandbox/Faults"))
        return SandboxTransport::respond(socket, faultControl(request), closeAfter);
    if (request.path == QLatin1String("/_sandbox/Clock")) {
        SandboxResponse clock =
            authenticated(request)
                ? ClockControl::handle(context, request)
                : SandboxResponse::error(401, 20003, QStringLiteral("Authenticate"));
        QString error;
        if (keeper && !keeper->save(context, &error))
            clock = SandboxResponse::error(500, 20500, error);
        return SandboxTransport::respond(socket, clock, closeAfter);
    }

    // A Function on its Functions domain: a webhook, not the REST API (no Basic auth, no API
    // faults or rate limit; a protected one checks the signature).
    if (!control)
        if (const auto served = FunctionHost::serve(context, request))
            return SandboxTransport::respond(socket, *served, closeAfter);

    if (!control && options.rateLimitConcurrency > 0 && inFlight >= options.rateLimitConcurrency) {
        SandboxResponse limited =
            SandboxResponse::error(429, 20429, QStringLiteral("Too Many Requests"));
        limited.headers = {{"Twilio-Request-Id", requestId},
                           {"Twilio-Concurrent-Requests", QByteArray::number(inFlight + 1)},
                           {"Retry-After", "1"}};
        qCDebug(lcSandbox) << request.method << request.path << "-> 429 (rate limit)";
        SandboxTransport::respond(socket, limited, closeAfter);
        return;
    }

    ++inFlight;
    peak = qMax(peak, inFlight);
    using Decision = SandboxFaults::Decision;
    const Decision decision =
        control ? Decision::Answer : faults.next(request.method, isUpdate(request));
    if (decision == Decision::DelayApply) {
        // Held "in transit": applied (and answered, if the client still listens) only later,
        // possibly long after the client gave up and retried.
        ++held;
        QTimer::singleShot(faults.settings().delayApplyMs, q,
                           [this, request, socket, requestId, closeAfter] {
                               --held;
                               const SandboxResponse response = dispatch(request);
                               qCDebug(lcSandbox) << request.method << request.path
                                                  << "applied late ->" << response.status;
                               emit q->writeApplied(request.method, request.path, response.status);
                               answer(socket, response, Decision::Answer, requestId, closeAfter);
                           });
        return;
    }
    SandboxResponse response;
    switch (decision) {
    case Decision::Fail500:
        response = SandboxResponse::error(500, 20500, QStringLiteral("Internal Server Error"));
        break;
    case Decision::Fail503:
        response = SandboxResponse::error(503, 20503, QStringLiteral("Service Unavailable"));
        break;
    case Decision::Drop:
        break;
    case Decision::IgnoreWrite:
        response = ignored(request);
        break;
    case Decision::ApplyThen500:
    case Decision::ApplyThen503: {
        const SandboxResponse applied = dispatch(request);
        emit q->writeApplied(request.method, request.path, applied.status);
        response = decision == Decision::ApplyThen500
                       ? SandboxResponse::error(500, 20500, QStringLiteral("Internal Server Error"))
                       : SandboxResponse::error(503, 20503, QStringLiteral("Service Unavailable"));
        break;
    }
    default: // answered, or applied before the answer breaks
        response = dispatch(request);
        if (SandboxFaults::isWrite(request.method) && !control)
            emit q->writeApplied(request.method, request.path, response.status);
        break;
    }
    qCDebug(lcSandbox) << request.method << request.path << "->" << response.status << "fault"
                       << int(decision);

    // The state changed on arrival; only the answer waits, on a timer, so concurrent requests
    // overlap their latency instead of queueing behind each other.
    const auto finish = [this, socket, response, decision, requestId, closeAfter]() {
        answer(socket, response, decision, requestId, closeAfter);
    };
    const int latency = control ? 0 : options.latencyMs;
    if (latency > 0)
        QTimer::singleShot(latency, q, finish);
    else
        finish();
}

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString *errorMessage)
{
    if (!d->options.statePath.isEmpty() && !d->keeper) {
        auto keeper = std::make_unique<SandboxKeeper>(d->options.statePath);
        QString error;
        if (!keeper->attach(d->context, d->options.seed, &d->trunkSid, &error)) {
            if (errorMessage)
                *errorMessage = error;
            return false;
        }
        d->keeper = std::move(keeper);
    }
    const quint16 port = d->transport->listen(d->options.address, d->options.port);
    if (port == 0) {
        if (errorMessage)
            *errorMessage = tr("Cannot listen on %1 port %2.")
                                .arg(d->options.address.toString())
                                .arg(d->options.port);
        return false;
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(d->options.address.toString());
    url.setPort(port);
    d->context.baseUrl = url;
    qCInfo(lcSandbox) << "listening on" << url.toString() << "account" << d->context.accountSid;
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    return d->context.baseUrl;
}

QString SandboxServer::accountSid() const
{
    return d->context.accountSid;
}

QString SandboxServer::authToken() const
{
    return d->context.authToken;
}

QString SandboxServer::trunkSid() const
{
    return d->trunkSid;
}

QString SandboxServer::apiKeySid() const
{
    return d->context.apiKeySid;
}

QString SandboxServer::apiKeySecret() const
{
    return d->context.apiKeySecret;
}

QByteArray SandboxServer::startupJson() const
{
    const QJsonObject object{
        {QStringLiteral("base_url"), baseUrl().toString()},
        {QStringLiteral("account_sid"), accountSid()},
        {QStringLiteral("auth_token"), authToken()},
        {QStringLiteral("trunk_sid"), trunkSid()},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void SandboxServer::setLatencyMs(int ms)
{
    d->options.latencyMs = qMax(0, ms);
}

void SandboxServer::setFailRate(double rate)
{
    d->faults.setFailRate(rate);
}

void SandboxServer::setMethodFailRate(const QByteArray &method, double rate)
{
    d->faults.setMethodFailRate(method, rate);
}

void SandboxServer::setDropRate(double rate)
{
    d->faults.setDropRate(rate);
}

FaultSettings SandboxServer::faults() const
{
    return d->faults.settings();
}

void SandboxServer::setFaults(const FaultSettings &faults)
{
    d->faults.settings() = faults;
}

void SandboxServer::setRateLimitConcurrency(int limit)
{
    d->options.rateLimitConcurrency = qMax(0, limit);
}

void SandboxServer::advanceClock(qint64 ms)
{
    d->context.clockOffsetMs += qMax<qint64>(0, ms);
    QString error;
    if (d->keeper && !d->keeper->save(d->context, &error))
        qCWarning(lcSandbox).noquote() << error;
}

QString SandboxServer::statePath() const
{
    return d->options.statePath;
}

bool SandboxServer::isKeptAccount() const
{
    return d->keeper && d->keeper->loadedKeptAccount();
}

QDateTime SandboxServer::currentTime() const
{
    return d->context.currentTime();
}

void SandboxServer::setBuildDurationMs(int ms)
{
    d->context.buildDurationMs = qMax(0, ms);
}

void SandboxServer::setServerlessAvailable(bool available)
{
    d->serverless = available;
}

void SandboxServer::setTrunkPhoneNumbersAvailable(bool available)
{
    d->trunkPhoneNumbers = available;
}

void SandboxServer::setRequestObserver(RequestObserver observer)
{
    d->observer = std::move(observer);
}

QList<SandboxRouteInfo> SandboxServer::routeTable()
{
    return SandboxRoutes::all().routes();
}

std::optional<QJsonObject> SandboxServer::storedNumber(const QString &numberSid) const
{
    return d->context.store.find(QStringLiteral("IncomingPhoneNumbers"), numberSid);
}

int SandboxServer::writesHeld() const
{
    return d->held;
}

quint64 SandboxServer::requestCount() const
{
    return d->requestCount;
}

int SandboxServer::peakConcurrentRequests() const
{
    return d->peak;
}

int SandboxServer::requestsInFlight() const
{
    return d->inFlight;
}
