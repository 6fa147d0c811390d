#include "voiceresources.h"

#include "jsonfields.h"
#include "validation.h"
#include "wirefields.h"

#include <QCoreApplication>

using namespace JsonFields;

namespace {

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
    using N = IncomingPhoneNumber;
    static const WireField<N> fields[] = {
        {"sid", &N::sid},
        {"phone_number", &N::phoneNumber},
        {"friendly_name", &N::friendlyName},
        {"voice_url", &N::voiceUrl},
        {"voice_method", &N::voiceMethod},
        {"voice_fallback_url", &N::voiceFallbackUrl},
        {"voice_fallback_method", &N::voiceFallbackMethod},
        {"status_callback", &N::statusCallback},
        {"status_callback_method", &N::statusCallbackMethod},
        {"voice_application_sid", &N::voiceApplicationSid},
        {"trunk_sid", &N::trunkSid},
        {"voice_receive_mode", &N::voiceReceiveMode},
        {"voice_caller_id_lookup", &N::voiceCallerIdLookup},
        {"emergency_status", &N::emergencyStatus},
        {"emergency_address_sid", &N::emergencyAddressSid},
        {"emergency_address_status", &N::emergencyAddressStatus},
    };
    IncomingPhoneNumber number = readFields(json, fields);
    number.raw = json;
    return number;
}

bool IncomingPhoneNumber::hasEmergencyAddress() const
{
    // An address registered for the number, or emergency calling switched on for it: either way
    // the administrator set the number up to make emergency calls.
    return emergencyStatus.value_or(QString()) == QLatin1String("Active") ||
           !emergencyAddressSid.value_or(QString()).isEmpty();
}

FormFields IncomingPhoneNumberUpdate::toForm() const
{
    using U = IncomingPhoneNumberUpdate;
    static const WireField<U> fields[] = {
        {"VoiceUrl", &U::voiceUrl},
        {"VoiceMethod", &U::voiceMethod},
        {"VoiceFallbackUrl", &U::voiceFallbackUrl},
        {"VoiceFallbackMethod", &U::voiceFallbackMethod},
        {"StatusCallback", &U::statusCallback},
        {"StatusCallbackMethod", &U::statusCallbackMethod},
        {"VoiceApplicationSid", &U::voiceApplicationSid},
        {"TrunkSid", &U::trunkSid},
        {"VoiceCallerIdLookup", &U::voiceCallerIdLookup},
    };
    return formFields(*this, fields);
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
    using F = PhoneNumberFilter;
    static const WireField<F> fields[] = {
        {"PhoneNumber", &F::phoneNumber},
        {"FriendlyName", &F::friendlyName},
    };
    return formFields(*this, fields);
}

SipDomain SipDomain::fromJson(const QJsonObject &json)
{
    using D = SipDomain;
    static const WireField<D> fields[] = {
        {"sid", &D::sid},
        {"domain_name", &D::domainName},
        {"friendly_name", &D::friendlyName},
        {"auth_type", &D::authType},
        {"voice_url", &D::voiceUrl},
        {"voice_method", &D::voiceMethod},
        {"voice_fallback_url", &D::voiceFallbackUrl},
        {"voice_fallback_method", &D::voiceFallbackMethod},
        {"secure", &D::secure},
        {"sip_registration", &D::sipRegistration},
        {"emergency_calling_enabled", &D::emergencyCallingEnabled},
        {"emergency_caller_sid", &D::emergencyCallerSid},
    };
    SipDomain domain = readFields(json, fields);
    domain.raw = json;
    return domain;
}

FormFields SipDomainParams::toForm() const
{
    using P = SipDomainParams;
    static const WireField<P> fields[] = {
        {"DomainName", &P::domainName},
        {"FriendlyName", &P::friendlyName},
        {"VoiceUrl", &P::voiceUrl},
        {"VoiceMethod", &P::voiceMethod},
        {"VoiceFallbackUrl", &P::voiceFallbackUrl},
        {"VoiceFallbackMethod", &P::voiceFallbackMethod},
        {"VoiceStatusCallbackUrl", &P::voiceStatusCallbackUrl},
        {"VoiceStatusCallbackMethod", &P::voiceStatusCallbackMethod},
        {"SipRegistration", &P::sipRegistration},
        {"Secure", &P::secure},
        {"EmergencyCallingEnabled", &P::emergencyCallingEnabled},
        {"EmergencyCallerSid", &P::emergencyCallerSid},
    };
    return formFields(*this, fields);
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
    const QString callerProblem =
        (!emergencyCallerSid || emergencyCallerSid->isEmpty())
            ? QString()
            : Validation::checkSid(*emergencyCallerSid, "PN", QStringLiteral("EmergencyCallerSid"));
    return firstProblem({nameProblem, callerProblem, checkUrl(voiceUrl), checkUrl(voiceFallbackUrl),
                         checkUrl(voiceStatusCallbackUrl), checkMethod(voiceMethod),
                         checkMethod(voiceFallbackMethod), checkMethod(voiceStatusCallbackMethod)});
}

SipAuthList SipAuthList::fromJson(const QJsonObject &json)
{
    return SipAuthList{str(json, "sid"), str(json, "friendly_name"), json};
}

CallRecord CallRecord::fromJson(const QJsonObject &json)
{
    using C = CallRecord;
    static const WireField<C> fields[] = {
        {"sid", &C::sid},
        {"parent_call_sid", &C::parentCallSid},
        {"from", &C::from},
        {"to", &C::to},
        {"status", &C::status},
        {"direction", &C::direction},
        {"start_time", &C::startTime},
        {"duration", &C::durationSeconds},
        {"trunk_sid", &C::trunkSid},
        {"phone_number_sid", &C::phoneNumberSid},
    };
    CallRecord call = readFields(json, fields);
    call.raw = json;
    return call;
}

FormFields CallFilter::toQuery() const
{
    using F = CallFilter;
    static const WireField<F> fields[] = {
        {"To", &F::to},
        {"From", &F::from},
        {"Status", &F::status},
        {"ParentCallSid", &F::parentCallSid},
        {"StartTime", &F::startTime},
        {"StartTime>", &F::startTimeAfter},
        {"StartTime<", &F::startTimeBefore},
    };
    return formFields(*this, fields);
}

QString CallFilter::check() const
{
    if (!parentCallSid.isEmpty())
        return Validation::checkSid(parentCallSid, "CA", QStringLiteral("ParentCallSid"));
    return {};
}
