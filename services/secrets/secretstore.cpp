#include "secretstore.h"

#include "secretserviceprobe.h"
#include "secretslogging.h"
#include "validation.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

using QKeychain::Job;

SecretStore::SecretStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_index(settings)
    , m_probe(new SecretServiceProbe(this))
{}

QString SecretStore::serviceName()
{
    return QStringLiteral("trunk-migrator");
}

QString SecretStore::keyFor(const QString &accountSid, const QString &credentialSid)
{
    return QStringLiteral("twilio:%1:%2").arg(accountSid, credentialSid);
}

void SecretStore::store(const QString &accountSid, const QString &credentialSid,
                        const QString &secret, Callback done)
{
    if (const QString problem = checkSids(accountSid, credentialSid); !problem.isEmpty()) {
        replyLater(std::move(done), {SecretStatus::OtherError, problem, {}});
        return;
    }
    const QString key = keyFor(accountSid, credentialSid);
    auto makeJob = [secret] {
        auto *job = new QKeychain::WritePasswordJob(serviceName());
        job->setTextData(secret);
        return job;
    };
    auto finish = [this, accountSid, credentialSid](Job *, SecretReply &reply) {
        if (!reply.ok())
            return;
        const QString previous = m_index.credentialSid(accountSid);
        m_index.add(accountSid, credentialSid);
        // One remembered credential per account: drop the one this replaces, so the keychain
        // keeps nothing the index cannot reach any more.
        if (!previous.isEmpty() && previous != credentialSid)
            remove(accountSid, previous, [](const SecretReply &) {});
    };
    run(key, std::move(makeJob), std::move(finish), std::move(done));
}

void SecretStore::load(const QString &accountSid, const QString &credentialSid, Callback done)
{
    if (const QString problem = checkSids(accountSid, credentialSid); !problem.isEmpty()) {
        replyLater(std::move(done), {SecretStatus::OtherError, problem, {}});
        return;
    }
    auto makeJob = [] {
        return new QKeychain::ReadPasswordJob(serviceName());
    };
    auto finish = [](Job *job, SecretReply &reply) {
        if (reply.ok())
            reply.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    };
    run(keyFor(accountSid, credentialSid), std::move(makeJob), std::move(finish), std::move(done));
}

void SecretStore::remove(const QString &accountSid, const QString &credentialSid, Callback done)
{
    if (const QString problem = checkSids(accountSid, credentialSid); !problem.isEmpty()) {
        replyLater(std::move(done), {SecretStatus::OtherError, problem, {}});
        return;
    }
    auto makeJob = [] {
        return new QKeychain::DeletePasswordJob(serviceName());
    };
    auto finish = [this, accountSid, credentialSid](Job *, SecretReply &reply) {
        // Removing what is not there leaves the wanted state: count it as done.
        if (reply.status == SecretStatus::NotFound)
            reply = {SecretStatus::Ok, {}, {}};
        if (reply.ok() && m_index.credentialSid(accountSid) == credentialSid)
            m_index.remove(accountSid);
    };
    run(keyFor(accountSid, credentialSid), std::move(makeJob), std::move(finish), std::move(done));
}

void SecretStore::forgetAll(Callback done)
{
    forgetNext(m_index.accountSids(), {SecretStatus::Ok, {}, {}}, std::move(done));
}

void SecretStore::forgetNext(QStringList accounts, SecretReply firstFailure, Callback done)
{
    if (accounts.isEmpty()) {
        replyLater(std::move(done), std::move(firstFailure));
        return;
    }
    const QString account = accounts.takeFirst();
    remove(account, m_index.credentialSid(account),
           [this, accounts, firstFailure, done](const SecretReply &reply) mutable {
               if (firstFailure.ok() && !reply.ok())
                   firstFailure = reply;
               forgetNext(std::move(accounts), std::move(firstFailure), std::move(done));
           });
}

QString SecretStore::checkSids(const QString &accountSid, const QString &credentialSid) const
{
    QString problem = Validation::checkSid(accountSid, "AC", tr("The Account SID"));
    if (problem.isEmpty() && !Validation::isSid(credentialSid, "SK"))
        problem = Validation::checkSid(credentialSid, "AC", tr("The credential SID"));
    return problem;
}

void SecretStore::replyLater(Callback done, SecretReply reply)
{
    // Same contract on every path: the callback never runs inside the call that started it.
    QTimer::singleShot(0, this,
                       [done = std::move(done), reply = std::move(reply)] { done(reply); });
}

void SecretStore::run(const QString &key, JobFactory makeJob, JobResult finish, Callback done)
{
    if (m_backendSeen) {
        startJob(key, std::move(makeJob), std::move(finish), std::move(done));
        return;
    }
    m_probe->probe(m_timeoutMs,
                   [this, key, makeJob = std::move(makeJob), finish = std::move(finish),
                    done = std::move(done)](bool available, const QString &) {
                       if (!available) {
                           done(noBackendReply());
                           return;
                       }
                       m_backendSeen = true;
                       startJob(key, makeJob, finish, done);
                   });
}

void SecretStore::startJob(const QString &key, JobFactory makeJob, JobResult finish, Callback done)
{
    Job *job = makeJob();
    job->setInsecureFallback(false); // the default today; said explicitly because it matters
    job->setAutoDelete(true);
    job->setKey(key);

    // Whichever comes first, the job's answer or the timeout, replies; the other is ignored.
    // A job that never answers stays queued in QtKeychain's executor until the process ends.
    auto pending = std::make_shared<bool>(true);
    connect(job, &Job::finished, this, [this, pending, key, finish, done](Job *finished) {
        if (!std::exchange(*pending, false))
            return;
        SecretReply reply = replyForJob(finished, key);
        finish(finished, reply);
        qCInfo(lcSecrets) << "keychain" << finished->metaObject()->className() << key << "status"
                          << int(reply.status);
        done(reply);
    });
    QTimer::singleShot(m_timeoutMs, this, [this, pending, key, done] {
        if (!std::exchange(*pending, false))
            return;
        qCWarning(lcSecrets) << "keychain did not answer for" << key;
        done(noBackendReply());
    });
    job->start();
}

SecretReply SecretStore::replyForJob(Job *job, const QString &key) const
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {SecretStatus::Ok, {}, {}};
    case QKeychain::EntryNotFound:
        return {SecretStatus::NotFound,
                tr("The keychain holds no secret for this account (%1).").arg(key),
                {}};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {SecretStatus::AccessDenied,
                tr("The keychain refused access; it may be locked. (%1)").arg(job->errorString()),
                {}};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noBackendReply();
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return {SecretStatus::OtherError,
            tr("The keychain reported an error: %1").arg(job->errorString()),
            {}};
}

SecretReply SecretStore::noBackendReply() const
{
    return {SecretStatus::NoBackend,
            tr("No keychain is available on this computer; the secret will be kept for this "
               "session only."),
            {}};
}
