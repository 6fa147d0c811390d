#include "voiceresources.h"

#include "jsonfields.h"
#include "validation.h"

#include <QCoreApplication>

using namespace JsonFields;

namespace {

void put(FormFields &form, const char *key, const std::optional<QString> &value)
{
    if (value)
        form.append({QLatin1String(key), *value});
}

void put(FormFields &form, const char *key, const std::optional<bool> &value)
{
    if (value)
        form.append(
            {QLatin1String(key), *value ? QStringLiteral("true") : QStringLiteral("false")});
}

void put(FormFields &form, const char *key, const QString &value)
{
    if (!value.isEmpty())
        form.append({QLatin1String(key), value});
}

QString checkMethod(const std::optional<QString> &method)
{
    if (!method || method->isEmpty() || *method == QLatin1String("GET") ||
        *method == QLatin1String("POST"))
        return {};
    return QCoreApplication::translate("TwilioResources", "\"%1\" is not GET or POST.")
        .arg(method->left(20));
}

QString checkUrl(const std::optional<QString> &url)
{
    if (!url || url->isEmpty())
        return {};
    return Validation::checkWebhookUrl(QUrl(*url, QUrl::StrictMode));
}

QString firstProblem(std::initializer_list<QString> problems)
{
    for (const QString &problem : problems)
        if (!problem.isEmpty())
            return problem;
    return {};
}

} // namespace

TwilioAccount TwilioAccount::fromJson(const QJsonObject &json)
{
    TwilioAccount account;
    account.sid = str(json, "sid");
    account.ownerAccountSid = str(json, "owner_account_sid");
    account.friendlyName = str(json, "friendly_name");
    account.status = str(json, "status");
    account.type = str(json, "type");
    account.raw = json;
    account.raw.remove(QLatin1String("auth_token"));
    return account;
}

IncomingPhoneNumber IncomingPhoneNumber::fromJson(const QJsonObject &json)
{
    IncomingPhoneNumber number;
    number.sid = str(json, "sid");
    number.phoneNumber = str(json, "phone_number");
    number.friendlyName = str(json, "friendly_name");
    number.voiceUrl = optStr(json, "voice_url");
    number.voiceMethod = optStr(json, "voice_method");
    number.voiceFallbackUrl = optStr(json, "voice_fallback_url");
    number.voiceFallbackMethod = optStr(json, "voice_fallback_method");
    number.statusCallback = optStr(json, "status_callback");
    number.statusCallbackMethod = optStr(json, "status_callback_method");
    number.voiceApplicationSid = optStr(json, "voice_application_sid");
    number.trunkSid = optStr(json, "trunk_sid");
    number.raw = json;
    return number;
}

FormFields IncomingPhoneNumberUpdate::toForm() const
{
    FormFields form;
    put(form, "VoiceUrl", voiceUrl);
    put(form, "VoiceMethod", voiceMethod);
    put(form, "VoiceFallbackUrl", voiceFallbackUrl);
    put(form, "VoiceFallbackMethod", voiceFallbackMethod);
    put(form, "StatusCallback", statusCallback);
    put(form, "StatusCallbackMethod", statusCallbackMethod);
    put(form, "VoiceApplicationSid", voiceApplicationSid);
    put(form, "TrunkSid", trunkSid);
    return form;
}

QString IncomingPhoneNumberUpdate::check() const
{
    const auto sidProblem = [](const std::optional<QString> &sid, const char *prefix,
                               const QString &what) {
        return (!sid || sid->isEmpty()) ? QString() : Validation::checkSid(*sid, prefix, what);
    };
    return firstProblem(
        {checkUrl(voiceUrl), checkUrl(voiceFallbackUrl), checkUrl(statusCallback),
         checkMethod(voiceMethod), checkMethod(voiceFallbackMethod),
         checkMethod(statusCallbackMethod),
         sidProblem(voiceApplicationSid, "AP", QStringLiteral("VoiceApplicationSid")),
         sidProblem(trunkSid, "TK", QStringLiteral("TrunkSid"))});
}

FormFields PhoneNumberFilter::toQuery() const
{
    FormFields query;
    put(query, "PhoneNumber", phoneNumber);
    put(query, "FriendlyName", friendlyName);
    return query;
}

SipDomain SipDomain::fromJson(const QJsonObject &json)
{
    SipDomain domain;
    domain.sid = str(json, "sid");
    domain.domainName = str(json, "domain_name");
    domain.friendlyName = str(json, "friendly_name");
    domain.authType = str(json, "auth_type");
    domain.voiceUrl = optStr(json, "voice_url");
    domain.voiceMethod = optStr(json, "voice_method");
    domain.secure = boolean(json, "secure");
    domain.sipRegistration = boolean(json, "sip_registration");
    domain.raw = json;
    return domain;
}

FormFields SipDomainParams::toForm() const
{
    FormFields form;
    put(form, "DomainName", domainName);
    put(form, "FriendlyName", friendlyName);
    put(form, "VoiceUrl", voiceUrl);
    put(form, "VoiceMethod", voiceMethod);
    put(form, "VoiceFallbackUrl", voiceFallbackUrl);
    put(form, "VoiceFallbackMethod", voiceFallbackMethod);
    put(form, "VoiceStatusCallbackUrl", voiceStatusCallbackUrl);
    put(form, "VoiceStatusCallbackMethod", voiceStatusCallbackMethod);
    put(form, "SipRegistration", sipRegistration);
    put(form, "Secure", secure);
    put(form, "EmergencyCallingEnabled", emergencyCallingEnabled);
    return form;
}

QString SipDomainParams::check() const
{
    QString nameProblem;
    if (domainName && (!Validation::isHostName(*domainName) ||
                       !domainName->endsWith(QLatin1String(".sip.twilio.com"))))
        nameProblem =
            QCoreApplication::translate(
                "TwilioResources", "\"%1\" is not a SIP domain name ending in .sip.twilio.com.")
                .arg(domainName->left(100));
    return firstProblem({nameProblem, checkUrl(voiceUrl), checkUrl(voiceFallbackUrl),
                         checkUrl(voiceStatusCallbackUrl), checkMethod(voiceMethod),
                         checkMethod(voiceFallbackMethod), checkMethod(voiceStatusCallbackMethod)});
}

SipAuthList SipAuthList::fromJson(const QJsonObject &json)
{
    return SipAuthList{str(json, "sid"), str(json, "friendly_name"), json};
}

CallRecord CallRecord::fromJson(const QJsonObject &json)
{
    CallRecord call;
    call.sid = str(json, "sid");
    call.parentCallSid = optStr(json, "parent_call_sid");
    call.from = str(json, "from");
    call.to = str(json, "to");
    call.status = str(json, "status");
    call.direction = str(json, "direction");
    call.startTime = str(json, "start_time");
    call.durationSeconds = intOrString(json, "duration");
    call.trunkSid = optStr(json, "trunk_sid");
    call.phoneNumberSid = optStr(json, "phone_number_sid");
    call.raw = json;
    return call;
}

FormFields CallFilter::toQuery() const
{
    FormFields query;
    put(query, "To", to);
    put(query, "From", from);
    put(query, "Status", status);
    put(query, "ParentCallSid", parentCallSid);
    put(query, "StartTime", startTime);
    put(query, "StartTime>", startTimeAfter);
    put(query, "StartTime<", startTimeBefore);
    return query;
}

QString CallFilter::check() const
{
    if (!parentCallSid.isEmpty())
        return Validation::checkSid(parentCallSid, "CA", QStringLiteral("ParentCallSid"));
    return {};
}
