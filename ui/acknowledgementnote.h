#pragma once

#include "migrationtypes.h"

#include <QLabel>

class WizardState;

// Step 4's word on the changes to how calls behave that still need an acknowledgement (issue
// 8): the ones the Calls page's report and the last plan ask for, less those accepted there.
// While any is missing, Migrate is not started and this label says what to acknowledge where;
// fax numbers alone do not hold a run back (the backend refuses them one by one, each with its
// reason), the note only says they stay.
class AcknowledgementNote : public QLabel
{
    Q_OBJECT
public:
    AcknowledgementNote(const WizardState *state, QWidget *parent = nullptr);

    // The plan's report and what of it was unacknowledged when it was made.
    void setPlan(const MigrationPlan &plan);
    void forgetPlan();

    // The settings (keys) without which migrate is not started.
    QStringList blocking() const;
    // Why Migrate waits, in one sentence; empty when nothing blocks.
    QString reason() const;
    // Rewrites the text and shows the label only when there is something to say.
    void refresh();

    // The backend's refusal to migrate without them, and what to do about it.
    static bool isRefusal(const OperationError &error);
    static QString refusalAdvice();

private:
    QString titleOf(const QString &setting) const;
    bool waitsFor(const QString &setting) const;

    const WizardState *m_state;
    EquivalenceReport m_planReport;
    QStringList m_planUnacknowledged;
};
