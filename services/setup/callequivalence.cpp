#include "callequivalence.h"

#include "originationpicker.h"
#include "validation.h"

#include <QUrl>

#include <algorithm>

namespace {
// Calling code -> country, for the countries the generated handlers know (CallBehaviour).
// Longest codes first so "+353" is not read as "+35".
struct CallingCode
{
    const char *prefix;
    const char *country;
};
constexpr CallingCode CallingCodes[] = {{"+353", "IE"}, {"+61", "AU"}, {"+64", "NZ"}, {"+44", "GB"},
                                        {"+49", "DE"},  {"+33", "FR"}, {"+1", "US"}};
} // namespace

CallEquivalence::CallEquivalence(const TrunkSummary &trunk, const CallChoices &choices,
                                 std::optional<bool> secure)
    : m_trunk(trunk)
    , m_choices(choices)
    , m_secure(secure.value_or(trunk.secure))
{}

QString CallEquivalence::countryOf(const QString &e164)
{
    for (const CallingCode &code : CallingCodes)
        if (e164.startsWith(QLatin1String(code.prefix)))
            return QString::fromLatin1(code.country);
    return {};
}

QStringList CallEquivalence::droppable()
{
    return {QStringLiteral("recording"), QStringLiteral("transfers"),
            QStringLiteral("disaster-recovery"), QStringLiteral("emergency"),
            QStringLiteral("caller-name")};
}

QVector<OriginationInfo> CallEquivalence::enabledUrls() const
{
    QVector<OriginationInfo> urls;
    for (const OriginationInfo &url : m_trunk.originationUrls)
        if (url.enabled)
            urls.append(url);
    // The order the trunk tries them in; the handler shares load by weight within a priority.
    std::stable_sort(
        urls.begin(), urls.end(),
        [](const OriginationInfo &a, const OriginationInfo &b) { return a.priority < b.priority; });
    return urls;
}

QString CallEquivalence::check() const
{
    const CallChoices &c = m_choices;
    for (const QString &setting : c.dropped)
        if (!droppable().contains(setting))
            return tr("\"%1\" is not a setting that can be dropped (%2).")
                .arg(setting.left(40), droppable().join(QStringLiteral(", ")));
    if (!c.fallbackUrl.isEmpty()) {
        if (const QString e = Validation::checkWebhookUrl(QUrl(c.fallbackUrl, QUrl::StrictMode));
            !e.isEmpty())
            return tr("The fallback URL: %1").arg(e);
        // The fallback answers when the Functions service does not: on the same service it
        // would fail with it.
        if (QUrl(c.fallbackUrl).host().endsWith(QLatin1String(".twil.io")))
            return tr("The fallback URL must not be a Twilio Functions address: it answers when "
                      "the Functions service does not.");
    }
    if (c.ringTimeoutSeconds < 5 || c.ringTimeoutSeconds > CallBehaviour::MaxRingTimeout)
        return tr("The ring time must be 5 to %1 seconds.").arg(CallBehaviour::MaxRingTimeout);
    if (c.timeLimitSeconds < 60 || c.timeLimitSeconds > CallBehaviour::MaxTimeLimit)
        return tr("The call time limit must be 60 to %1 seconds.").arg(CallBehaviour::MaxTimeLimit);
    if (!c.country.isEmpty() && !CallBehaviour::countries().contains(c.country))
        return tr("\"%1\" is not a country the handlers know (%2).")
            .arg(c.country.left(10), CallBehaviour::countries().join(QStringLiteral(", ")));
    if (!c.emergencyCallerSid.isEmpty())
        if (const QString e = Validation::checkSid(c.emergencyCallerSid, "PN",
                                                   tr("The emergency caller number SID"));
            !e.isEmpty())
            return e;
    // Twilio accepts only an emergency-enabled number; the trunk's with an address are known.
    if (!c.emergencyCallerSid.isEmpty() &&
        std::none_of(m_trunk.numbers.emergencyNumbers.cbegin(),
                     m_trunk.numbers.emergencyNumbers.cend(),
                     [&](const NumberUrl &n) { return n.sid == c.emergencyCallerSid; }))
        return tr("The emergency caller %1 is not one of this trunk's numbers with a registered "
                  "emergency address.")
            .arg(c.emergencyCallerSid);
    if (!c.defaultCallerId.isEmpty() && !Validation::isE164(c.defaultCallerId))
        return tr("The default caller ID \"%1\" is not an E.164 number.")
            .arg(c.defaultCallerId.left(20));
    return {};
}

QString CallEquivalence::unacknowledgedChanges() const
{
    const EquivalenceReport r = report();
    QStringList titles;
    for (const QString &setting : r.unacknowledged(m_choices.accepted))
        if (setting != QLatin1String("fax-numbers"))
            titles.append(QStringLiteral("%1 (%2)").arg(r.item(setting)->title, setting));
    if (titles.isEmpty())
        return {};
    return EquivalenceReport::acknowledgementRefusal(titles);
}

QString CallEquivalence::fallbackUrl() const
{
    if (!m_choices.fallbackUrl.isEmpty())
        return m_choices.fallbackUrl;
    if (m_choices.fallbackToDisasterRecovery && carries(QStringLiteral("disaster-recovery")))
        return m_trunk.calls.disasterRecoveryUrl;
    return {};
}

