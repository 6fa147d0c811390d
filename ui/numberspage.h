#pragma once

#include "migrationbackend.h"

#include <QPointer>
#include <QWizardPage>

class AcknowledgementNote;
class NumberFilterProxyModel;
class NumberSelectionBar;
class NumberTableModel;
class OperationProgress;
class QLabel;
class QPushButton;
class QTableView;
class WizardState;

// Page 7, step 4: the trunk's numbers in a checkable table. Plan shows what would change;
// Migrate selected runs with progress and can be stopped; Revert puts a migrated number back;
// Retry failed migrates the failed ones again. Rows change as the engine reports each number.
// Neither migrate starts while a change to how calls behave awaits its acknowledgement on the
// Calls page (AcknowledgementNote says which).
class NumbersPage : public QWizardPage
{
    Q_OBJECT
public:
    NumbersPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return !m_job.isNull(); }

private:
    void load();
    void plan();
    void migrate(const QStringList &sids);
    void confirmRevert(const QStringList &sids);
    // The page follows `job` until it ends; a failure ends it with "Stopped: ...".
    void start(BackendJob *job, const QString &stage);
    void startRun(RunJob *job, const QString &stage);
    void finish(const QString &message);
    void uncheckMigrated();
    void onRunFinished(const RunSummary &summary, bool migrating);
    void showContextMenu(const QPoint &position);
    QStringList selectedSidsInState(NumberState state) const;
    QStringList sidsInState(NumberState state) const;
    QString stateCounts() const;
    void fitColumns();
    void updateActions();
    void showCurrentError();

    MigrationBackend *m_backend;
    WizardState *m_state;
    NumberTableModel *m_model;
    NumberFilterProxyModel *m_proxy;
    NumberSelectionBar *m_selection;
    QTableView *m_table;
    QPushButton *m_plan;
    QPushButton *m_migrate;
    QPushButton *m_revert;
    QPushButton *m_retry;
    OperationProgress *m_progress;
    QLabel *m_status;
    QLabel *m_errorDetail;
    AcknowledgementNote *m_acknowledgement;
    QPointer<BackendJob> m_job;     // the plan or run the page started
    QPointer<NumbersJob> m_loadJob; // the listing shown next
    QString m_loadTrunk;            // the trunk it lists
    bool m_loading = false;
};
