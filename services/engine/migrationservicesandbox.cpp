// MigrationService's sandbox controls: the API faults of the sandbox panel and the reset of a
// kept sandbox. Neither is an operation of the account (see MigrationBackend).
#include "migrationservice.h"

#include "engineerrors.h"
#include "runlock.h"
#include "sandboxcalls.h"

SandboxFaultsJob *MigrationService::sandboxFaults(const std::optional<SandboxApiFaults> &set)
{
    auto *front = newJob<SandboxFaultsJob>(Operation::SandboxFaults, testCallProblem());
    if (front->hasEnded())
        return front;
    // Its own client and connection: a run in flight keeps every slot of the engine's.
    auto *calls = new SandboxCalls(m_sandboxBase, m_account.sid, m_authToken.toUtf8(), this);
    connect(calls, &SandboxCalls::apiFaultsRead, front, [front, calls](const SandboxApiFaults &f) {
        front->succeed(f);
        calls->deleteLater();
    });
    connect(calls, &SandboxCalls::failed, front, [front, calls](const QString &why) {
        front->fail(EngineErrors::local(why));
        calls->deleteLater();
    });
    calls->apiFaults(set);
    return front;
}

QString MigrationService::resetKeptSandbox()
{
    if (m_busy)
        return tr("Another operation is still running.");
    if (m_sandbox && !m_sandbox->statePath().isEmpty()) {
        // The kept account is the one in use: disconnect before its files go.
        delete m_sandbox.data();
        m_account = {};
        m_lock.reset();
        m_storage->close();
    }
    QString error;
    return EngineStorage::removeKeptSandbox(&error) ? QString() : error;
}
