#pragma once

#include "migrationtypes.h"
#include "sandboxserver.h"

#include <QObject>
#include <QPointer>

class TwilioClient;

// Connect: configures the client from the Connect page's settings and proves the credentials
// by fetching the account. With settings.sandbox it first starts the embedded SandboxServer
// (owned by the caller-supplied parent, kept for the life of the service) and uses its
// base URL and credentials instead. Emits exactly one of the signals, never from start().
class AccountConnector : public QObject
{
    Q_OBJECT
public:
    AccountConnector(TwilioClient *client, const SandboxOptions &sandboxOptions,
                     QObject *parent = nullptr);

    // *sandbox: the embedded sandbox, created under sandboxParent on the first sandbox connect
    // and reused by later ones.
    void start(const ConnectionSettings &settings, QPointer<SandboxServer> *sandbox,
               QObject *sandboxParent);

    // The credentials actually used (the sandbox's when settings.sandbox), for the redactors.
    QString secretInUse() const { return m_secret; }
    QString accountSidInUse() const { return m_accountSid; }
    // The auth token verify signs with; empty when an API key logged in.
    QString authTokenInUse() const { return m_authToken; }
    // The sandbox's base URL (embedded, or a standalone one by base URL), else invalid.
    QUrl sandboxBase() const { return m_sandboxBase; }

signals:
    void connected(const AccountInfo &account);
    void failed(const OperationError &error);

private:
    void failLater(const QString &message);

    TwilioClient *m_client;
    SandboxOptions m_sandboxOptions;
    QString m_secret;
    QString m_accountSid;
    QString m_authToken;
    QUrl m_sandboxBase;
    bool m_sandbox = false;
};
