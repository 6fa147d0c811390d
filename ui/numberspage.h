#pragma once

#include "migrationbackend.h"

#include <QPointer>
#include <QWizardPage>

class AcknowledgementNote;
class CanaryBox;
class NumberFilterProxyModel;
class NumberSelectionBar;
class NumberTableModel;
class NumberTableView;
class OperationProgress;
class QLabel;
class QPushButton;
class WizardState;

// Page 7, step 4: the trunk's numbers in a checkable table; the ticks choose the numbers for
// every action. Migrate and Retry show the plan and move nothing until it is confirmed (the
// first batch optionally as a canary, verified before the rest is offered); a run shows its
// progress and can be stopped; Revert puts migrated numbers back. Rows change as the engine reports
// each number. Neither migrate starts while a change to how calls behave awaits its acknowledgement
// on the Calls page (AcknowledgementNote says which).
class NumbersPage : public QWizardPage
{
    Q_OBJECT
public:
    NumbersPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return !m_job.isNull(); }
    // The width the numbers table needs to show every column unclipped.
    int tableWidth() const;

private:
    void load();
    // Works out the plan for `sids` and shows it as the confirmation: nothing moves until the
    // user presses its Migrate button (optionally for a canary batch first).
    void review(const QStringList &sids);
    void migrate(const QStringList &sids, bool canary = false);
    void confirmRevert(const QStringList &sids);
    // The page follows `job` until it ends; a failure ends it with "Stopped: ...".
    void start(BackendJob *job, const QString &stage);
    void startRun(RunJob *job, const QString &stage);
    void finish(const QString &message);
    void uncheckMigrated();
    void onRunFinished(const RunSummary &summary, bool migrating);
    void showContextMenu(const QPoint &position);
    // The ticked numbers an action applies to (canMigrate, canRevert), in the table's order.
    QStringList tickedSids(bool (*applies)(NumberState)) const;
    QStringList sidsInState(NumberState state) const;
    QString stateCounts() const;
    void updateShown();
    void updateActions();
    void showCurrentError();

    MigrationBackend *m_backend;
    WizardState *m_state;
    NumberTableModel *m_model;
    NumberFilterProxyModel *m_proxy;
    NumberSelectionBar *m_selection;
    NumberTableView *m_table;
    QPushButton *m_plan;
    QPushButton *m_migrate;
    QPushButton *m_revert;
    QPushButton *m_retry;
    OperationProgress *m_progress;
    QLabel *m_status;
    QLabel *m_errorDetail;
    AcknowledgementNote *m_acknowledgement;
    CanaryBox *m_canary;
    QLabel *m_shown;                // "N shown · M ticked"
    bool m_canaryRun = false;       // the run in progress is a canary batch
    QPointer<BackendJob> m_job;     // the plan or run the page started
    QPointer<NumbersJob> m_loadJob; // the listing shown next
    QString m_loadTrunk;            // the trunk it lists
    bool m_loading = false;
};
