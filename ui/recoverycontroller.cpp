#include "recoverycontroller.h"

#include "dialogseam.h"
#include "errortext.h"
#include "uilogging.h"

#include <QLocale>
#include <QProgressDialog>

#include <utility>

using Op = MigrationBackend::Operation;

RecoveryController::RecoveryController(MigrationBackend *backend, QWidget *window)
    : QObject(window)
    , m_backend(backend)
    , m_window(window)
{}

void RecoveryController::noticeAtStart()
{
    const InterruptedRun run = m_backend->interruptedRun();
    if (run.isNull() || !run.runningElsewhere.isEmpty())
        return;
    qCInfo(lcUi) << "interrupted run" << run.runId << "of account" << run.accountSid;
    DialogSeam::inform(m_window, tr("Interrupted migration"),
                       tr("%1\n\nConnect to account %2 to resume it or roll it back: you will be "
                          "asked right after connecting.")
                           .arg(describe(run), run.accountSid));
}

void RecoveryController::offerAfterConnect(const AccountInfo &account,
                                           std::function<void()> proceed)
{
    m_proceed = std::move(proceed);
    const InterruptedRun run = m_backend->interruptedRun();
    if (run.isNull() || run.accountSid != account.sid || isRunning())
        return this->proceed();
    if (!run.runningElsewhere.isEmpty()) {
        DialogSeam::inform(m_window, tr("Migration in progress"),
                           tr("Run %1 on trunk %2 is running in %3. This window will not change "
                              "the account while it runs.")
                               .arg(run.runId)
                               .arg(run.trunkSid, run.runningElsewhere));
        return this->proceed();
    }
    qCInfo(lcUi) << "offering to finish interrupted run" << run.runId;
    const QString text = tr("%1\n\nResume finishes it; Roll back puts every number it touched "
                            "back on the trunk; Later leaves it in the journal.")
                             .arg(describe(run));
    DialogSeam::choose(m_window, tr("Interrupted migration"), text,
                       {tr("&Resume"), tr("Roll &back"), tr("&Later")}, 0, this,
                       [this](int choice) {
                           if (choice == 0)
                               start(Op::Resume);
                           else if (choice == 1)
                               start(Op::Rollback);
                           else
                               this->proceed();
                       });
}

QString RecoveryController::describe(const InterruptedRun &run) const
{
    return tr("A migration started %1 on trunk %2 (account %3) did not finish. Migrated: %4; "
              "in flight when it stopped: %5; not started: %6.")
        .arg(QLocale().toString(run.started.toLocalTime(), QLocale::ShortFormat), run.trunkSid,
             run.accountSid)
        .arg(run.migrated)
        .arg(run.inFlight)
        .arg(run.pending);
}

void RecoveryController::start(MigrationBackend::Operation operation)
{
    m_running = operation;
    m_progress = new QProgressDialog(m_window);
    m_progress->setObjectName(QStringLiteral("recoveryProgress"));
    m_progress->setWindowTitle(operation == Op::Resume ? tr("Resuming") : tr("Rolling back"));
    m_progress->setLabelText(tr("Reading the journal…"));
    m_progress->setCancelButtonText(tr("&Stop"));
    m_progress->setMinimumDuration(0);
    m_progress->setRange(0, 0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    RunJob *job = operation == Op::Resume ? m_backend->resume() : m_backend->rollback();
    connect(m_progress, &QProgressDialog::canceled, job, &BackendJob::cancel);
    QProgressDialog *dialog = m_progress; // end() forgets it before deleting it later
    connect(job, &BackendJob::progress, dialog,
            [dialog](const QString &stage, int done, int total) {
                dialog->setLabelText(stage);
                dialog->setMaximum(qMax(total, 0));
                dialog->setValue(total > 0 ? qBound(0, done, total) : 0);
            });
    job->onFinished(this, [this](const RunSummary &summary) {
        end(tr("Migrated: %1, reverted: %2, failed: %3, not started: %4.")
                .arg(summary.migrated + summary.alreadyMigrated)
                .arg(summary.reverted)
                .arg(summary.failed)
                .arg(summary.cancelled));
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        end(tr("The interrupted run was not finished: %1").arg(ErrorText::plain(error)));
    });
    m_progress->open();
}

void RecoveryController::end(const QString &message)
{
    const bool resumed = m_running == Op::Resume;
    m_running.reset();
    if (m_progress) {
        m_progress->disconnect();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    DialogSeam::inform(m_window, resumed ? tr("Resume finished") : tr("Roll back finished"),
                       message);
    proceed();
}

void RecoveryController::proceed()
{
    if (const std::function<void()> next = std::exchange(m_proceed, nullptr))
        next();
}
