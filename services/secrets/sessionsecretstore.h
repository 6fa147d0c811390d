#pragma once

#include <QHash>
#include <QString>

// Secrets held in memory for this session only, for when no keychain answers (SecretStore
// reported NoBackend) or the user chose not to remember. Nothing here ever reaches a file, a
// setting or a log; everything is gone when the object is. Keyed like SecretStore.
class SessionSecretStore
{
public:
    SessionSecretStore() = default;
    ~SessionSecretStore();
    SessionSecretStore(const SessionSecretStore &) = delete;
    SessionSecretStore &operator=(const SessionSecretStore &) = delete;

    void store(const QString &accountSid, const QString &credentialSid, const QString &secret);
    // An empty string when nothing is held.
    QString load(const QString &accountSid, const QString &credentialSid) const;
    bool contains(const QString &accountSid, const QString &credentialSid) const;
    void remove(const QString &accountSid, const QString &credentialSid);
    void clear();

private:
    static void wipe(QString &secret);

    QHash<QString, QString> m_secrets;
};
