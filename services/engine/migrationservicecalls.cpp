// MigrationService's read-only checks of the call path (issue 9 §3): verify, and the sandbox's
// test calls and their faults. Kept apart from the migration operations in migrationservice.cpp.
#include "migrationservice.h"

#include "engineerrors.h"
#include "journal.h"
#include "routeverification.h"
#include "sandboxcalls.h"
#include "savedcalls.h"
#include "savedinbound.h"
#include "validation.h"

bool MigrationService::canPlaceTestCalls() const
{
    return m_sandboxBase.isValid() && !m_authToken.isEmpty() && !m_account.sid.isEmpty();
}

QString MigrationService::testCallProblem() const
{
    return canPlaceTestCalls() ? QString()
                               : tr("Test calls are placed on the sandbox only (the built-in one, "
                                    "or a standalone sandbox connected by its base URL).");
}

SandboxCalls *MigrationService::startSandboxCalls()
{
    auto *calls = new SandboxCalls(m_sandboxBase, m_account.sid, m_authToken.toUtf8(), this);
    m_job = calls;
    connect(calls, &SandboxCalls::failed, this,
            [this](const QString &why) { failOperation(EngineErrors::local(why)); });
    return calls;
}

TestCallJob *MigrationService::placeTestCall(const QString &from, const QString &to)
{
    QString problem = testCallProblem();
    if (problem.isEmpty() && (from.trimmed().isEmpty() || to.trimmed().isEmpty()))
        problem = tr("A test call needs a From and a To.");
    auto *front = newJob<TestCallJob>(Operation::PlaceTestCall, problem);
    if (!beginOperation(front))
        return front;
    SandboxCalls *calls = startSandboxCalls();
    connect(calls, &SandboxCalls::placed, this,
            [this](const TestCallResult &r) { succeedOperation<TestCallJob>(r); });
    calls->place(from, to);
    return front;
}

TestCallFaultsJob *MigrationService::setTestCallFaults(const TestCallFaults &faults)
{
    QString problem = testCallProblem();
    for (const QString &host : faults.downHosts)
        if (problem.isEmpty() && !Validation::isHostName(host))
            problem = tr("%1 is not a host name.").arg(host);
    auto *front = newJob<TestCallFaultsJob>(Operation::SetTestCallFaults, problem);
    if (!beginOperation(front))
        return front;
    SandboxCalls *calls = startSandboxCalls();
    connect(calls, &SandboxCalls::faultsSet, this, [this](const TestCallFaults &f) {
        m_testFaults = f;
        succeedOperation<TestCallFaultsJob>(f);
    });
    calls->setFaults(faults);
    return front;
}

VerifyJob *MigrationService::verify(const QString &trunkSid, const QStringList &numberSids,
                                    bool all)
{
    QString problem = Validation::checkSid(trunkSid, "TK", tr("The trunk SID"));
    for (const QString &sid : numberSids)
        if (problem.isEmpty())
            problem = Validation::checkSid(sid, "PN", tr("The number SID"));
    if (problem.isEmpty() && m_authToken.isEmpty() && !m_account.sid.isEmpty())
        problem = tr("Verify signs its requests with the account's auth token, as Twilio signs "
                     "its webhooks, and you connected with an API key: connect with the Account "
                     "SID and Auth Token to verify the deployed handlers.");
    auto *front = newJob<VerifyJob>(Operation::Verify, problem);
    if (!beginOperation(front))
        return front;
    RouteVerification::Setup setup;
    setup.calls = SavedCalls::load(*m_storage->journal(), m_account.sid, trunkSid);
    if (setup.calls.route.isNull()) {
        failOperation(EngineErrors::local(
            tr("Step 2 has not deployed the handlers for trunk %1 with this version, so there is "
               "nothing to verify against: run step 2 (setup-outbound) first.")
                .arg(trunkSid)));
        return front;
    }
    setup.inbound = SavedInbound::result(*m_storage->journal(), m_account.sid);
    setup.authToken = m_authToken.toUtf8();
    setup.sandboxBase = m_sandboxBase;
    auto *run = new RouteVerification(context(), setup, this);
    m_job = run;
    connect(run, &RouteVerification::failed, this, &MigrationService::failOperation);
    connect(run, &RouteVerification::progress, front,
            [front](int done, int total) { emit front->progress(tr("Verifying"), done, total); });
    connect(run, &RouteVerification::finished, this,
            [this](const VerifyReport &report) { succeedOperation<VerifyJob>(report); });
    run->start(trunkSid, {}, numberSids, all); // the trunk as it is now, not a listing's copy
    return front;
}
