// CallEquivalence::report(): one item per trunk setting, in the words of a voice engineer.
#include "callequivalence.h"

#include "originationpicker.h"

#include <QUrl>

namespace {
using Carry = EquivalenceItem::Carry;

EquivalenceItem item(const char *setting, const QString &title, const QString &onTrunk,
                     const QString &after, Carry carry, const QString &change = {})
{
    EquivalenceItem i;
    i.setting = QLatin1String(setting);
    i.title = title;
    i.onTrunk = onTrunk;
    i.after = after;
    i.carry = carry;
    i.change = change;
    // Whatever is lost must be acknowledged before a number moves (issue 8 §3).
    i.needsAcknowledgement = carry == Carry::Lost;
    return i;
}

QString numberList(const QVector<NumberUrl> &numbers, int shown = 5)
{
    QStringList list;
    for (int i = 0; i < numbers.size() && i < shown; ++i)
        list.append(numbers.at(i).phoneNumber);
    QString text = list.join(QStringLiteral(", "));
    if (numbers.size() > shown)
        text += QCoreApplication::translate("CallEquivalence", " and %n more", nullptr,
                                            int(numbers.size() - shown));
    return text;
}

QString recordingText(const TrunkCallSettings &calls)
{
    return QStringLiteral("%1, %2").arg(calls.recordingMode, calls.recordingTrim);
}
} // namespace

EquivalenceReport CallEquivalence::report() const
{
    EquivalenceReport report;
    report.trunkSid = m_trunk.sid;
    addRouting(report);
    addFallbacks(report);
    addCallFeatures(report);
    addNumbers(report);
    return report;
}

void CallEquivalence::addRouting(EquivalenceReport &report) const
{
    const QVector<OriginationInfo> urls = enabledUrls();
    QStringList table;
    bool userPart = false;
    for (const OriginationInfo &url : urls) {
        table.append(
            tr("%1 (priority %2, weight %3)").arg(url.sipUrl).arg(url.priority).arg(url.weight));
        const QString rest = url.sipUrl.section(u':', 1);
        userPart = userPart || rest.contains(u'@');
    }
    const QString onTrunk =
        urls.isEmpty() ? tr("No enabled origination URL.") : table.join(QStringLiteral("; "));
    if (!m_choices.pbxDomain.isEmpty() && urls.size() > 1) {
        report.items.append(item(
            "failover", tr("Origination failover"), onTrunk,
            tr("Only %1 is dialled.").arg(m_choices.pbxDomain), Carry::Lost,
            tr("When %1 does not answer, calls fail instead of moving to the next PBX address.")
                .arg(m_choices.pbxDomain)));
    } else if (!m_choices.pbxDomain.isEmpty()) {
        report.items.append(item("failover", tr("Origination URLs"), onTrunk,
                                 tr("%1 is dialled.").arg(m_choices.pbxDomain),
                                 urls.isEmpty() ? Carry::Translated : Carry::Same));
    } else {
        report.items.append(
            item("failover", tr("Origination failover"), onTrunk,
                 tr("/outboundHandler dials the same URLs in priority order, shares load by weight "
                    "and moves to the next one on no answer or on a failure the trunk fails over "
                    "on (503, 408, 480, 5xx...); port, transport and parameters are kept."),
                 urls.size() > 1 ? Carry::Translated : Carry::Same));
    }
    if (userPart)
        report.items.append(
            item("user-part", tr("User part of an origination URL"),
                 tr("An origination URL names a user (sip:user@host)."),
                 tr("The called number is sent as the user part, as for the other URLs."),
                 Carry::Translated,
                 tr("The PBX receives the called number where it received the fixed user name.")));
    const TrunkCallSettings &calls = m_trunk.calls;
    if (!calls.disasterRecoveryUrl.isEmpty()) {
        if (carries(QStringLiteral("disaster-recovery")))
            report.items.append(item("disaster-recovery", tr("Disaster-recovery URL"),
                                     calls.disasterRecoveryUrl,
                                     tr("Fetched with <Redirect> (%1) when every PBX address "
                                        "failed.")
                                         .arg(calls.disasterRecoveryMethod),
                                     Carry::Translated));
        else
            report.items.append(item("disaster-recovery", tr("Disaster-recovery URL"),
                                     calls.disasterRecoveryUrl, tr("Dropped by your choice."),
                                     Carry::Lost,
                                     tr("When the PBX is down, callers hear a short apology "
                                        "instead of the disaster-recovery service.")));
    }
    const bool downgrade = m_trunk.secure && !m_secure;
    report.items.append(
        item("secure", tr("Secure trunking (TLS + SRTP)"), m_trunk.secure ? tr("On") : tr("Off"),
             m_secure ? tr("The SIP domain requires TLS and SRTP; the PBX is dialled with "
                           ";secure=true.")
                      : tr("Plain SIP and RTP."),
             downgrade ? Carry::Lost : Carry::Same,
             downgrade ? tr("Signalling and media are no longer encrypted.") : QString()));
}

