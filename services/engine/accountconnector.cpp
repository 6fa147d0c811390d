#include "accountconnector.h"

#include "engineerrors.h"
#include "enginestorage.h"
#include "twilioclient.h"
#include "voiceapi.h"

AccountConnector::AccountConnector(TwilioClient *client, const SandboxOptions &sandboxOptions,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_sandboxOptions(sandboxOptions)
{}

void AccountConnector::failLater(const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, message] { emit failed(EngineErrors::local(message)); }, Qt::QueuedConnection);
}

void AccountConnector::start(const ConnectionSettings &settings, QPointer<SandboxServer> *sandbox,
                             QObject *sandboxParent)
{
    TwilioCredentials credentials{settings.accountSid, settings.apiKeySid, settings.secret};
    TwilioEndpoint endpoint{settings.region, settings.edge, settings.baseUrl};
    m_sandbox = settings.sandbox;
    if (settings.sandbox) {
        const QString statePath =
            settings.keepSandbox ? EngineStorage::keptSandboxStatePath() : QString();
        // One kind of sandbox at a time: switching between a kept and a throw-away account
        // (on Connect) replaces the running one.
        if (*sandbox && (*sandbox)->statePath() != statePath)
            delete sandbox->data();
        if (!*sandbox) {
            SandboxOptions options = m_sandboxOptions;
            options.statePath = statePath;
            auto *server = new SandboxServer(options, sandboxParent);
            QString error;
            if (!server->start(&error)) {
                delete server;
                return failLater(tr("The built-in sandbox could not start: %1").arg(error));
            }
            *sandbox = server;
        }
        credentials = TwilioCredentials{(*sandbox)->accountSid(), {}, (*sandbox)->authToken()};
        endpoint = TwilioEndpoint{{}, {}, (*sandbox)->baseUrl()};
    }
    m_secret = credentials.secret;
    m_accountSid = credentials.accountSid;
    m_authToken = credentials.apiKeySid.isEmpty() ? credentials.secret : QString();
    m_sandboxBase = endpoint.baseUrlOverride;
    const QString problem = m_client->configure(credentials, endpoint);
    if (!problem.isEmpty())
        return failLater(problem);
    m_client->voice().fetchAccount(this, [this](const TwilioResult<TwilioAccount> &r) {
        if (!r.ok())
            return emit failed(EngineErrors::withContext(EngineErrors::fromTwilio(r.error),
                                                         tr("Connecting to the account failed")));
        if (r.value.sid != m_accountSid)
            return emit failed(
                EngineErrors::local(tr("Twilio answered for account %1 instead of %2.")
                                        .arg(r.value.sid, m_accountSid)));
        AccountInfo info;
        info.sid = r.value.sid;
        info.friendlyName = r.value.friendlyName;
        info.status = r.value.status;
        info.type = r.value.type;
        info.sandbox = m_sandbox;
        emit connected(info);
    });
}
