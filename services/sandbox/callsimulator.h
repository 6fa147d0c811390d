#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class SandboxContext;

// Places a test call the way Twilio would route it, and records its legs in the Calls resource
// as the step pages and `calls` read them (docs/SANDBOX.md, "SimulateCall"):
//  - To an E.164 number of the account. On a trunk: the trunk's enabled origination URLs by
//    priority (then weight), each answering as CallTargets says, the first to answer 200 takes
//    the call; when none does, the trunk's disaster-recovery URL. With a voice URL: its TwiML,
//    followed by TwimlCall (the deployed Function run, <Dial> targets, actions, fallback URL).
//  - From a PBX to sip:<user>@<SIP domain of the account>: refused unless the domain maps an
//    IP access control list or a credential list for calls, or has no voice URL; an emergency
//    number goes to emergency routing when the domain has emergency calling; otherwise the
//    domain's voice URL is followed.
class CallSimulator
{
public:
    struct Call
    {
        QList<QJsonObject> legs; // parent first
        QJsonArray route;        // each routing step, in order
    };

    // The call, or nullopt and *error when Twilio would not take it.
    static std::optional<Call> simulate(SandboxContext &context, const QString &from,
                                        const QString &to, QString *error);

private:
    static Call callToNumber(SandboxContext &context, const QString &from,
                             const QJsonObject &number);
    static std::optional<Call> callToDomain(SandboxContext &context, const QString &from,
                                            const QString &to, QString *error);
    static void viaTrunk(SandboxContext &context, const QString &trunkSid, Call *call);
};
