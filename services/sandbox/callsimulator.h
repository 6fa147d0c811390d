#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class SandboxContext;

// Records the Call resources Twilio would log for a test call, so the migration's
// verification step can find them through the Calls list:
//  - To an E.164 number of the account: the parent leg into the number ("trunking-originating"
//    when the number is on a trunk, else "inbound"). When the number's voice_url is
//    https://<environment domain_name>/outboundHandler of an environment whose deployed build
//    has a /outboundHandler function, a child "outbound-dial" leg to
//    sip:<number>@<PBX_DOMAIN variable of that environment>.
//  - From sip:+E164@<a SIP Domain of the account> to sip:+E164@<same domain>: the parent leg
//    "inbound" on the domain and a child "outbound-dial" leg to the E.164 number.
class CallSimulator
{
public:
    // The legs recorded (parent first), or nullopt and *error when the call cannot happen.
    static std::optional<QList<QJsonObject>> simulate(SandboxContext &context, const QString &from,
                                                      const QString &to, QString *error);

private:
    static std::optional<QList<QJsonObject>>
    callToNumber(SandboxContext &context, const QString &from, const QJsonObject &number);
    static std::optional<QList<QJsonObject>>
    callFromDomain(SandboxContext &context, const QString &from, const QString &to, QString *error);
    // PBX_DOMAIN of the environment serving `voiceUrl` as its deployed /outboundHandler.
    static QString pbxDomainFor(SandboxContext &context, const QString &voiceUrl);
    static QJsonObject childLeg(SandboxContext &context, const QJsonObject &parent,
                                const QString &from, const QString &to);
};
