#include "operationprogress.h"

#include "backendjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

OperationProgress::OperationProgress(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_stage(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("&Stop"), this))
{
    setObjectName(objectName);
    m_stage->setObjectName(objectName + QStringLiteral("Stage"));
    m_bar->setObjectName(objectName + QStringLiteral("Bar"));
    m_bar->setAccessibleName(tr("Progress"));
    m_cancel->setObjectName(objectName + QStringLiteral("Cancel"));
    m_cancel->setAccessibleName(tr("Stop the running operation"));
    m_cancel->setVisible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stage, 1);
    layout->addWidget(m_bar, 2);
    layout->addWidget(m_cancel);
    setVisible(false);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        // The engine lets calls in flight finish; the job ends as usual.
        m_cancel->setEnabled(false);
        m_stage->setText(tr("Stopping after the calls in flight…"));
        if (m_job)
            m_job->cancel();
    });
}

void OperationProgress::setCancellable(bool cancellable)
{
    m_cancellable = cancellable;
}

void OperationProgress::start(const QString &stage, BackendJob *job)
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    connect(job, &BackendJob::progress, this, &OperationProgress::display);
    m_active = true;
    m_cancel->setVisible(m_cancellable);
    m_cancel->setEnabled(true);
    display(stage, 0, 0);
    setVisible(true);
}

void OperationProgress::stop()
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = nullptr;
    m_active = false;
    setVisible(false);
}

void OperationProgress::display(const QString &stage, int done, int total)
{
    m_stage->setText(stage);
    // total 0 = not known yet: a busy bar rather than a bar stuck at 0 %.
    m_bar->setRange(0, qMax(total, 0));
    m_bar->setValue(total > 0 ? qBound(0, done, total) : 0);
    m_bar->setFormat(total > 0 ? tr("%1 of %2").arg(done).arg(total) : QString());
}
