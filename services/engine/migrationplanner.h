#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"

#include <QObject>
#include <QStringList>

// Lists every API change step 4 would make for the selected numbers, from their live state,
// and makes none: it only reads (one paged list of the account's numbers). Uses the same
// MigrationDecision as the migration itself. A SID that is malformed or not on the account
// fails the whole plan, so a typo cannot silently shrink a selection.
class MigrationPlanner : public QObject
{
    Q_OBJECT
public:
    MigrationPlanner(const EngineContext &context, const QStringList &numberSids,
                     const QString &trunkSid, const QString &voiceUrl, QObject *parent = nullptr);
    void start();

signals:
    void ready(const MigrationPlan &plan);
    void failed(const OperationError &error);

private:
    EngineContext m_context;
    QStringList m_sids;
    QString m_trunkSid;
    QString m_voiceUrl;
};
