#include "demoequivalence.h"

namespace DemoEquivalence {

using Carry = EquivalenceItem::Carry;

void describe(TrunkSummary &trunk)
{
    TrunkCallSettings &calls = trunk.calls;
    calls.recordingMode = QStringLiteral("record-from-ringing");
    calls.recordingTrim = QStringLiteral("trim-silence");
    calls.transferMode = QStringLiteral("enable-all");
    calls.transferCallerId = QStringLiteral("from-transferee");
    calls.cnamLookupEnabled = true;
    calls.symmetricRtpEnabled = true;
    calls.disasterRecoveryUrl = QStringLiteral("https://dr.acme.example/voice");
    TrunkNumberFacts &numbers = trunk.numbers;
    numbers.emergencyNumbers = {{QStringLiteral("PN00000000000000000000000000000001"),
                                 QStringLiteral("+61255501001"), QString()}};
    numbers.faxNumbers = {{QStringLiteral("PN00000000000000000000000000000005"),
                           QStringLiteral("+61255501005"), QString()}};
    numbers.staleFallbackUrls = {{QStringLiteral("PN00000000000000000000000000000002"),
                                  QStringLiteral("+61255501002"),
                                  QStringLiteral("https://old-ivr.acme.example/fallback")}};
    numbers.staleStatusCallbacks = {{QStringLiteral("PN00000000000000000000000000000003"),
                                     QStringLiteral("+61255501003"),
                                     QStringLiteral("https://crm.acme.example/status")}};
    numbers.countries = {QStringLiteral("AU")};
}

EquivalenceItem item(const QString &setting, const QString &title, Carry carry,
                     const QString &change)
{
    EquivalenceItem i;
    i.setting = setting;
    i.title = title;
    i.onTrunk = QStringLiteral("What the trunk did about ") + title.toLower() + u'.';
    i.after = QStringLiteral("How the handlers do it.");
    i.change = change;
    i.carry = carry;
    i.needsAcknowledgement = carry == Carry::Lost;
    return i;
}

EquivalenceReport report(const QString &trunkSid)
{
    const auto row = [](const char *setting, const char *title, const char *onTrunk,
                        const char *after, Carry carry, const char *change = "") {
        EquivalenceItem i =
            item(QLatin1String(setting), QLatin1String(title), carry, QLatin1String(change));
        i.onTrunk = QLatin1String(onTrunk);
        i.after = QLatin1String(after);
        return i;
    };
    EquivalenceReport r;
    r.trunkSid = trunkSid;
    r.items = {
        row("failover", "Origination failover",
            "sip:pbx1.acme.example:5060;transport=tcp (priority 10, weight 10); "
            "sip:pbx2.acme.example:5060 (priority 20, weight 10)",
            "/outboundHandler dials the same URLs in priority order, shares load by weight and "
            "moves to the next one on no answer or on a failure the trunk fails over on.",
            Carry::Translated),
        row("disaster-recovery", "Disaster-recovery URL", "https://dr.acme.example/voice",
            "Fetched with <Redirect> (POST) when every PBX address failed.", Carry::Translated),
        row("secure", "Secure trunking (TLS + SRTP)", "Off", "Plain SIP and RTP.", Carry::Same),
        row("fallback", "When the handlers fail", "The trunk needs no webhook.",
            "VoiceFallbackUrl https://dr.acme.example/voice on the SIP domain and on every "
            "migrated number.",
            Carry::Translated),
        row("stale-fallback", "Numbers' own fallback URLs",
            "1 number(s) carry one the trunk ignored: +61255501002",
            "Replaced by https://dr.acme.example/voice; a revert restores the old one.",
            Carry::Translated),
        row("recording", "Call recording", "record-from-ringing, trim-silence",
            "<Dial record> with the same mode and trim in both directions.", Carry::Translated),
        row("transfers", "Call transfer (SIP REFER)", "enable-all, from-transferee",
            "<Dial referUrl> to /referHandler, which dials the transfer target with the "
            "trunk's caller-ID rule.",
            Carry::Translated),
        row("answer-supervision", "Answer supervision",
            "The caller is answered when the far end answers.",
            "<Dial answerOnBridge> in both directions.", Carry::Same),
        row("ring-timeout", "Ring time", "Rings until answered or abandoned.",
            "Rings up to 600 second(s).", Carry::Translated),
        row("caller-name", "Caller name (CNAM)", "Looked up and sent in the From name.",
            "Looked up (VoiceCallerIdLookup) and sent in the X-Caller-Name header.",
            Carry::Translated, "The PBX must read the X-Caller-Name header to show the name."),
        row("symmetric-rtp", "Symmetric RTP", "On: media returned to where it came from.",
            "Programmable Voice has no such setting: media goes to the address in the PBX's "
            "SDP.",
            Carry::Lost,
            "A PBX behind NAT that relied on it may lose audio; check its SDP addresses."),
        row("emergency", "Emergency calling", "1 number(s) with an emergency address: +61255501001",
            "Emergency calling is enabled on the SIP domain; the handler dials emergency "
            "numbers, never rejects them.",
            Carry::Translated),
        row("fax-numbers", "Fax numbers", "1 number(s) receive faxes: +61255501005",
            "The handlers carry voice calls only.", Carry::Lost,
            "Faxes to these numbers stop arriving once they move."),
    };
    return r;
}

} // namespace DemoEquivalence
