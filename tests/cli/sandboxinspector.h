#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

class SandboxProcess;

// The voice settings of one IncomingPhoneNumber as the sandbox holds them.
struct NumberSnapshot
{
    QString sid;
    QString phoneNumber;
    QString trunkSid; // empty when off the trunk
    QString voiceUrl;
    QString voiceMethod;
    QString voiceFallbackUrl;
    QString voiceFallbackMethod;
    QString statusCallback;
    QString statusCallbackMethod;
    QString voiceApplicationSid;
    bool operator==(const NumberSnapshot &other) const;
    bool operator!=(const NumberSnapshot &other) const { return !(*this == other); }
};

// Reads the sandbox's state over plain HTTP, independently of the client and the engine under
// test, so the end-to-end tests check the account itself rather than what the CLI says.
class SandboxInspector
{
public:
    explicit SandboxInspector(const SandboxProcess &sandbox);
    // Every IncomingPhoneNumber of the account by SID, following next_page_uri. Empty hash and
    // *error set on failure.
    QHash<QString, NumberSnapshot> numbers(QString *error);
    // The migration's safety rule: SIDs of numbers that are off the trunk without voiceUrl.
    static QStringList offTrunkWithoutUrl(const QHash<QString, NumberSnapshot> &numbers,
                                          const QString &voiceUrl);

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_accountSid;
    QByteArray m_authorization;
};
