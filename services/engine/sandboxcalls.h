#pragma once

#include "migrationtypes.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class WebhookClient;

// The sandbox's test calls for the wizard's "Place a test call" (issue 9 §3): POST
// /_sandbox/SimulateCall, and the faults that make failover and fallback visible (POST
// /_sandbox/Targets for each host down, /_sandbox/Functions for a handler error). Emits one
// of the signals once.
class SandboxCalls : public QObject
{
    Q_OBJECT
public:
    SandboxCalls(const QUrl &sandboxBase, const QString &accountSid, const QByteArray &authToken,
                 QObject *parent = nullptr);

    void place(const QString &from, const QString &to);
    void setFaults(const TestCallFaults &faults);
    // POST /_sandbox/Faults: with no faults given only reads them.
    void apiFaults(const std::optional<SandboxApiFaults> &set);

    // Route steps of SimulateCall's answer in words, one per step.
    static QStringList describe(const QJsonArray &route);

signals:
    void placed(const TestCallResult &result);
    void faultsSet(const TestCallFaults &faults);
    void apiFaultsRead(const SandboxApiFaults &faults);
    void failed(const QString &message);

private:
    void nextFault(const TestCallFaults &faults, QStringList hosts);

    QNetworkAccessManager *m_network;
    WebhookClient *m_webhooks;
    QString m_accountSid;
};
