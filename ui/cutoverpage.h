#pragma once

#include <QWizardPage>

class CutoverSheetView;
class MigrationBackend;
class QCheckBox;
class WizardState;

// Page 6, step 3: what the PBX administrator changes, and a checklist of the tests that prove
// it works. Every box must be ticked before the numbers can move: a number migrated before the
// PBX points at the domain would lose its calls.
class CutoverPage : public QWizardPage
{
    Q_OBJECT
public:
    CutoverPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    MigrationBackend *m_backend;
    WizardState *m_state;
    CutoverSheetView *m_sheet;
    QList<QCheckBox *> m_checklist;
};
