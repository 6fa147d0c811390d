#pragma once

#include "twiliohosts.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// API v2010 resources. Each keeps the whole answer in `raw` (the engine snapshots it) next to
// the typed fields it reads; nullable fields are std::optional so null stays apart from "".

struct TwilioAccount
{
    QString sid;
    QString ownerAccountSid;
    QString friendlyName;
    QString status;  // active | suspended | closed
    QString type;    // Trial | Full
    QJsonObject raw; // without auth_token: a secret must not travel further than this parser

    static TwilioAccount fromJson(const QJsonObject &json);
};

struct IncomingPhoneNumber
{
    QString sid;
    QString phoneNumber;
    QString friendlyName;
    std::optional<QString> voiceUrl;
    std::optional<QString> voiceMethod;
    std::optional<QString> voiceFallbackUrl;
    std::optional<QString> voiceFallbackMethod;
    std::optional<QString> statusCallback;
    std::optional<QString> statusCallbackMethod;
    std::optional<QString> voiceApplicationSid;
    std::optional<QString> trunkSid;
    std::optional<QString> voiceReceiveMode; // voice | fax
    bool voiceCallerIdLookup = false;
    std::optional<QString> emergencyStatus;        // Active | Inactive
    std::optional<QString> emergencyAddressSid;    // AD...
    std::optional<QString> emergencyAddressStatus; // registered | unregistered | ...
    QJsonObject raw;

    // Whether emergency calls from this number reach a PSAP with its registered address.
    bool hasEmergencyAddress() const;
    bool isFax() const { return voiceReceiveMode.value_or(QString()) == QLatin1String("fax"); }

    static IncomingPhoneNumber fromJson(const QJsonObject &json);
};

// A partial update: a field left unset is not sent (Twilio keeps it); an empty string is sent
// empty, which clears the field.
struct IncomingPhoneNumberUpdate
{
    std::optional<QString> voiceUrl;
    std::optional<QString> voiceMethod;
    std::optional<QString> voiceFallbackUrl;
    std::optional<QString> voiceFallbackMethod;
    std::optional<QString> statusCallback;
    std::optional<QString> statusCallbackMethod;
    std::optional<QString> voiceApplicationSid;
    std::optional<QString> trunkSid;
    std::optional<bool> voiceCallerIdLookup;

    bool isEmpty() const { return toForm().isEmpty(); }
    FormFields toForm() const;
    // Empty when acceptable; otherwise what is wrong (bad SID, URL, method).
    QString check() const;
};

struct PhoneNumberFilter
{
    QString phoneNumber; // partial match, '*' = one digit
    QString friendlyName;
    FormFields toQuery() const;
};

struct SipDomain
{
    QString sid;
    QString domainName;
    QString friendlyName;
    QString authType;
    std::optional<QString> voiceUrl;
    std::optional<QString> voiceMethod;
    std::optional<QString> voiceFallbackUrl;
    std::optional<QString> voiceFallbackMethod;
    bool secure = false;
    bool sipRegistration = false;
    bool emergencyCallingEnabled = false;
    std::optional<QString> emergencyCallerSid;
    QJsonObject raw;

    static SipDomain fromJson(const QJsonObject &json);
};

// Create (domainName required) and update parameters of a SIP domain; unset = not sent.
struct SipDomainParams
{
    std::optional<QString> domainName;
    std::optional<QString> friendlyName;
    std::optional<QString> voiceUrl;
    std::optional<QString> voiceMethod;
    std::optional<QString> voiceFallbackUrl;
    std::optional<QString> voiceFallbackMethod;
    std::optional<QString> voiceStatusCallbackUrl;
    std::optional<QString> voiceStatusCallbackMethod;
    std::optional<bool> sipRegistration;
    std::optional<bool> secure;
    std::optional<bool> emergencyCallingEnabled;
    std::optional<QString> emergencyCallerSid; // PN... whose address emergency calls use

    FormFields toForm() const;
    QString check() const;
};

// An IP access control list (AL…) or credential list (CL…), at account level, on a trunk, or
// mapped to a domain: all share sid + friendly_name, the rest stays in raw.
struct SipAuthList
{
    QString sid;
    QString friendlyName;
    QJsonObject raw;

    static SipAuthList fromJson(const QJsonObject &json);
};

struct CallRecord
{
    QString sid;
    std::optional<QString> parentCallSid;
    QString from;
    QString to;
    QString status;
    QString direction;
    QString startTime; // RFC 2822, as Twilio sends it
    int durationSeconds = 0;
    std::optional<QString> trunkSid;
    std::optional<QString> phoneNumberSid;
    QJsonObject raw;

    static CallRecord fromJson(const QJsonObject &json);
};

// Calls list filters; empty = not sent. Dates as YYYY-MM-DD or ISO 8601.
struct CallFilter
{
    QString to;
    QString from;
    QString status;
    QString parentCallSid;
    QString startTime;       // StartTime=
    QString startTimeAfter;  // StartTime>  (on or after)
    QString startTimeBefore; // StartTime<
    FormFields toQuery() const;
    QString check() const;
};
