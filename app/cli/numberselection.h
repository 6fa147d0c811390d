#pragma once

#include "migrationtypes.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

// Resolves the E.164 numbers a user typed to the number SIDs the engine works with. Unknown
// numbers are an input error reported before anything is changed.
class NumberSelection
{
    Q_DECLARE_TR_FUNCTIONS(NumberSelection)
public:
    // all=true selects every listed number. Returns "" and fills sids, or the error sentence.
    static QString resolve(const QVector<NumberInfo> &numbers, const QStringList &phoneNumbers,
                           bool all, const QString &trunkSid, QStringList *sids);
    static const NumberInfo *find(const QVector<NumberInfo> &numbers, const QString &phoneNumber);
};
