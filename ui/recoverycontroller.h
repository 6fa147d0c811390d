#pragma once

#include "migrationbackend.h"

#include <QObject>

#include <functional>
#include <optional>

class QProgressDialog;
class QWidget;

// After a crash or a window closed mid-run the journal holds an interrupted run. Only the run's
// own account can finish it, so at start-up this merely says the run is there and which
// account to connect; right after a successful connect to that account it offers Resume, Roll
// back or Later, runs the choice with a progress dialog that can stop it, and says how it
// ended. All dialogs go through DialogSeam, so tests answer them.
class RecoveryController : public QObject
{
    Q_OBJECT
public:
    RecoveryController(MigrationBackend *backend, QWidget *window);

    // Informs only when the backend reports an interrupted run.
    void noticeAtStart();
    // Once `account` is connected: when the interrupted run is that account's, asks and runs
    // the choice; then calls `proceed` (at once when there is nothing to ask). `proceed` is not
    // called once this controller is destroyed.
    void offerAfterConnect(const AccountInfo &account, std::function<void()> proceed);
    bool isRunning() const { return m_running.has_value(); }

private:
    QString describe(const InterruptedRun &run) const;
    void start(MigrationBackend::Operation operation);
    void end(const QString &message);
    void proceed();

    MigrationBackend *m_backend;
    QWidget *m_window;
    QProgressDialog *m_progress = nullptr;
    std::optional<MigrationBackend::Operation> m_running;
    std::function<void()> m_proceed;
};
