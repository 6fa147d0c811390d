#pragma once

#include "migrationservice.h"
#include "sandboxserver.h"
#include "twilioclient.h"
#include "voiceresources.h"

#include <QHash>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

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

    // A service on the journal, connected and with the main trunk's numbers loaded; null
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

// Waits until one of the spies caught a signal; false on timeout.
bool waitAny(const QList<QSignalSpy *> &spies, int timeoutMs);

// Runs one step-4 operation and waits for its runFinished; nullopt on a failure or timeout.
std::optional<RunSummary> waitRun(MigrationService &service, const std::function<void()> &start,
                                  int timeoutMs = 60000);

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
