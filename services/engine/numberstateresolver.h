#pragma once

#include "migrationtypes.h"
#include "voiceresources.h"

#include <QCoreApplication>

class Journal;

// Derives a number's row state from live data and the journal:
//   on the trunk: last journal step failed, or a restore after a failed migration →
//                 Failed (its error kept); last completed step a revert → Reverted; else
//                 OnTrunk;
//   off the trunk with a snapshot from this trunk: last step failed → Failed, else Migrated
//                 (the engine never takes a number off without its new URL);
//   anything else: NotOnTrunk.
class NumberStateResolver
{
    Q_DECLARE_TR_FUNCTIONS(NumberStateResolver)

public:
    NumberStateResolver(Journal &journal, const QString &accountSid, const QString &trunkSid);

    // Rows belonging to the trunk: on it now, or migrated off it by this tool. nullopt for
    // numbers that have nothing to do with the trunk.
    std::optional<NumberInfo> resolve(const IncomingPhoneNumber &number, bool onTrunk);

private:
    Journal &m_journal;
    QString m_accountSid;
    QString m_trunkSid;
};
