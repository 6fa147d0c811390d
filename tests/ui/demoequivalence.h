#pragma once

#include "migrationtypes.h"

// A trunk that uses most of what a trunk can do (recording, transfers, a disaster-recovery URL,
// caller names, symmetric RTP, emergency and fax numbers, numbers with URLs the trunk ignored)
// and the equivalence report the engine gives for it with the default choices, worded as
// CallEquivalence words it. For the Calls page's tests and the screenshots: ScriptedBackend
// answers whatever report it is given.
namespace DemoEquivalence {

// Fills the call settings and number facts of `trunk` (the scripted main trunk).
void describe(TrunkSummary &trunk);
EquivalenceReport report(const QString &trunkSid);
// One item, for tests that need a report of their own.
EquivalenceItem item(const QString &setting, const QString &title, EquivalenceItem::Carry carry,
                     const QString &change = {});

} // namespace DemoEquivalence
