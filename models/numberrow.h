#pragma once

#include "migrationtypes.h"

#include <QMetaType>
#include <QString>

// NumberState (where a number stands in the migration, in lifecycle order, which is also the
// table's sort order) comes from the engine's contract, so rows and engine results share it.
constexpr int NumberStateCount = int(NumberState::NotOnTrunk) + 1;

// The translated word the table shows for a state.
QString numberStateText(NumberState state);

// One row of the step-4 numbers table: a plain value, copied in and out of the model.
struct NumberRow
{
    QString sid;         // PN...
    QString phoneNumber; // E.164
    QString friendlyName;
    QString voiceUrl; // the current voice URL
    NumberState state = NumberState::OnTrunk;
    QString lastError;       // human-readable text of the last failure, empty when none
    int twilioErrorCode = 0; // Twilio's error code of the last failure, 0 when none
    QString moreInfoUrl;     // Twilio's more_info link for that code

    bool operator==(const NumberRow &other) const;
    bool operator!=(const NumberRow &other) const { return !(*this == other); }
};
Q_DECLARE_METATYPE(NumberRow)
