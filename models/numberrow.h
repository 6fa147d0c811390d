#pragma once

#include <QMetaType>
#include <QString>

// Where a number stands in the migration, in lifecycle order (the table sorts by this order).
enum class NumberState {
    OnTrunk,    // still on the SIP trunk, untouched
    Migrating,  // voice URL being set / being removed from the trunk
    Migrated,   // off the trunk, voice URL points at the handler
    Failed,     // the last attempt failed; see lastError
    Reverting,  // being put back on the trunk and restored
    Reverted,   // back on the trunk with its old settings
    NotOnTrunk, // listed on the account but not on this trunk
};
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
