#pragma once

#include "auditlog.h"
#include "journal.h"
#include "migrationtypes.h"
#include "sandboxserver.h"
#include "twilioclient.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

// An in-process sandbox, a client configured for it, and a fresh journal + audit log in a
// temporary folder: what every set-up test needs. Everything runs on the test's event loop.
class SetupFixture
{
public:
    explicit SetupFixture(int numbers = 6);

    // Empty on success, else why the fixture could not start.
    QString start();

    SandboxServer &server() { return *m_server; }
    TwilioClient *client() { return m_client.get(); }
    Journal *journal() { return &m_journal; }
    AuditLog *audit() { return m_audit.get(); }
    QString accountSid() const { return m_server->accountSid(); }
    QString trunkSid() const { return m_server->trunkSid(); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    // The demo trunk as the engine would summarise it (origination URLs, IP ACLs, cred lists).
    TrunkSummary trunkSummary();

    // Calls one client operation and waits for its answer (tests only).
    template<class T>
    TwilioResult<T> await(const std::function<TwilioHandle(QObject *, TwilioCallback<T>)> &call)
    {
        // Shared: a late answer after a timeout must not write to a finished stack frame.
        auto result = std::make_shared<std::optional<TwilioResult<T>>>();
        call(&m_context, [result](const TwilioResult<T> &r) { *result = r; });
        if (QTest::qWaitFor([result] { return result->has_value(); }, 15000))
            return **result;
        TwilioResult<T> timedOut;
        timedOut.error = TwilioError::make(TwilioError::Kind::Timeout, QStringLiteral("no answer"));
        return timedOut;
    }

    // POST /_sandbox/SimulateCall: the legs the sandbox recorded, or an empty list.
    QList<QJsonObject> simulateCall(const QString &from, const QString &to);

    // Steps 1 (domain acme-pbx) and 2 (the handlers deployed; `testNumberSid` moved when given),
    // with "no fallback" acknowledged (the fixture's trunk has no DR URL). Step 2's result, or
    // nullopt with *error.
    std::optional<OutboundResult> runStepsOneAndTwo(const QString &testNumberSid, QString *error);

    // Audit lines written so far for this account.
    int auditCount() { return m_audit->records(accountSid()).size(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    Journal m_journal;
    std::unique_ptr<AuditLog> m_audit;
    QNetworkAccessManager m_nam;
    QObject m_context;
};

// Waits until an operation reported through `done` or `failed` (exactly once overall).
inline bool waitForOutcome(QSignalSpy &done, QSignalSpy &failed, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&] { return done.count() + failed.count() > 0; }, timeoutMs) &&
           done.count() + failed.count() == 1;
}

// The message of the first OperationError a failed() spy caught.
inline QString failureMessage(const QSignalSpy &failed)
{
    return failed.isEmpty() ? QString() : failed.first().first().value<OperationError>().message;
}
