#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"
#include "savedcalls.h"

#include <QObject>
#include <QStringList>

// Lists every API change step 4 would make for the selected numbers, from their live state,
// and makes none: it only reads (one paged list of the account's numbers). Uses the same
// MigrationDecision as the migration itself. A SID that is malformed or not on the account
// fails the whole plan, so a typo cannot silently shrink a selection. With what step 2 saved
// for the calls, each "set voice URL" shows the fields sent with it (fallback URL, status
// callback, caller-name lookup) and a fax number the run would refuse is shown as staying.
class MigrationPlanner : public QObject
{
    Q_OBJECT
public:
    MigrationPlanner(const EngineContext &context, const QStringList &numberSids,
                     const QString &trunkSid, const QString &voiceUrl, const SavedCalls &calls,
                     QObject *parent = nullptr);
    void start();

signals:
    void ready(const MigrationPlan &plan);
    void failed(const OperationError &error);

private:
    EngineContext m_context;
    QStringList m_sids;
    QString m_trunkSid;
    QString m_voiceUrl;
    SavedCalls m_calls; // with the run's acknowledgements in `accepted`
};
