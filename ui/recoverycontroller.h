#pragma once

#include "migrationbackend.h"

#include <QObject>

#include <optional>

class QProgressDialog;
class QWidget;

// After a crash or a window closed mid-run the journal holds an interrupted run. This offers
// Resume or Roll back (or later), runs the choice with a progress dialog that can stop it, and
// says how it ended. All dialogs go through DialogSeam, so tests answer them.
class RecoveryController : public QObject
{
    Q_OBJECT
public:
    RecoveryController(MigrationBackend *backend, QWidget *window);

    // Asks only when the backend reports an interrupted run.
    void offer();
    bool isRunning() const { return m_running.has_value(); }

private:
    void start(MigrationBackend::Operation operation);
    void end(const QString &message);

    MigrationBackend *m_backend;
    QWidget *m_window;
    QProgressDialog *m_progress = nullptr;
    std::optional<MigrationBackend::Operation> m_running;
};
