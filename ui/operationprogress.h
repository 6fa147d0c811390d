#pragma once

#include <QPointer>
#include <QWidget>

class BackendJob;
class QLabel;
class QProgressBar;
class QPushButton;

// The progress of the job a page started: the stage sentence, a bar and, when the operation can
// be stopped, a Cancel button that asks the job to stop.
class OperationProgress : public QWidget
{
    Q_OBJECT
public:
    explicit OperationProgress(const QString &objectName, QWidget *parent = nullptr);

    void setCancellable(bool cancellable);
    // Shows `job`'s progress until stop(); the page stops it when the job ends.
    void start(const QString &stage, BackendJob *job);
    void stop();
    bool isActive() const { return m_active; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void display(const QString &stage, int done, int total);

    QPointer<BackendJob> m_job;
    QLabel *m_stage;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    bool m_active = false;
    bool m_cancellable = false;
};
