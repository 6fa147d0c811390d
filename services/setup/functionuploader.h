#pragma once

#include "deploymenttypes.h"
#include "migrationtypes.h"
#include "serverlessresources.h"
#include "twilioresult.h"

#include <QMap>
#include <QObject>

class SetupRun;
class TwilioClient;

// Makes each function of a deployment exist in the service (matched by friendly name, as
// serverless-toolkit does) and holds a version with the given code. Code the journal has seen
// uploaded before (same path, visibility and SHA-256) is not uploaded again: its version is
// reused, which is what makes a re-run change nothing.
class FunctionUploader : public QObject
{
    Q_OBJECT
public:
    FunctionUploader(TwilioClient *client, SetupRun *recorder, QObject *parent = nullptr);

    // The version our journal knows for a function SID (uploaded by an earlier run), if any.
    static QString versionKey(const QString &functionSid);

    void start(const QString &serviceSid, const QVector<FunctionSource> &functions);
    void cancel();

signals:
    // chosen: function SID -> version SID for each function of this deployment;
    // uploadedEarlier: the same for the service's other functions, from the journal.
    void ready(const QMap<QString, QString> &chosen, const QMap<QString, QString> &uploadedEarlier);
    void failed(const OperationError &error);

private:
    void ensureFunction(int index);
    void uploadVersion(int index);
    void fail(const QString &what, const TwilioError &error);
    void failWith(const OperationError &error);

    TwilioClient *m_client;
    SetupRun *m_run;
    QString m_serviceSid;
    QVector<FunctionSource> m_sources;
    QList<ServerlessFunction> m_functions;
    QMap<QString, QString> m_functionSid; // name -> function SID
    QMap<QString, QString> m_chosen;
    QMap<QString, QString> m_uploadedEarlier;
    TwilioHandle m_call;
    bool m_running = false;
};
