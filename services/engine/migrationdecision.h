#pragma once

#include "voiceresources.h"

#include <QString>

// What step 4 still has to do for one number, judged from its live state only. Shared by the
// planner (to list the changes) and the migrator (to make them), so a plan and a run can never
// disagree, and a re-run or a resumed run only does what is missing.
struct MigrationDecision
{
    enum class Verdict {
        Migrate,         // at least one change below is needed
        AlreadyMigrated, // off the trunk with the new URL: nothing to do
        OnAnotherTrunk,  // refused: it belongs to a different trunk
        NotOnTrunk,      // refused: off every trunk without the new URL (not ours to move)
    };

    Verdict verdict = Verdict::Migrate;
    bool setVoiceUrl = false;     // VoiceUrl / VoiceMethod differ from the target
    bool removeFromTrunk = false; // still on the trunk

    static MigrationDecision decide(const IncomingPhoneNumber &number, const QString &trunkSid,
                                    const QString &voiceUrl);
    // The number, as shown by an answer or a read, has voiceUrl with method POST: the one
    // condition under which it may leave its trunk.
    static bool carriesHandler(const IncomingPhoneNumber &number, const QString &voiceUrl);
    // A translated sentence for the refusals; empty otherwise.
    QString refusal(const IncomingPhoneNumber &number) const;
};
