#pragma once

#include "journaltypes.h"
#include "secretredactor.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

// The migration's write-ahead record. Before each API call the engine records an intent; after
// it, the result. After a crash or kill -9 the engine asks which steps were in flight and what
// each number's last completed step was, and resumes or rolls back from there.
//
// The API takes SIDs, action names and descriptions only, never credentials; free text is also
// passed through a SecretRedactor as a second line of defence. Every call returns false (or an
// empty result) with errorString() set on bad input or a database error, and changes nothing.
class Journal
{
    Q_DECLARE_TR_FUNCTIONS(Journal)

public:
    Journal() = default;

    bool open(const QString &path);
    void close() { m_store.close(); }
    bool isOpen() const { return m_store.isOpen(); }
    QString errorString() const { return m_error; }
    SqliteStore &store() { return m_store; }
    SecretRedactor &redactor() { return m_redactor; }

    // Runs. kind: a short lower-case word ("migrate", "revert", ...). Returns 0 on failure.
    qint64 beginRun(const QString &accountSid, const QString &trunkSid, const QString &kind);
    bool finishRun(qint64 runId, const QString &status);
    std::optional<JournalRun> run(qint64 runId);
    // A run the user stopped ("cancelled") is running again (resume continues it).
    bool reopenRun(qint64 runId);
    // The newest run of the account, whatever its status.
    std::optional<JournalRun> newestRun(const QString &accountSid);
    // The newest run of the account still marked running: one a crash interrupted.
    std::optional<JournalRun> unfinishedRun(const QString &accountSid);

    // Steps. numberSid may be empty for account-level steps. Returns the step id, 0 on failure.
    qint64 recordIntent(qint64 runId, const QString &numberSid, const QString &action,
                        const QString &detail = {});
    bool recordResult(qint64 stepId, const StepResult &result);
    // Steps whose call may or may not have reached Twilio, oldest first (runId 0: every run).
    QList<JournalStep> openIntents(qint64 runId = 0);
    // The numbers of a run whose newest number step (migrate_number, revert_number) was closed
    // as cancelled: stopped by the user before they were done.
    QList<JournalStep> cancelledNumberSteps(qint64 runId);
    std::optional<JournalStep> lastStep(const QString &numberSid);
    std::optional<JournalStep> lastDoneStep(const QString &numberSid);
    // The newest remove_from_trunk or clear_trunk_sid step of the number, whatever its state.
    std::optional<JournalStep> lastRemoval(const QString &numberSid);
    // The newest step of each number in a run.
    QList<JournalStep> lastStepsOfRun(qint64 runId);

    // Backups of a number's settings before its first change (the `snapshots` table): the
    // first one is kept, so a resumed run cannot overwrite the original settings with
    // already-migrated ones; forgetBackup() after a complete revert.
    bool saveBackup(qint64 runId, const QString &accountSid, const NumberBackup &snapshot);
    std::optional<NumberBackup> backup(const QString &accountSid, const QString &numberSid);
    bool forgetBackup(const QString &accountSid, const QString &numberSid);

    // Results of set-up steps (service SID, domain SID, handler URLs), per account.
    bool setSetupValue(const QString &accountSid, const QString &key, const QString &value);
    std::optional<QString> setupValue(const QString &accountSid, const QString &key);

private:
    bool fail(const QString &message);
    bool failStore();
    QList<JournalStep> readSteps(const QString &where, const QVariantList &values);

    SqliteStore m_store;
    SecretRedactor m_redactor;
    QString m_error;
};
