#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <optional>

// Plain data exchanged between the migration engine and its front ends (wizard and CLI).
// No secrets in here except ConnectionSettings::secret, which never leaves memory.

// Where an operation failed, in the words of the Twilio answer when there was one.
struct OperationError
{
    int httpStatus = 0; // 0 when no HTTP answer came (network, timeout, local check)
    int twilioCode = 0; // Twilio's error code, e.g. 21232; 0 when none
    QString message;    // one sentence for an administrator
    QUrl moreInfo;      // https://www.twilio.com/docs/errors/<code>, when known
    QString requestId;  // Twilio-Request-Id of the failed answer
    bool isNull() const { return message.isEmpty() && httpStatus == 0 && twilioCode == 0; }
    bool operator==(const OperationError &o) const
    {
        return httpStatus == o.httpStatus && twilioCode == o.twilioCode && message == o.message &&
               moreInfo == o.moreInfo && requestId == o.requestId;
    }
    bool operator!=(const OperationError &o) const { return !(*this == o); }
};

// What the Connect page collects. sandbox=true ignores the rest and uses the embedded sandbox.
struct ConnectionSettings
{
    bool sandbox = true;
    bool keepSandbox = false; // the embedded sandbox's account and journal outlive the process
    QString accountSid;       // AC...
    QString apiKeySid;        // SK... or empty when the secret is the Auth Token
    QString secret;           // Auth Token or API Key secret: memory only
    QString region;           // e.g. "au1"; empty for the default (us1)
    QString edge;             // e.g. "sydney"; empty for none
    QUrl baseUrl;             // a standalone sandbox (CLI --base-url); empty otherwise
};

struct AccountInfo
{
    QString sid;
    QString friendlyName;
    QString status; // active | suspended | closed
    QString type;   // Trial | Full
    bool sandbox = false;
};

struct NamedSid
{
    QString sid;
    QString friendlyName;
};

struct OriginationInfo
{
    QString sid;
    QString friendlyName;
    QString sipUrl;
    int priority = 10;
    int weight = 10;
    bool enabled = true;
};

// What the trunk does for every call beyond routing it (Twilio's values, e.g. "enable-all").
struct TrunkCallSettings
{
    QString recordingMode = QStringLiteral("do-not-record");
    QString recordingTrim = QStringLiteral("do-not-trim");
    QString transferMode = QStringLiteral("disable-all");
    QString transferCallerId = QStringLiteral("from-transferee");
    bool cnamLookupEnabled = false;
    bool symmetricRtpEnabled = false;
    QString disasterRecoveryUrl; // empty when none
    QString disasterRecoveryMethod = QStringLiteral("POST");
    // "recording", "transfers": settings Twilio's answers did not give, so they cannot be
    // carried and are reported as lost (the defaults above stand in).
    QStringList unknown;
};

// A number of the trunk and the URL it carries that the trunk ignored.
struct NumberUrl
{
    QString sid;
    QString phoneNumber;
    QString url;
};

// What the trunk's numbers need that the migration must keep: read with the numbers.
struct TrunkNumberFacts
{
    QVector<NumberUrl> emergencyNumbers; // with an emergency address (url empty)
    QVector<NumberUrl> faxNumbers;       // voice_receive_mode=fax (url empty)
    QVector<NumberUrl> staleFallbackUrls;
    QVector<NumberUrl> staleStatusCallbacks;
    QStringList countries; // ISO 3166 alpha-2 of the numbers, most frequent first
};

struct TrunkSummary
{
    QString sid;
    QString friendlyName;
    QString terminationDomain; // e.g. acme.pstn.twilio.com
    bool secure = false;
    int numberCount = 0;
    QVector<OriginationInfo> originationUrls;
    QVector<NamedSid> ipAccessControlLists;
    QVector<NamedSid> credentialLists;
    TrunkCallSettings calls;
    TrunkNumberFacts numbers;
};

// What the administrator chose for the calls after the migration (the equivalence page, or
// the CLI's options). Defaults carry everything the trunk did.
struct CallChoices
{
    // The trunk's origination table is dialled as it is, unless a PBX domain is given: then
    // that one host (several enabled URLs collapse into one: acknowledged change).
    QString pbxDomain;
    // TLS + SRTP; unset = the trunk's own `secure`.
    std::optional<bool> secure;
    // VoiceFallbackUrl of the domain and of every migrated number: the administrator's own
    // URL, else the trunk's disaster-recovery URL (when fallbackToDisasterRecovery), else none.
    QString fallbackUrl;
    bool fallbackToDisasterRecovery = true;
    // What happens to a number's own voice_fallback_url / status_callback, which the trunk
    // ignored and which would come back to life once the number is off the trunk.
    enum class StaleUrl { Replace, Clear, Keep };
    StaleUrl staleFallback = StaleUrl::Replace; // Replace: with fallbackUrl (or cleared)
    StaleUrl staleStatusCallback = StaleUrl::Clear;
    int ringTimeoutSeconds = 600;
    int timeLimitSeconds = 86400;
    QString country;            // national numbers from the PBX; empty = the trunk numbers'
    QString emergencyCallerSid; // PN... for emergency calls without a usable caller ID
    QString defaultCallerId;    // E.164 for calls from extensions without a DID
    // Settings the administrator chose not to carry (EquivalenceItem::setting keys).
    QStringList dropped;
    // Changes acknowledged before step 4 (EquivalenceItem::setting keys).
    QStringList accepted;
};