void CallEquivalence::addFallbacks(EquivalenceReport &report) const
{
    const QString fallback = fallbackUrl();
    if (!fallback.isEmpty())
        report.items.append(item("fallback", tr("When the handlers fail"),
                                 tr("The trunk needs no webhook."),
                                 tr("VoiceFallbackUrl %1 on the SIP domain and on every migrated "
                                    "number.")
                                     .arg(fallback),
                                 Carry::Translated));
    else
        report.items.append(
            item("fallback", tr("When the handlers fail"), tr("The trunk needs no webhook."),
                 tr("No fallback URL: give one, or keep the trunk's disaster-recovery URL."),
                 Carry::Lost,
                 tr("If Twilio Functions fail or time out, callers hear Twilio's application-error "
                    "message in both directions.")));
    const auto stale = [&](const char *setting, const QString &title,
                           const QVector<NumberUrl> &numbers, CallChoices::StaleUrl policy,
                           const QString &replacement) {
        if (numbers.isEmpty())
            return;
        const QString onTrunk =
            tr("%n number(s) carry one the trunk ignored: %1", nullptr, int(numbers.size()))
                .arg(numberList(numbers));
        if (policy == CallChoices::StaleUrl::Keep)
            report.items.append(item(setting, title, onTrunk, tr("Kept by your choice."),
                                     Carry::Lost,
                                     tr("The old URL starts receiving these numbers' calls.")));
        else if (policy == CallChoices::StaleUrl::Replace && !replacement.isEmpty())
            report.items.append(
                item(setting, title, onTrunk,
                     tr("Replaced by %1; a revert restores the old one.").arg(replacement),
                     Carry::Translated));
        else
            report.items.append(item(setting, title, onTrunk, tr("Cleared; a revert restores it."),
                                     Carry::Translated));
    };
    stale("stale-fallback", tr("Numbers' own fallback URLs"), m_trunk.numbers.staleFallbackUrls,
          m_choices.staleFallback, fallback);
    stale("stale-status-callback", tr("Numbers' own status callbacks"),
          m_trunk.numbers.staleStatusCallbacks, m_choices.staleStatusCallback, {});
}

