#pragma once

#include <QGroupBox>

class MigrationBackend;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class WizardState;

// The optional last step: deleting the emptied trunk. Irreversible, so it is offered only when
// no number is left on the trunk and only after the user types the trunk's name, and, while
// numbers could still be reverted onto it, confirms that deleting it ends revert.
class TrunkDeletionBox : public QGroupBox
{
    Q_OBJECT
public:
    TrunkDeletionBox(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    // Call when the trunk or its numbers changed.
    void refresh();
    bool isDeleted() const { return m_deleted; }

signals:
    void trunkDeleted();

private:
    bool trunkIsEmpty() const;
    void updateButton();
    void deleteTrunk();

    MigrationBackend *m_backend;
    WizardState *m_state;
    QLabel *m_explanation;
    QLineEdit *m_confirmName;
    QCheckBox *m_endsRevert;
    QPushButton *m_delete;
    QLabel *m_result;
    bool m_deleting = false;
    bool m_deleted = false;
};
