#pragma once

#include "sandboxfaults.h"
#include "sandboxrequestrecord.h"
#include "sandboxrouter.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

// Options of the Twilio emulator; the `twilio-sandbox` flags map one to one onto them.
struct SandboxOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;             // 0 picks a free port
    int numbers = 250;            // phone numbers seeded on the demo trunk
    int latencyMs = 0;            // added to every answer, without serialising requests
    FaultSettings faults;         // failure, drop and the hard faults (see SandboxFaults)
    int rateLimitConcurrency = 0; // more requests than this in flight get 429/20429; 0 = off
    quint32 seed = 1;             // seeds the demo data and the fault injection
    // A kept account: its state lives in this SQLite file and outlives the process (see
    // SandboxStateFile); empty for an account that dies with the process.
    QString statePath;
};

// A local emulator of the Twilio endpoints Trunk Migrator uses (API v2010, Trunking v1,
// Serverless v1 and the Serverless upload host), all on one loopback port. State lives in
// memory across requests and behaves like Twilio (see docs/SANDBOX.md).
//
// Never blocks the thread it lives in: latency and faults are applied with timers, so the GUI
// can embed it on its main thread and a test can drive client and sandbox on one event loop.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Starts listening (after loading or creating the kept account of options.statePath);
    // false with a message when the port cannot be bound or the kept account cannot be used.
    bool start(QString *errorMessage = nullptr);
    // Whether start() loaded an account kept by an earlier run (not a fresh one).
    bool isKeptAccount() const;
    QString statePath() const; // options.statePath

    // http://127.0.0.1:PORT : every product (api, trunking, serverless, serverless-upload)
    // is served under it with its usual path (/2010-04-01/..., /v1/Trunks..., /v1/Services...).
    QUrl baseUrl() const;
    QString accountSid() const;
    QString authToken() const;
    QString trunkSid() const;
    // {"base_url": ..., "account_sid": ..., "auth_token": ..., "trunk_sid": ...}
    QByteArray startupJson() const;
    // An API key of the account (SK... SID and its secret): Basic auth with it works too.
    QString apiKeySid() const;
    QString apiKeySecret() const;

    // Fault injection can change while running (tests turn it on and off).
    void setLatencyMs(int ms);
    void setFailRate(double rate);
    // Only requests with this method (GET, POST, DELETE) fail at `rate`, overriding
    // setFailRate() for them; a negative rate removes the override.
    void setMethodFailRate(const QByteArray &method, double rate);
    void setDropRate(double rate);
    // Every fault knob at once (also POST /_sandbox/Faults, see docs/SANDBOX.md).
    FaultSettings faults() const;
    void setFaults(const FaultSettings &faults);
    void setRateLimitConcurrency(int limit);
    // How long a new Serverless Build stays "building" (default 1500 ms).
    void setBuildDurationMs(int ms);
    // The sandbox's clock moves on by ms (never back): dates, call times and Builds see it at
    // once, so tests skip waits instead of sleeping. Also POST /_sandbox/Clock advance_ms=N.
    void advanceClock(qint64 ms);
    QDateTime currentTime() const;
    // false emulates a region without Twilio Functions (AU1 at the time of writing): every
    // Serverless path, /v1/Services included, answers 404 with error 20404. Default true.
    void setServerlessAvailable(bool available);
    // false: every /v1/Trunks/{TK}/PhoneNumbers route answers 404 20404, as in regions that
    // lack the subresource (IE1). Numbers still move with IncomingPhoneNumber TrunkSid.
    void setTrunkPhoneNumbersAvailable(bool available);

    // Every route served, for the contract-fidelity test (see SandboxRouteInfo).
    static QList<SandboxRouteInfo> routeTable();

    // Opt-in: called with every request on arrival, before faults are decided (so retries and
    // control endpoints are seen too), on the sandbox's thread. For contract tests that check
    // what a client sends; an empty function turns it off. Off by default: it parses bodies.
    using RequestObserver = std::function<void(const SandboxRequestRecord &)>;
    void setRequestObserver(RequestObserver observer);

    // The stored IncomingPhoneNumber record (as kept, not rendered), for tests that check the
    // invariant at the moment each write lands (writeApplied()); nullopt when unknown.
    std::optional<QJsonObject> storedNumber(const QString &numberSid) const;
    // Writes held by --delay-apply that have not landed yet.
    int writesHeld() const;

    // Counters for tests and benchmarks.
    quint64 requestCount() const;
    int peakConcurrentRequests() const;
    int requestsInFlight() const;

signals:
    // Every request on arrival, before any fault is decided (control endpoints included), so a
    // test can change the faults at a precise point of a client's conversation.
    void requestArrived(const QByteArray &method, const QString &path);
    // A write took effect (answered or not, late or not): tests wait on it instead of the clock.
    void writeApplied(const QByteArray &method, const QString &path, int status);

private:
    class Private;
    std::unique_ptr<Private> d;
};
