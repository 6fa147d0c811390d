#pragma once

#include <QWizardPage>

class MigrationBackend;
class QLabel;
class QPushButton;
class TrunkDeletionBox;
class VerifyPanel;
class WizardState;

// Page 8: how many numbers ended in each state, the audit CSV export and the optional deletion
// of the emptied trunk.
class FinishPage : public QWizardPage
{
    Q_OBJECT
public:
    FinishPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;

private:
    void showTrunkGone();
    void updateCounts();
    void askExportPath();
    void exportAudit(const QString &path);

    MigrationBackend *m_backend;
    WizardState *m_state;
    QLabel *m_counts;
    QPushButton *m_export;
    QLabel *m_exportResult;
    TrunkDeletionBox *m_deletion;
    VerifyPanel *m_verify;
};
