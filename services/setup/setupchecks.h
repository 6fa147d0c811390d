#pragma once

#include <QString>

class SetupRun;
struct TrunkSummary;

// The input checks and run opening that the inbound (step 1-2) and outbound (step 3) set-ups
// share, written once so both refuse the same input with the same words.
namespace SetupChecks {
// The trunk a set-up acts on: a valid SID, and the one the options name when they name one.
QString checkTrunk(const QString &optionsTrunkSid, const TrunkSummary &trunk);
// Opens the set-up's journal run unless the input already has a problem; returns the problem
// (the input's, or why the run could not be opened), empty when the set-up may go on.
QString beginRun(SetupRun &recorder, const QString &problem, const QString &trunkSid,
                 const QString &kind);
} // namespace SetupChecks
