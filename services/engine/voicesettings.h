#pragma once

#include "voiceresources.h"

#include <QJsonObject>
#include <QStringList>

// The voice settings of a number that step 4 changes and a revert restores: what goes into the
// journal's snapshot, and how to turn a snapshot back into an update.
namespace VoiceSettings {

// snake_case names as Twilio returns them: voice_url, voice_method, voice_fallback_url,
// voice_fallback_method, status_callback, status_callback_method, voice_application_sid,
// trunk_sid.
const QStringList &fieldNames();

// Those fields of the live number, nulls kept as JSON null so null and "" stay apart, and the
// boolean voice_caller_id_lookup, which step 4 may turn on.
QJsonObject snapshotOf(const IncomingPhoneNumber &number);

// The update that brings `live` back to `prior` (a snapshot). Only differing fields are sent,
// so fields the migration never touched are not rewritten. Twilio cannot store "" and null
// apart on update (an empty value clears the field), so the two count as equal. trunk_sid is
// left out (the trunk association is restored through the trunk first), and so is
// voice_application_sid when the number returns to a trunk: Twilio clears it there, and
// sending one would take the number off the trunk again.
IncomingPhoneNumberUpdate restoreUpdate(const QJsonObject &prior, const IncomingPhoneNumber &live);

// "voice_url=https://...; voice_method=POST" for the audit's before/after columns; null shows
// as "null", "" as "".
QString describe(const QJsonObject &settings, const QStringList &fields = fieldNames());

} // namespace VoiceSettings