void CallEquivalence::addCallFeatures(EquivalenceReport &report) const
{
    const TrunkCallSettings &calls = m_trunk.calls;
    // What Twilio did not say cannot be carried: the handlers do without it, and the
    // administrator, who knows the trunk, acknowledges that.
    if (calls.unknown.contains(QLatin1String("recording")))
        report.items.append(item("recording", tr("Call recording"),
                                 tr("Unknown: Twilio's answer did not include it."),
                                 tr("Calls are not recorded."), Carry::Lost,
                                 tr("If the trunk recorded calls, they are no longer recorded.")));
    if (calls.unknown.contains(QLatin1String("transfers")))
        report.items.append(item("transfers", tr("Call transfer (SIP REFER)"),
                                 tr("Unknown: Twilio's answer did not include it."),
                                 tr("Transfers are refused."), Carry::Lost,
                                 tr("If the trunk allowed transfers, a transfer from the PBX "
                                    "fails.")));
    if (calls.recordingMode != QLatin1String("do-not-record") && !calls.recordingMode.isEmpty() &&
        !calls.unknown.contains(QLatin1String("recording"))) {
        if (carries(QStringLiteral("recording")))
            report.items.append(item("recording", tr("Call recording"), recordingText(calls),
                                     tr("<Dial record> with the same mode and trim in both "
                                        "directions."),
                                     Carry::Translated));
        else
            report.items.append(item("recording", tr("Call recording"), recordingText(calls),
                                     tr("Dropped by your choice."), Carry::Lost,
                                     tr("Calls are no longer recorded.")));
    }
    if (calls.transferMode != QLatin1String("disable-all") && !calls.transferMode.isEmpty() &&
        !calls.unknown.contains(QLatin1String("transfers"))) {
        const QString onTrunk =
            QStringLiteral("%1, %2").arg(calls.transferMode, calls.transferCallerId);
        if (carries(QStringLiteral("transfers")))
            report.items.append(item("transfers", tr("Call transfer (SIP REFER)"), onTrunk,
                                     tr("<Dial referUrl> to /referHandler, which dials the "
                                        "transfer target with the trunk's caller-ID rule."),
                                     Carry::Translated));
        else
            report.items.append(item("transfers", tr("Call transfer (SIP REFER)"), onTrunk,
                                     tr("Dropped by your choice."), Carry::Lost,
                                     tr("A transfer from the PBX fails (Twilio error 13802).")));
    }
    report.items.append(item("answer-supervision", tr("Answer supervision"),
                             tr("The caller is answered when the far end answers."),
                             tr("<Dial answerOnBridge> in both directions."), Carry::Same));
    report.items.append(item(
        "ring-timeout", tr("Ring time"), tr("Rings until answered or abandoned."),
        tr("Rings up to %n second(s).", nullptr, m_choices.ringTimeoutSeconds), Carry::Translated,
        m_choices.ringTimeoutSeconds < CallBehaviour::MaxRingTimeout
            ? tr("Unanswered calls stop ringing after %n second(s).", nullptr,
                 m_choices.ringTimeoutSeconds)
            : QString()));
    report.items.append(
        item("time-limit", tr("Longest call"), tr("No limit of its own."),
             tr("%n second(s) (<Dial timeLimit>).", nullptr, m_choices.timeLimitSeconds),
             Carry::Translated,
             tr("Calls end after %n hour(s).", nullptr, m_choices.timeLimitSeconds / 3600)));
    if (calls.cnamLookupEnabled)
        report.items.append(item(
            "caller-name", tr("Caller name (CNAM)"), tr("Looked up and sent in the From name."),
            carries(QStringLiteral("caller-name"))
                ? tr("Looked up (VoiceCallerIdLookup) and sent in the X-Caller-Name header.")
                : tr("Dropped by your choice."),
            carries(QStringLiteral("caller-name")) ? Carry::Translated : Carry::Lost,
            carries(QStringLiteral("caller-name"))
                ? tr("The PBX must read the X-Caller-Name header to show the name.")
                : tr("The PBX no longer shows callers' names.")));
    if (calls.symmetricRtpEnabled)
        report.items.append(item(
            "symmetric-rtp", tr("Symmetric RTP"), tr("On: media returned to where it came from."),
            tr("Programmable Voice has no such setting: media goes to the address in the "
               "PBX's SDP."),
            Carry::Lost,
            tr("A PBX behind NAT that relied on it may lose audio; check its SDP addresses.")));
    report.items.append(item(
        "sip-headers", tr("SIP headers"), tr("Diversion and X- headers passed through the trunk."),
        tr("The PBX gets Twilio's <Dial><Sip> headers; the Call SID "
           "travels in User-to-User when chosen."),
        Carry::Translated, tr("Diversion headers from the network are not passed on.")));
}

void CallEquivalence::addNumbers(EquivalenceReport &report) const
{
    const TrunkNumberFacts &numbers = m_trunk.numbers;
    if (!numbers.emergencyNumbers.isEmpty()) {
        const QString onTrunk = tr("%n number(s) with an emergency address: %1", nullptr,
                                   int(numbers.emergencyNumbers.size()))
                                    .arg(numberList(numbers.emergencyNumbers));
        const QString callerId = behaviour().emergencyCallerId;
        if (emergencyCalling())
            report.items.append(item(
                "emergency", tr("Emergency calling"), onTrunk,
                tr("Emergency calling is enabled on the SIP domain; the handler dials emergency "
                   "numbers, never rejects them.") +
                    u' ' +
                    (callerId.isEmpty()
                         ? tr("A call from an extension without a number brings no registered "
                              "address: Twilio sends it to a national emergency call centre.")
                         : tr("A call from an extension without a number shows %1.").arg(callerId)),
                Carry::Translated));
        else
            report.items.append(item("emergency", tr("Emergency calling"), onTrunk,
                                     tr("Dropped by your choice."), Carry::Lost,
                                     tr("Emergency calls from the PBX do not reach the "
                                        "emergency services with the registered address.")));
    }
    const QString country = this->country();
    report.items.append(
        item("caller-id", tr("Numbers dialled by the PBX"),
             tr("The trunk took E.164 numbers and the caller's own number as caller ID."),
             (country.isEmpty() ? tr("E.164 numbers are dialled; national numbers are refused.")
                                : tr("E.164 and %1 national numbers are dialled.").arg(country)) +
                 u' ' +
                 (m_choices.defaultCallerId.isEmpty()
                      ? tr("A call without a number as caller ID is refused.")
                      : tr("A call without a number as caller ID uses %1.")
                            .arg(m_choices.defaultCallerId)),
             Carry::Translated));
    if (!numbers.faxNumbers.isEmpty())
        report.items.append(
            item("fax-numbers", tr("Fax numbers"),
                 tr("%n number(s) receive faxes: %1", nullptr, int(numbers.faxNumbers.size()))
                     .arg(numberList(numbers.faxNumbers)),
                 tr("The handlers carry voice calls only."), Carry::Lost,
                 tr("Faxes to these numbers stop arriving once they move.")));
}
