#pragma once

#include "secretindex.h"
#include "secretreply.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QSettings;
class SecretServiceProbe;
namespace QKeychain {
class Job;
}

// Keeps Twilio secrets (auth tokens, API key secrets) in the OS keychain through QtKeychain,
// asynchronously. Entries live under the service "trunk-migrator" and the key
// "twilio:<AccountSid>:<credential SID>", the credential SID being the account SID itself for
// an auth token or the API key SID (SK...) for an API key secret.
//
// There is no plaintext fallback, ever: when no keychain answers, the reply is NoBackend and
// the caller keeps the secret in memory (SessionSecretStore) for this session only.
//
// Callbacks run on this object's thread from the event loop, exactly once per call, and not
// at all once the store is destroyed.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretReply &reply)>;

    // `settings` receives the non-secret index of remembered accounts (see SecretIndex); it is
    // not owned and must outlive the store.
    explicit SecretStore(QSettings *settings, QObject *parent = nullptr);

    static QString serviceName();
    static QString keyFor(const QString &accountSid, const QString &credentialSid);

    // How long to wait for the keychain before reporting NoBackend. Default 20 s: unlocking a
    // keyring may show a prompt the user has to answer.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    void store(const QString &accountSid, const QString &credentialSid, const QString &secret,
               Callback done);
    void load(const QString &accountSid, const QString &credentialSid, Callback done);
    void remove(const QString &accountSid, const QString &credentialSid, Callback done);
    // Removes every remembered entry; the reply is the first failure, or Ok.
    void forgetAll(Callback done);

    // From the index, without touching the keychain.
    QStringList rememberedAccounts() const { return m_index.accountSids(); }
    QString rememberedCredentialSid(const QString &accountSid) const
    {
        return m_index.credentialSid(accountSid);
    }

private:
    using JobFactory = std::function<QKeychain::Job *()>;
    using JobResult = std::function<void(QKeychain::Job *job, SecretReply &reply)>;

    QString checkSids(const QString &accountSid, const QString &credentialSid) const;
    void replyLater(Callback done, SecretReply reply);
    void run(const QString &key, JobFactory makeJob, JobResult onSuccess, Callback done);
    void startJob(const QString &key, JobFactory makeJob, JobResult onSuccess, Callback done);
    SecretReply replyForJob(QKeychain::Job *job, const QString &key) const;
    SecretReply noBackendReply() const;
    void forgetNext(QStringList accounts, SecretReply firstFailure, Callback done);

    SecretIndex m_index;
    SecretServiceProbe *m_probe;
    int m_timeoutMs = 20000;
    bool m_backendSeen = false;
};
