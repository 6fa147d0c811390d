#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"

#include <QObject>

// Steps 1 and 2 need the trunk's summary (origination URLs, IP ACLs, credential lists). The
// wizard has loaded the trunks by then; the CLI may not have. Takes the summary from the last
// loadTrunks() when it is there, else loads the trunks first. Emits one signal, never from
// start().
class TrunkSummaryLoader : public QObject
{
    Q_OBJECT
public:
    TrunkSummaryLoader(const EngineContext &context, const QVector<TrunkSummary> &known,
                       const QString &trunkSid, QObject *parent = nullptr);
    void start();

signals:
    void found(const TrunkSummary &trunk);
    void failed(const OperationError &error);

private:
    void pick(const QVector<TrunkSummary> &trunks);

    EngineContext m_context;
    QVector<TrunkSummary> m_known;
    QString m_trunkSid;
};
