#pragma once

#include "migrationservice.h"
#include "sandboxserver.h"
#include "twilioclient.h"
#include "voiceresources.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

// A standalone in-process sandbox, a client of its own to check its state, and
// MigrationServices connected to it with a journal in a temporary folder. The sandbox lives
// outside the services so a test can destroy a service mid-run (a crash) and open the same
// journal in a new one.
class EngineFixture
{
public:
    explicit EngineFixture(const SandboxOptions &options = {});

    // Empty on success, else why not.
    QString start();
    SandboxServer &server() { return *m_server; }
    TwilioClient &client() { return *m_client; }
    QString journalPath() const;
    ConnectionSettings settings() const;

    // A service on the journal, connected, with the main trunk's numbers loaded and its fax
    // number acknowledged (MigrationBackend::acceptChanges); null
    // (with a test failure message in *problem) when that did not work.
    // journal: another journal file than journalPath() (a second front end's).
    std::unique_ptr<MigrationService> newService(QString *problem, const QString &journal = {});

    // Live state through the checking client.
    QHash<QString, IncomingPhoneNumber> numbers(); // every number of the account, by SID
    QStringList mainTrunkSids();                   // on the seeded trunk, ordered by number

    static QUrl handlerUrl();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    QObject m_context;
    QTemporaryDir m_dir;
};

// A retry policy with `attempts` tries and pauses of a few milliseconds.
// A wall clock running `seconds` ahead: what the engine would read that much later, for the
// waits it measures in wall time (MigrationService::setClock).
std::function<QDateTime()> clockAhead(int seconds);
RetryPolicy quickRetries(int attempts = 5);

// The audit CSV of the service's account, exported to `path` and read back.
QByteArray auditCsv(MigrationService &service, const QString &path);
// Audit lines of one number (empty: any) and action (empty: any) whose outcome column starts
// with `outcome`.
int auditCount(const QByteArray &csv, const QString &sid, const char *action, const char *outcome);

// How a job ended: with its result, with why it failed, or neither (not within the time, or
// its service was destroyed first).
template<typename Result> struct JobEnd
{
    BackendJob::Operation operation;
    std::optional<Result> result;
    std::optional<OperationError> error;

    bool ended() const { return result || error; }
    // For test failure messages: the error, "timed out", or empty when it finished.
    QString why() const
    {
        return error ? error->message : result ? QString() : QStringLiteral("timed out");
    }
};

// Waits for the end of `job`. Pass the job straight from the call that returned it, before any
// event loop runs: it ends from the event loop and deletes itself then.
template<typename Result> JobEnd<Result> waitEnd(ResultJob<Result> *job, int timeoutMs = 15000)
{
    JobEnd<Result> end{job->operation(), std::nullopt, std::nullopt};
    // A real event loop: QTest::qWaitFor sleeps 10 ms between rounds, which would make the
    // engine look ten times slower than it is.
    QEventLoop loop;
    job->onFinished(&loop, [&](const Result &result) {
        end.result = result;
        loop.quit();
    });
    QObject::connect(job, &BackendJob::failed, &loop, [&](const OperationError &error) {
        end.error = error;
        loop.quit();
    });
    QObject::connect(job, &QObject::destroyed, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return end;
}

// The result of `job` (see waitEnd()); nullopt when it failed or did not end in time.
template<typename Result>
std::optional<Result> waitJob(ResultJob<Result> *job, int timeoutMs = 15000)
{
    return waitEnd(job, timeoutMs).result;
}

// Why `job` failed (see waitEnd()); nullopt when it finished or did not end in time.
template<typename Result>
std::optional<OperationError> waitFailure(ResultJob<Result> *job, int timeoutMs = 15000)
{
    return waitEnd(job, timeoutMs).error;
}

// Runs one step-4 operation of `service` (start returns its job, as in
// [&] { return service.migrate(sids); }) and waits for its summary; nullopt on a failure
// (logged) or timeout.
std::optional<RunSummary> waitRun(MigrationService &service, const std::function<RunJob *()> &start,
                                  int timeoutMs = 60000);

// Keeps the latest row of every number `run` reports in *rows, for as long as the run lives;
// returns the run.
RunJob *recordRows(RunJob *run, QHash<QString, NumberInfo> *rows);

// The voice fields of a number as Twilio returned them (null kept apart from "").
QJsonObject voiceFields(const IncomingPhoneNumber &number);

// The engine's invariant after any run, failure or interruption, for each of `sids`: on the
// trunk (with its old settings, or with the new URL when only the removal is missing), or off
// it with the new URL and method. Returns the first violation, empty when none.
QString checkInvariant(const QHash<QString, IncomingPhoneNumber> &before,
                       const QHash<QString, IncomingPhoneNumber> &now, const QStringList &sids,
                       const QString &trunkSid);

// A number reported failed is on its trunk, and either exactly as before or with only the new
// voice URL and method set (a failed removal is not undone: docs/ENGINE.md). Empty when so.
QString failedButSafe(const IncomingPhoneNumber &before, const IncomingPhoneNumber &now,
                      const QString &trunkSid);

// How many of `sids` are off the trunk with the new URL.
int countMigrated(const QHash<QString, IncomingPhoneNumber> &now, const QStringList &sids);
