#pragma once

#include "migrationtypes.h"

#include <QString>

// NumberState (where a number stands in the migration, in lifecycle order, which is also the
// table's sort order) comes from the engine's contract, so rows and engine results share it.
constexpr int NumberStateCount = int(NumberState::NotOnTrunk) + 1;

// The translated word the table shows for a state.
QString numberStateText(NumberState state);

// Revert applies to a number changed by a migration and not yet back as it was: off the trunk
// with the new URL, still on it with the new URL set, or failed part-way (its error may say
// the new URL is set: revert restores the saved settings either way).
constexpr bool canRevert(NumberState state)
{
    return state == NumberState::Migrated || state == NumberState::UrlSet ||
           state == NumberState::Failed;
}

// Migrate applies to a number still to move: never touched, half-moved, failed or reverted.
constexpr bool canMigrate(NumberState state)
{
    return state == NumberState::OnTrunk || state == NumberState::UrlSet ||
           state == NumberState::Failed || state == NumberState::Reverted;
}
