#pragma once

#include <QWidget>

class MigrationBackend;
class QLabel;
class QProgressBar;
class QPushButton;

// The engine's progress for the long operation a page started: the stage sentence, a bar and,
// when the operation can be stopped, a Cancel button that asks the engine to stop. The backend
// runs one long operation at a time, so whatever progress arrives while this is active is ours.
class OperationProgress : public QWidget
{
    Q_OBJECT
public:
    OperationProgress(MigrationBackend *backend, const QString &objectName,
                      QWidget *parent = nullptr);

    void setCancellable(bool cancellable);
    void start(const QString &stage);
    void stop();
    bool isActive() const { return m_active; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void display(const QString &stage, int done, int total);

    MigrationBackend *m_backend;
    QLabel *m_stage;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    bool m_active = false;
    bool m_cancellable = false;
};
