#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"

#include <QObject>

struct TwilioError;

// The optional last step: deletes a trunk, but only after a live check shows it holds no
// numbers (Twilio would otherwise release them from the trunk silently). The check reads the
// account's numbers (trunk_sid), which works where the trunk's PhoneNumbers list does not
// (IE1). Journalled and audited like every change. Emits exactly one of the signals.
class TrunkDeletion : public QObject
{
    Q_OBJECT
public:
    TrunkDeletion(const EngineContext &context, const QString &trunkSid, QObject *parent = nullptr);
    void start();

signals:
    void deleted(const QString &trunkSid);
    void failed(const OperationError &error);

private:
    void deleteTrunk();

    EngineContext m_context;
    QString m_trunkSid;
};