// One line of the equivalence report: a trunk setting and what becomes of it.
struct EquivalenceItem
{
    enum class Carry { Same, Translated, Lost };
    QString setting; // stable key: "failover", "recording", "fax-numbers", ...
    QString title;   // "Origination failover"
    QString onTrunk; // what the trunk did
    QString after;   // how it is carried, or why it cannot be
    QString change;  // what callers notice; empty when nothing
    Carry carry = Carry::Same;
    bool needsAcknowledgement = false;
};

struct EquivalenceReport
{
    QString trunkSid;
    QVector<EquivalenceItem> items;
    // The settings that need an acknowledgement and are not in `accepted`.
    QStringList unacknowledged(const QStringList &accepted) const;
    const EquivalenceItem *item(const QString &setting) const;
    // The one sentence every step refuses with while `titles` ("Title (setting)") await an
    // acknowledgement; the wizard recognises it by its start.
    static QString acknowledgementRefusal(const QStringList &titles);
};

// UrlSet: still on the trunk but already carrying the new voice URL (a run stopped between the
// two changes, or a revert stopped half-way); it can be migrated on or reverted.
enum class NumberState {
    OnTrunk,
    Migrating,
    UrlSet,
    Migrated,
    Failed,
    Reverting,
    Reverted,
    NotOnTrunk
};

// A number as the front ends see it: what the engine reports and a row of the step-4 table.
struct NumberInfo
{
    QString sid;         // PN...
    QString phoneNumber; // E.164
    QString friendlyName;
    QString voiceUrl; // the current voice URL
    QString voiceMethod;
    QString trunkSid; // empty when off the trunk
    NumberState state = NumberState::OnTrunk;
    OperationError lastError; // of the last failure; null when none

    bool operator==(const NumberInfo &o) const
    {
        return sid == o.sid && phoneNumber == o.phoneNumber && friendlyName == o.friendlyName &&
               voiceUrl == o.voiceUrl && voiceMethod == o.voiceMethod && trunkSid == o.trunkSid &&
               state == o.state && lastError == o.lastError;
    }
    bool operator!=(const NumberInfo &o) const { return !(*this == o); }
};

// Step 1: PBX -> PSTN through a new SIP Domain.
struct InboundOptions
{
    QString trunkSid;
    QString domainPrefix; // "acme-pbx" -> acme-pbx.sip.twilio.com
    QString friendlyName;
    // Secure=true on the domain: TLS + SRTP. Unset: the trunk's own `secure`, in the wizard and
    // the CLI alike.
    std::optional<bool> secureMedia;
    QString serviceUniqueName = QStringLiteral("trunk-migrator");
    CallChoices calls;
};

struct InboundResult
{
    QString domainSid;
    QString domainName;                     // acme-pbx.sip.twilio.com
    QStringList sipUris;                    // sip:acme-pbx.sip.twilio.com and edge variants
    QUrl handlerUrl;                        // https://<env domain>/inboundHandler
    QVector<NamedSid> ipAccessControlLists; // now mapped to the domain for calls
    QVector<NamedSid> credentialLists;
    bool selfHosted = false;              // Functions unavailable: handlers exported
    QString exportedTo;                   // folder of the exported handler files
    QString note;                         // what the user must do by hand, if anything
    bool emergencyCallingEnabled = false; // as Twilio answered for the domain
};

// Step 2: PSTN -> PBX through each number's voice URL.
struct OutboundOptions
{
    QString trunkSid;
    QString pbxDomain;                // default: host of the best origination URL
    std::optional<bool> secure;       // ;secure=true; unset: the trunk's own `secure`
    QString edge;                     // ;edge=sydney
    bool callSidAsUserToUser = false; // ?User-to-User=CallSid
    QVector<QPair<QString, QString>> customParameters;
    QString testNumberSid;     // the one number pointed at the handler now
    QUrl selfHostedHandlerUrl; // when Functions are unavailable
    CallChoices calls;
};

struct OutboundResult
{
    QUrl handlerUrl; // https://<env domain>/outboundHandler
    QString testNumberSid;
    QString testPhoneNumber;
    bool selfHosted = false;
    QString exportedTo;
    QString note;
};

struct CallInfo
{
    QString sid;
    QString parentCallSid;
    QString from;
    QString to;
    QString direction;
    QString status;
    QDateTime startTime;
    QString duration;
};

// Verify (issue 9 §3): one point where a call's route now differs from its route on the trunk
// (stable field keys: docs/VERIFY.md).
struct RouteDifference
{
    QString field;
    QString expected; // on the trunk, with step 2's choices
    QString actual;   // now
};

