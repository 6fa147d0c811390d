#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class SandboxContext;

// Builders for new records with every field of the spec's response schema, filled the way
// Twilio fills a fresh resource. Dates are the creation time; url/uri are paths.
namespace SandboxRecords {

QJsonObject account(const SandboxContext &context);
QJsonObject incomingNumber(SandboxContext &context, const QString &phoneNumber);
QJsonObject trunk(SandboxContext &context, const QString &friendlyName, const QString &domainName);
// What a trunk's OriginationUrl is made of (Twilio's defaults: weight and priority 10, on).
struct OriginationUrlSettings
{
    QString friendlyName;
    QString sipUrl;
    int priority = 10; // 0..65535, lowest first
    int weight = 10;   // 1..65535, share of the load within a priority
    bool enabled = true;
};
QJsonObject originationUrl(SandboxContext &context, const QString &trunkSid,
                           const OriginationUrlSettings &settings);
// Account-level SIP lists ("IpAccessControlLists" / "CredentialLists").
QJsonObject ipAccessControlList(SandboxContext &context, const QString &friendlyName);
QJsonObject credentialList(SandboxContext &context, const QString &friendlyName);
QJsonObject domain(SandboxContext &context, const QString &domainName);
// A membership (trunk association or domain mapping): just the SID and its dates.
QJsonObject link(const SandboxContext &context, const QString &sid);
QJsonObject call(SandboxContext &context, const QString &from, const QString &to,
                 const QString &direction);

QJsonObject service(SandboxContext &context, const QString &uniqueName,
                    const QString &friendlyName);
QJsonObject environment(SandboxContext &context, const QJsonObject &service,
                        const QString &uniqueName, const QString &domainSuffix);
QJsonObject function(SandboxContext &context, const QString &serviceSid,
                     const QString &friendlyName);
QJsonObject functionVersion(SandboxContext &context, const QString &serviceSid,
                            const QString &functionSid, const QString &path,
                            const QString &visibility);
QJsonObject build(SandboxContext &context, const QString &serviceSid);
QJsonObject deployment(SandboxContext &context, const QString &serviceSid,
                       const QString &environmentSid, const QString &buildSid);
QJsonObject variable(SandboxContext &context, const QString &serviceSid,
                     const QString &environmentSid, const QString &key, const QString &value);

} // namespace SandboxRecords
