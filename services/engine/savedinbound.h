#pragma once

#include "migrationtypes.h"

class Journal;

// What step 1 produced, kept in the journal's set-up values of the account so the cut-over
// sheet (step 3) outlives the process: `trunk-migrator-cli cutover-sheet` runs in a process of
// its own after `setup-inbound`, and the wizard may be restarted between the steps. Only
// SIDs, names, URIs and the secure-media choice are kept; nothing secret is involved.
namespace SavedInbound {

// The set-up key, per account.
QString key();

// Saves the sheet's inputs; false with journal.errorString() when it cannot be written.
bool save(Journal &journal, const QString &accountSid, const InboundResult &result,
          const InboundOptions &options);

// The account's last step 1 result as saved (domain SID and name, SIP URIs, lists); empty
// when step 1 never finished for it.
InboundResult result(Journal &journal, const QString &accountSid);

// The cut-over sheet of the account's last step 1, rebuilt with makeCutoverSheet(); an empty
// sheet (no domain name) when step 1 never finished for it or the value cannot be read.
CutoverSheet sheet(Journal &journal, const QString &accountSid);

} // namespace SavedInbound
