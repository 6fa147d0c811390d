#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"
#include "voiceresources.h"

#include <QObject>
#include <QSet>

struct TwilioError;

// Loads the rows of a trunk for step 4: every IncomingPhoneNumber on the trunk (or migrated
// off it by this tool) with its voice settings and a state from NumberStateResolver. The
// trunk's PhoneNumbers list and the account's IncomingPhoneNumbers are read in parallel and
// merged; a 404 on the trunk list (a region without that subresource, IE1) is not an error:
// trunk_sid on the numbers then says which belong to it. The trunk itself is read too: an
// unknown trunk SID is an error, never an empty list. Emits exactly one of the signals.
class NumberInventory : public QObject
{
    Q_OBJECT
public:
    NumberInventory(const EngineContext &context, const QString &trunkSid,
                    QObject *parent = nullptr);
    void start();

signals:
    void loaded(const QString &trunkSid, const QVector<NumberInfo> &numbers);
    void failed(const OperationError &error);

private:
    void fail(const TwilioError &error);
    void finishIfReady();

    EngineContext m_context;
    QString m_trunkSid;
    int m_pending = 0;
    bool m_failed = false;
    QSet<QString> m_onTrunk;
    QList<IncomingPhoneNumber> m_numbers;
};
