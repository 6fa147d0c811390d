#pragma once

#include "migrationtypes.h"

#include <QDialog>

// Shows a MigrationPlan before anything changes: the counts, the voice URL the numbers will
// get, and every API change, one row each, in the order the engine will make them.
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlanDialog(const MigrationPlan &plan, QWidget *parent = nullptr);
};
