#pragma once

#include "migrationtypes.h"

#include <QString>

// NumberState (where a number stands in the migration, in lifecycle order, which is also the
// table's sort order) comes from the engine's contract, so rows and engine results share it.
constexpr int NumberStateCount = int(NumberState::NotOnTrunk) + 1;

// The translated word the table shows for a state.
QString numberStateText(NumberState state);
