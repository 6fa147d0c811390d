#pragma once

#include "migrationtypes.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

// Shows a MigrationPlan before anything changes: the counts, the voice and fallback URLs the
// numbers will get, every API change, one row each, in the order the engine will make them,
// and the changes to how calls behave that need an acknowledgement, with which still lack it.
// It is also the confirmation every migration passes through: "Migrate N numbers" starts it,
// optionally as a small canary batch first (the page verifies it before offering the rest).
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    struct Offer
    {
        // The numbers the plan covers, in the table's order, with their E.164 numbers.
        QStringList sids;
        QStringList phoneNumbers;
        // A first run: offer to move a canary batch first.
        bool canary = false;
        // Why the migration cannot start now (another run, an acknowledgement); empty: it can.
        QString blocked;
    };

    PlanDialog(const MigrationPlan &plan, const Offer &offer, QWidget *parent = nullptr);

    static constexpr int DefaultCanarySize = 3;

signals:
    // The user confirmed: migrate `sids` (the canary batch alone when `canary` is true).
    void migrateRequested(const QStringList &sids, bool canary);

private:
    QWidget *makeCanaryRow();
    void updateMigrateButton();
    QStringList chosenSids() const;
    bool canaryChosen() const;

    MigrationPlan m_plan;
    Offer m_offer;
    QPushButton *m_migrate = nullptr;
    QCheckBox *m_canary = nullptr;
    QSpinBox *m_canarySize = nullptr;
    QLabel *m_canaryNumbers = nullptr;
    QLabel *m_blocked = nullptr;
};
