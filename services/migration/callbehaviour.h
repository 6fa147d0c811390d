#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

// What the trunk did for a call, carried into the generated handlers (issue 8). Baked into all
// three handlers as JSON (HandlerGenerator), never spliced as text. Defaults are what a trunk
// does. docs/HANDLERS.md describes how each handler uses each field.

// One origination URL of the trunk, whole: "sip:pbx1.example.net:5080;transport=tcp". The
// handler dials sip:<called number>@<host[:port]>[;its URI parameters][;our options].
struct OriginationTarget
{
    QString sipUrl;
    int priority = 10; // lower first
    int weight = 10;   // share within a priority
};

struct CallBehaviour
{
    // ---- PSTN -> PBX (/outboundHandler) ----
    // The trunk's enabled origination URLs. Empty: one target, sip:<number>@PBX_DOMAIN.
    QVector<OriginationTarget> targets;
    // Fetched with <Redirect> when every target failed, as the trunk fetched it.
    QString disasterRecoveryUrl;
    QString disasterRecoveryMethod = QStringLiteral("POST"); // GET | POST, either case; "" is POST
    // Passes the caller's name (CNAM) to the PBX when the trunk looked it up.
    bool passCallerName = false;

    // ---- both directions ----
    // <Dial timeout>: a trunk rings until someone answers or gives up, so the longest Twilio
    // allows (600 s) by default, not <Dial>'s 30 s.
    int ringTimeoutSeconds = 600;
    // <Dial timeLimit>: a trunk does not cut calls at <Dial>'s default of 4 h.
    int timeLimitSeconds = 86400;
    // The trunk's Recording: do-not-record | record-from-ringing | record-from-answer |
    // record-from-ringing-dual | record-from-answer-dual; trim-silence | do-not-trim.
    QString recordingMode = QStringLiteral("do-not-record");
    QString recordingTrim = QStringLiteral("do-not-trim");
    // The trunk's transfer_mode (disable-all | enable-all | sip-only) and transfer_caller_id
    // (from-transferee | from-transferor): a REFER from the PBX is honoured by /referHandler.
    QString transferMode = QStringLiteral("disable-all");
    QString transferCallerId = QStringLiteral("from-transferee");

    // ---- PBX -> PSTN (/inboundHandler) ----
    // ISO 3166 alpha-2 country whose national numbering a number without '+' is read in
    // ("AU": 0255501234 -> +61255501234). Empty: such numbers are rejected.
    QString country;
    // Caller ID for an emergency call whose From is not a usable number (the domain's
    // Emergency Caller); E.164 or empty.
    QString emergencyCallerId;
    // Caller ID for a PSTN call from an extension without a DID (From not E.164); E.164 or
    // empty, in which case such calls are rejected (Twilio would refuse them, error 13214).
    QString defaultCallerId;

    // Empty when acceptable, else one translated sentence.
    QString check() const;

    static constexpr int MaxRingTimeout = 600;
    static constexpr int MaxTimeLimit = 86400;
    static constexpr int MinRingTimeout = 5;
    // Each target is one more Dial action round trip; a trunk may have up to 10 enabled URLs.
    static constexpr int MaxTargets = 10;
    static QStringList recordingModes();
    static QStringList recordingTrims();
    static QStringList transferModes();
    static QStringList transferCallerIds();
    // The countries whose national numbering the inbound handler knows (ISO 3166 alpha-2).
    static QStringList countries();

    // An origination URL as the outbound handler dials it: "host[:port]" and the URI
    // parameters in order (values %-decoded; the handler escapes them again). The user part is
    // dropped (the handler puts the called number there); sips: becomes ;transport=tls, since
    // Twilio's <Sip> takes sip: URIs.
    struct ParsedSipUrl
    {
        QString host;
        QList<QPair<QString, QString>> parameters;
    };
    // Empty when sipUrl is usable as an origination target (and *parsed filled), else a
    // translated sentence.
    static QString parseSipUrl(const QString &sipUrl, ParsedSipUrl *parsed = nullptr);
    Q_DECLARE_TR_FUNCTIONS(CallBehaviour)
};
