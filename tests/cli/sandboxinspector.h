#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

class SandboxProcess;

// The voice settings of one IncomingPhoneNumber as the sandbox holds them.
struct LiveNumber
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
    bool operator==(const LiveNumber &other) const;
    bool operator!=(const LiveNumber &other) const { return !(*this == other); }
};

// Reads the sandbox's state over plain HTTP, independently of the client and the engine under
// test, so the end-to-end tests check the account itself rather than what the CLI says.
class SandboxInspector
{
public:
    explicit SandboxInspector(const SandboxProcess &sandbox);
    // Every IncomingPhoneNumber of the account by SID, following next_page_uri. Empty hash and
    // *error set on failure.
    QHash<QString, LiveNumber> numbers(QString *error);
    // POST /_sandbox/SimulateCall: records the legs of a test call. False with *error.
    bool simulateCall(const QString &from, const QString &to, QString *error);
    // POST /_sandbox/Faults with a form body (e.g. "latency_ms=200"). False with *error.
    bool setFaults(const QByteArray &form, QString *error);
    // The numbers on one trunk (the account also has numbers elsewhere or on no trunk).
    static QHash<QString, LiveNumber> onTrunk(const QHash<QString, LiveNumber> &numbers,
                                              const QString &trunkSid);
    // The migration's safety rule, over the numbers that started on the trunk: SIDs of those
    // now off the trunk without voiceUrl.
    static QStringList offTrunkWithoutUrl(const QHash<QString, LiveNumber> &numbers,
                                          const QHash<QString, LiveNumber> &initial,
                                          const QString &voiceUrl);

private:
    bool control(const QString &path, const QByteArray &body, QString *error);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_accountSid;
    QByteArray m_authorization;
};
