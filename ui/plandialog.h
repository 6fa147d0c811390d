#pragma once

#include "migrationtypes.h"

#include <QDialog>

// Shows a MigrationPlan before anything changes: the counts, the voice and fallback URLs the
// numbers will get, every API change, one row each, in the order the engine will make them,
// and the changes to how calls behave that need an acknowledgement, with which still lack it.
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlanDialog(const MigrationPlan &plan, QWidget *parent = nullptr);
};
