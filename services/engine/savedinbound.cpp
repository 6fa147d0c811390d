#include "savedinbound.h"

#include "cutoversheet.h"
#include "enginelogging.h"
#include "journal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SavedInbound {

namespace {
const QLatin1String DomainSid("domain_sid");
const QLatin1String DomainName("domain_name");
const QLatin1String SipUris("sip_uris");
const QLatin1String IpAcls("ip_access_control_lists");
const QLatin1String CredentialLists("credential_lists");
const QLatin1String SecureMedia("secure_media");
const QLatin1String Sid("sid");
const QLatin1String FriendlyName("friendly_name");

QJsonArray toJson(const QVector<NamedSid> &lists)
{
    QJsonArray out;
    for (const NamedSid &list : lists)
        out.append(QJsonObject{{Sid, list.sid}, {FriendlyName, list.friendlyName}});
    return out;
}

QVector<NamedSid> namedSids(const QJsonValue &value)
{
    QVector<NamedSid> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out.append(NamedSid{item[Sid].toString(), item[FriendlyName].toString()});
    return out;
}
} // namespace

QString key()
{
    return QStringLiteral("engine.inbound_result");
}

bool save(Journal &journal, const QString &accountSid, const InboundResult &result,
          const InboundOptions &options)
{
    const QJsonObject saved{
        {DomainSid, result.domainSid},
        {DomainName, result.domainName},
        {SipUris, QJsonArray::fromStringList(result.sipUris)},
        {IpAcls, toJson(result.ipAccessControlLists)},
        {CredentialLists, toJson(result.credentialLists)},
        {SecureMedia, options.secureMedia.value_or(false)},
    };
    return journal.setSetupValue(
        accountSid, key(), QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
}

InboundResult result(Journal &journal, const QString &accountSid)
{
    const auto value = journal.setupValue(accountSid, key());
    if (!value)
        return {};
    const QJsonObject saved = QJsonDocument::fromJson(value->toUtf8()).object();
    if (saved[DomainName].toString().isEmpty()) {
        qCWarning(lcEngine) << "the saved step 1 result of" << accountSid << "is unreadable";
        return {};
    }
    InboundResult result;
    result.domainSid = saved[DomainSid].toString();
    result.domainName = saved[DomainName].toString();
    const QJsonArray uris = saved[SipUris].toArray();
    for (const QJsonValue &uri : uris)
        result.sipUris.append(uri.toString());
    result.ipAccessControlLists = namedSids(saved[IpAcls]);
    result.credentialLists = namedSids(saved[CredentialLists]);
    return result;
}

CutoverSheet sheet(Journal &journal, const QString &accountSid)
{
    const InboundResult saved = result(journal, accountSid);
    if (saved.domainName.isEmpty())
        return {};
    const auto value = journal.setupValue(accountSid, key());
    InboundOptions options;
    options.secureMedia =
        QJsonDocument::fromJson(value.value_or(QString()).toUtf8()).object()[SecureMedia].toBool();
    return makeCutoverSheet(saved, options);
}

} // namespace SavedInbound
