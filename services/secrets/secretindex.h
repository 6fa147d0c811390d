#pragma once

#include <QString>
#include <QStringList>

class QSettings;

// The non-secret list of which accounts have a secret in the keychain, kept in QSettings so
// "forget all" can find every entry again (keychains cannot be listed portably). It holds SIDs
// only: the account SID and the SID of the credential (AC for an auth token, SK for an API key).
class SecretIndex
{
public:
    // `settings` is not owned and must outlive the index.
    explicit SecretIndex(QSettings *settings);

    void add(const QString &accountSid, const QString &credentialSid);
    void remove(const QString &accountSid);
    QString credentialSid(const QString &accountSid) const;
    QStringList accountSids() const;

private:
    QSettings *m_settings;
};
