#pragma once

#include "calltargets.h"
#include "sandboxstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QUrl>

#include <optional>

// Everything a route handler may touch: the state, the account's credentials, the base URL for
// v1 links, and deterministic SID generation. Owned by SandboxServer; lives on its thread.
class SandboxContext
{
public:
    explicit SandboxContext(quint32 seed);

    SandboxStore store;
    QString accountSid;
    QString authToken;
    QString apiKeySid;
    QString apiKeySecret;
    QUrl baseUrl;
    int buildDurationMs = 1500; // how long a Build stays "building"
    // The sandbox's clock: the wall clock moved on by clockOffsetMs, which tests advance
    // (SandboxServer::advanceClock, POST /_sandbox/Clock) instead of sleeping.
    qint64 clockOffsetMs = 0;
    // How SIP targets answer the sandbox's simulated calls (POST /_sandbox/Targets).
    CallTargets targets;
    // /_sandbox/Functions Fail=true: every Function answers 500, as a Function that throws
    // (Twilio's error 82002), so the voice fallback URL can be seen taking over.
    bool functionsFail = false;

    // "PN" + 32 lower-case hex digits, reproducible for a given seed.
    QString newSid(const char prefix[3]);
    // How many SIDs newSid() has made; a kept account reloaded skips to where it was, so no
    // SID is made twice.
    quint64 sidsMade() const { return m_sidsMade; }
    void skipSidsTo(quint64 made);
    QDateTime currentTime() const;
    qint64 currentMSecs() const { return currentTime().toMSecsSinceEpoch(); }
    // Current time as stored in records (ISO 8601, UTC, seconds).
    QString now() const;
    static QString isoDate(const QDateTime &when);

    // Moves a number onto a trunk (or off every trunk when trunkSid is empty): keeps the
    // trunk's PhoneNumbers collection and the number's trunk_sid in step, as Twilio does.
    // Stores the number.
    void setNumberTrunk(QJsonObject &number, const QString &trunkSid);

    // A Serverless Service by SID or by unique_name, as Twilio's {ServiceSid} accepts both.
    std::optional<QJsonObject> findService(const QString &sidOrUniqueName) const;

    // "/2010-04-01/Accounts/AC..." (no .json)
    QString accountPath() const;

    // A stored record as it goes on the wire: private '_' keys dropped, dates in RFC 2822.
    QJsonObject renderV2010(const QJsonObject &record) const;
    // ... and for v1 products: ISO dates kept, relative url/links made absolute on baseUrl.
    QJsonObject renderV1(const QJsonObject &record) const;
    QString absoluteUrl(const QString &path) const;

private:
    QRandomGenerator m_random;
    quint64 m_sidsMade = 0;
};