QString CallEquivalence::fallbackMethod() const
{
    const QString method = m_trunk.calls.disasterRecoveryMethod.toUpper();
    if (m_choices.fallbackUrl.isEmpty() && !fallbackUrl().isEmpty() && method == "GET")
        return method;
    return QStringLiteral("POST");
}

bool CallEquivalence::emergencyCalling() const
{
    return !m_trunk.numbers.emergencyNumbers.isEmpty() && carries(QStringLiteral("emergency"));
}

QString CallEquivalence::country() const
{
    if (!m_choices.country.isEmpty())
        return m_choices.country;
    return m_trunk.numbers.countries.value(0);
}

CallBehaviour CallEquivalence::behaviour() const
{
    CallBehaviour b;
    // A PBX domain typed by the administrator replaces the table: the handler dials it alone
    // (PBX_DOMAIN), which the report lists as a lost failover when the trunk had several.
    if (m_choices.pbxDomain.isEmpty()) {
        for (const OriginationInfo &url : enabledUrls())
            b.targets.append(OriginationTarget{url.sipUrl, url.priority, url.weight});
    }
    const TrunkCallSettings &calls = m_trunk.calls;
    if (carries(QStringLiteral("disaster-recovery")) && !calls.disasterRecoveryUrl.isEmpty()) {
        b.disasterRecoveryUrl = calls.disasterRecoveryUrl;
        b.disasterRecoveryMethod = calls.disasterRecoveryMethod;
    }
    b.passCallerName = calls.cnamLookupEnabled && carries(QStringLiteral("caller-name"));
    b.ringTimeoutSeconds = m_choices.ringTimeoutSeconds;
    b.timeLimitSeconds = m_choices.timeLimitSeconds;
    // What the report calls unknown is not carried, whatever stands in for it.
    if (carries(QStringLiteral("recording")) && !calls.recordingMode.isEmpty() &&
        !calls.unknown.contains(QLatin1String("recording"))) {
        b.recordingMode = calls.recordingMode;
        if (!calls.recordingTrim.isEmpty())
            b.recordingTrim = calls.recordingTrim;
    }
    if (carries(QStringLiteral("transfers")) && !calls.transferMode.isEmpty() &&
        !calls.unknown.contains(QLatin1String("transfers"))) {
        b.transferMode = calls.transferMode;
        if (!calls.transferCallerId.isEmpty())
            b.transferCallerId = calls.transferCallerId;
    }
    b.country = country();
    b.defaultCallerId = m_choices.defaultCallerId;
    // The emergency caller is named by SID; the handler needs its number.
    for (const NumberUrl &n : m_trunk.numbers.emergencyNumbers)
        if (n.sid == m_choices.emergencyCallerSid)
            b.emergencyCallerId = n.phoneNumber;
    return b;
}

IncomingPhoneNumberUpdate
CallEquivalence::numberUpdate(const IncomingPhoneNumber &number, const QString &fallbackUrl,
                              const QString &fallbackMethod, CallChoices::StaleUrl staleFallback,
                              CallChoices::StaleUrl staleStatusCallback, bool callerIdLookup)
{
    // A number's own fallback and status callback did nothing while it sat on the trunk; off
    // it they would act again, so they follow the administrator's choice. An empty value
    // clears; the backup keeps the originals for a revert. Only what differs is sent.
    IncomingPhoneNumberUpdate update;
    const QString ownFallback = number.voiceFallbackUrl.value_or(QString());
    const bool keepOwn = staleFallback == CallChoices::StaleUrl::Keep && !ownFallback.isEmpty();
    // Replace and Clear alike: the new fallback, or none when there is none.
    const bool otherMethod =
        !fallbackUrl.isEmpty() && number.voiceFallbackMethod.value_or(QStringLiteral("POST"))
                                          .compare(fallbackMethod, Qt::CaseInsensitive) != 0;
    if (!keepOwn && (fallbackUrl != ownFallback || otherMethod)) {
        update.voiceFallbackUrl = fallbackUrl;
        if (!fallbackUrl.isEmpty())
            update.voiceFallbackMethod = fallbackMethod;
    }
    if (staleStatusCallback != CallChoices::StaleUrl::Keep &&
        !number.statusCallback.value_or(QString()).isEmpty())
        update.statusCallback = QString(QLatin1String(""));
    if (callerIdLookup && !number.voiceCallerIdLookup)
        update.voiceCallerIdLookup = true;
    return update;
}

IncomingPhoneNumberUpdate CallEquivalence::numberUpdate(const IncomingPhoneNumber &number) const
{
    return numberUpdate(number, fallbackUrl(), fallbackMethod(), m_choices.staleFallback,
                        m_choices.staleStatusCallback,
                        m_trunk.calls.cnamLookupEnabled && carries(QStringLiteral("caller-name")));
}

QString CallEquivalence::describe(const IncomingPhoneNumberUpdate &update)
{
    QString text;
    if (update.voiceFallbackUrl)
        text += QStringLiteral("; voice_fallback_url=%1").arg(*update.voiceFallbackUrl);
    if (update.voiceFallbackMethod && *update.voiceFallbackMethod != QLatin1String("POST"))
        text += QStringLiteral("; voice_fallback_method=%1").arg(*update.voiceFallbackMethod);
    if (update.statusCallback)
        text += QStringLiteral("; status_callback=%1").arg(*update.statusCallback);
    if (update.voiceCallerIdLookup)
        text += QStringLiteral("; voice_caller_id_lookup=true");
    return text;
}
