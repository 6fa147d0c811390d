#include "sessionsecretstore.h"

#include "secretstore.h"

SessionSecretStore::~SessionSecretStore()
{
    clear();
}

void SessionSecretStore::store(const QString &accountSid, const QString &credentialSid,
                               const QString &secret)
{
    QString &slot = m_secrets[SecretStore::keyFor(accountSid, credentialSid)];
    wipe(slot);
    slot = secret;
}

QString SessionSecretStore::load(const QString &accountSid, const QString &credentialSid) const
{
    return m_secrets.value(SecretStore::keyFor(accountSid, credentialSid));
}

bool SessionSecretStore::contains(const QString &accountSid, const QString &credentialSid) const
{
    return m_secrets.contains(SecretStore::keyFor(accountSid, credentialSid));
}

void SessionSecretStore::remove(const QString &accountSid, const QString &credentialSid)
{
    const auto it = m_secrets.find(SecretStore::keyFor(accountSid, credentialSid));
    if (it == m_secrets.end())
        return;
    wipe(it.value());
    m_secrets.erase(it);
}

void SessionSecretStore::clear()
{
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        wipe(it.value());
    m_secrets.clear();
}

void SessionSecretStore::wipe(QString &secret)
{
    // Best effort: overwrite our buffer before it is freed. Copies handed out by load() are
    // implicitly shared, so only overwrite when we are the sole owner (writing through a shared
    // buffer would detach and wipe a fresh copy instead).
    if (secret.isDetached())
        secret.fill(QChar(u'\0'));
    secret.clear();
}
