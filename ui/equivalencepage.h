#pragma once

#include "backendjob.h"

#include <QPointer>
#include <QWizardPage>

class CallChoicesForm;
class EquivalenceTableModel;
class MigrationBackend;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;
class WizardState;

// Page 3, "Calls after the migration" (issue 8): how calls will behave once they no longer go
// through the trunk. The administrator's choices (CallChoicesForm) go to steps 1 and 2; the
// table is the backend's equivalence report for them: every trunk setting, what becomes of it
// and what callers notice, with "I accept this change" on each change that needs an
// acknowledgement. The report is asked for whenever the page is shown and again shortly after a
// choice changes, one request at a time. Next needs the report of the choices on screen;
// acknowledgements are needed only before step 4 migrates.
class EquivalencePage : public QWizardPage
{
    Q_OBJECT
public:
    EquivalencePage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    // Entered with Next or with Back (after step 2 ran, say): asks for the report again.
    void entered();
    void choicesChanged();
    // Asks for the report of the choices on screen, or, while a request runs, again after it.
    void request();
    void showReport(const EquivalenceReport &report);
    void showFailure(const OperationError &error);
    void requestEnded();
    void updateStatus();
    void updateButtons();
    // The lost settings still to acknowledge before Next (all but the fax numbers').
    QStringList blocking() const;

    MigrationBackend *m_backend;
    WizardState *m_state;
    CallChoicesForm *m_form;
    QLabel *m_tableLabel;
    EquivalenceTableModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_update;
    QLabel *m_error;
    QLabel *m_redeployNote;
    QTimer *m_debounce;
    QPointer<EquivalenceJob> m_job; // the request running now
    QString m_preparedFor;          // trunk SID the choices were filled in for
    bool m_askAgain = false;        // the choices changed while m_job ran
    bool m_current = false;         // the table is the report of the choices on screen
    bool m_followsWizard = false;   // connected to the wizard's page changes
};