struct NumberVerification
{
    QString sid;
    QString phoneNumber;
    bool moved = false;  // off the trunk: its own voice URL was followed; else the handler it gets
    bool checked = true; // false: not compared (see note)
    QString note;
    QString route; // the targets as the call tries them now
    QVector<RouteDifference> differences;
};

struct VerifyReport
{
    QString trunkSid;
    QString method; // how the routes were obtained (signed requests; simulated calls)
    QVector<NumberVerification> numbers;
    QVector<RouteDifference> account; // emergency calling, the SIP domain's handler
    QStringList acceptedChanges;      // what step 2's report said changes, acknowledged
    // Something could not be checked (a number unreadable, a handler that never answered): the
    // differences listed are not the whole truth.
    bool incomplete = false;
    bool same() const;
    int differentCount() const; // numbers with a difference, plus one for account differences
};

// A call placed on the sandbox (MigrationBackend::placeTestCall): its legs as the Calls
// resource lists them, and each routing step in words ("Dial sip:…@pbx.example.net: busy").
struct TestCallResult
{
    QVector<CallInfo> legs;
    QStringList route;
};

// Faults for the sandbox's test calls, so failover and fallback can be seen: SIP hosts that do
// not answer, and every deployed Function failing (a handler error).
struct TestCallFaults
{
    QStringList downHosts;
    bool handlersFail = false;
};

// The sandbox's own API faults (docs/SANDBOX.md, /_sandbox/Faults), so a failure, Retry, a
// rate limit and the recovery from a lost answer can be seen in the wizard. Rates 0..1.
struct SandboxApiFaults
{
    double failRate = 0.0;       // answered 500/503 before anything is applied
    double writeFailRate = 0.0;  // ... writes only (POST, DELETE); reads are answered
    double lostAnswerRate = 0.0; // a write is applied, then the connection drops unanswered
    int rateLimit = 0;           // more requests than this in flight get 429 / 20429; 0 = off
    int latencyMs = 0;           // added to every answer

    bool operator==(const SandboxApiFaults &o) const
    {
        return failRate == o.failRate && writeFailRate == o.writeFailRate &&
               lostAnswerRate == o.lostAnswerRate && rateLimit == o.rateLimit &&
               latencyMs == o.latencyMs;
    }
};

// Step 3: what the PBX administrator configures.
struct CutoverSheet
{
    QString domainName;
    QStringList sipUris; // the main URI and its edge variants
    int port = 5060;
    int tlsPort = 5061;
    bool tlsRequired = false;
    bool srtpRequired = false;
    QVector<NamedSid> ipAccessControlLists;
    QVector<NamedSid> credentialLists;
    QString asText() const; // the whole sheet, for the clipboard / CLI
    Q_DECLARE_TR_FUNCTIONS(CutoverSheet)
};

// Step 4.
struct PlanItem
{
    QString numberSid;
    QString phoneNumber;
    QString action; // "set voice URL", "remove from trunk", ...
    QString before;
    QString after;
};

struct MigrationPlan
{
    QVector<PlanItem> items;
    int numbersToMigrate = 0;
    int alreadyMigrated = 0; // off the trunk with the new URL: nothing to do
    int apiCalls = 0;
    QString voiceUrl;
    // The report step 2 acted on, and what of it still needs an acknowledgement.
    EquivalenceReport equivalence;
    QStringList unacknowledged;
    // VoiceFallbackUrl the migrated numbers get; empty = none.
    QString fallbackUrl;
    // Why migrate would refuse this selection now (the same test), or empty.
    QString refusal;
};

struct RunSummary
{
    int migrated = 0;
    int alreadyMigrated = 0;
    int failed = 0;
    int cancelled = 0;
    int reverted = 0;
};

struct InterruptedRun
{
    qint64 runId = 0;
    QString accountSid;
    QString trunkSid;
    QDateTime started;
    int inFlight = 0; // numbers with an intent and no result
    int migrated = 0;
    int pending = 0;
    // Not interrupted at all: another live process holds the account's run lock (who, since
    // when). Resume and rollback are refused while it is set.
    QString runningElsewhere;
    // Not interrupted either: the user stopped it (Stop, SIGINT) with `pending` numbers left
    // unfinished; resume() continues it (MigrationBackend::stoppedRun()).
    bool stopped = false;
    bool isNull() const { return runId == 0; }
};

Q_DECLARE_METATYPE(OperationError)
Q_DECLARE_METATYPE(AccountInfo)
Q_DECLARE_METATYPE(TrunkSummary)
Q_DECLARE_METATYPE(EquivalenceReport)
Q_DECLARE_METATYPE(VerifyReport)
Q_DECLARE_METATYPE(TestCallResult)
Q_DECLARE_METATYPE(TestCallFaults)
Q_DECLARE_METATYPE(SandboxApiFaults)
Q_DECLARE_METATYPE(NumberInfo)
Q_DECLARE_METATYPE(InboundResult)
Q_DECLARE_METATYPE(OutboundResult)
Q_DECLARE_METATYPE(MigrationPlan)
Q_DECLARE_METATYPE(RunSummary)
Q_DECLARE_METATYPE(InterruptedRun)
