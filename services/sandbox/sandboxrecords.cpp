#include "sandboxrecords.h"

#include "sandboxcontext.h"

#include <QJsonArray>
#include <QJsonValue>

namespace {
QString str(const char *text)
{
    return QString::fromLatin1(text);
}

void stamp(const SandboxContext &context, QJsonObject &record)
{
    const QString now = context.now();
    record.insert(str("date_created"), now);
    record.insert(str("date_updated"), now);
}
} // namespace

namespace SandboxRecords {

QJsonObject account(const SandboxContext &context)
{
    const QString path = context.accountPath();
    return QJsonObject{
        {str("auth_token"), context.authToken},
        {str("date_created"), str("2020-01-06T10:00:00Z")},
        {str("date_updated"), str("2024-01-06T10:00:00Z")},
        {str("friendly_name"), str("Sandbox demo account")},
        {str("owner_account_sid"), context.accountSid},
        {str("sid"), context.accountSid},
        {str("status"), str("active")},
        {str("subresource_uris"),
         QJsonObject{{str("calls"), path + str("/Calls.json")},
                     {str("incoming_phone_numbers"), path + str("/IncomingPhoneNumbers.json")},
                     {str("sip"), path + str("/SIP.json")}}},
        {str("type"), str("Full")},
        {str("uri"), path + str(".json")},
    };
}

QJsonObject incomingNumber(SandboxContext &context, const QString &phoneNumber)
{
    const QString sid = context.newSid("PN");
    const QString uri = context.accountPath() + str("/IncomingPhoneNumbers/") + sid;
    QJsonObject record{
        {str("account_sid"), context.accountSid},
        {str("address_sid"), QJsonValue()},
        {str("address_requirements"), str("none")},
        {str("api_version"), str("2010-04-01")},
        {str("beta"), false},
        {str("capabilities"),
         QJsonObject{
             {str("voice"), true}, {str("sms"), true}, {str("mms"), false}, {str("fax"), false}}},
        {str("friendly_name"), phoneNumber},
        {str("identity_sid"), QJsonValue()},
        {str("phone_number"), phoneNumber},
        {str("origin"), str("twilio")},
        {str("sid"), sid},
        {str("sms_application_sid"), str("")},
        {str("sms_fallback_method"), str("POST")},
        {str("sms_fallback_url"), str("")},
        {str("sms_method"), str("POST")},
        {str("sms_url"), str("")},
        {str("status_callback"), str("")},
        {str("status_callback_method"), str("POST")},
        {str("trunk_sid"), QJsonValue()},
        {str("uri"), uri + str(".json")},
        {str("voice_receive_mode"), str("voice")},
        {str("voice_application_sid"), QJsonValue()},
        {str("voice_caller_id_lookup"), false},
        {str("voice_fallback_method"), str("POST")},
        {str("voice_fallback_url"), QJsonValue()},
        {str("voice_method"), str("POST")},
        {str("voice_url"), QJsonValue()},
        {str("emergency_status"), str("Inactive")},
        {str("emergency_address_sid"), QJsonValue()},
        {str("emergency_address_status"), str("unregistered")},
        {str("bundle_sid"), QJsonValue()},
        {str("status"), str("in-use")},
        {str("type"), str("local")},
        {str("subresource_uris"),
         QJsonObject{{str("assigned_add_ons"), uri + str("/AssignedAddOns.json")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject trunk(SandboxContext &context, const QString &friendlyName, const QString &domainName)
{
    const QString sid = context.newSid("TK");
    const QString url = str("/v1/Trunks/") + sid;
    QJsonObject record{
        {str("account_sid"), context.accountSid},
        {str("domain_name"), domainName},
        {str("disaster_recovery_method"), str("POST")},
        {str("disaster_recovery_url"), QJsonValue()},
        {str("friendly_name"), friendlyName},
        {str("secure"), false},
        {str("recording"),
         QJsonObject{{str("mode"), str("do-not-record")}, {str("trim"), str("do-not-trim")}}},
        {str("transfer_mode"), str("disable-all")},
        {str("transfer_caller_id"), str("from-transferee")},
        {str("cnam_lookup_enabled"), false},
        {str("auth_type"), str("IP_ACL,CREDENTIAL_LIST")},
        {str("symmetric_rtp_enabled"), false},
        {str("auth_type_set"), QJsonArray{str("IP_ACL"), str("CREDENTIAL_LIST")}},
        {str("sid"), sid},
        {str("url"), url},
        {str("links"),
         QJsonObject{{str("origination_urls"), url + str("/OriginationUrls")},
                     {str("credential_lists"), url + str("/CredentialLists")},
                     {str("ip_access_control_lists"), url + str("/IpAccessControlLists")},
                     {str("phone_numbers"), url + str("/PhoneNumbers")},
                     {str("recording"), url + str("/Recording")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject originationUrl(SandboxContext &context, const QString &trunkSid,
                           const OriginationUrlSettings &settings)
{
    const QString sid = context.newSid("OU");
    QJsonObject record{
        {str("account_sid"), context.accountSid},
        {str("sid"), sid},
        {str("trunk_sid"), trunkSid},
        {str("weight"), settings.weight},
        {str("enabled"), settings.enabled},
        {str("sip_url"), settings.sipUrl},
        {str("friendly_name"), settings.friendlyName},
        {str("priority"), settings.priority},
        {str("url"), str("/v1/Trunks/%1/OriginationUrls/%2").arg(trunkSid, sid)},
    };
    stamp(context, record);
    return record;
}

// IP access control lists and credential lists share one shape; they differ in SID prefix,
// collection path and the name of their sub-resource.
static QJsonObject sipList(SandboxContext &context, const char prefix[3], const QString &collection,
                           const QString &subresource, const QString &subresourceFile,
                           const QString &friendlyName)
{
    const QString sid = context.newSid(prefix);
    const QString uri = context.accountPath() + str("/SIP/") + collection + str("/") + sid;
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("friendly_name"), friendlyName},
        {str("subresource_uris"), QJsonObject{{subresource, uri + str("/") + subresourceFile}}},
        {str("uri"), uri + str(".json")},
    };
    stamp(context, record);
    return record;
}

QJsonObject ipAccessControlList(SandboxContext &context, const QString &friendlyName)
{
    return sipList(context, "AL", str("IpAccessControlLists"), str("ip_addresses"),
                   str("IpAddresses.json"), friendlyName);
}

QJsonObject credentialList(SandboxContext &context, const QString &friendlyName)
{
    return sipList(context, "CL", str("CredentialLists"), str("credentials"),
                   str("Credentials.json"), friendlyName);
}

QJsonObject domain(SandboxContext &context, const QString &domainName)
{
    const QString sid = context.newSid("SD");
    const QString uri = context.accountPath() + str("/SIP/Domains/") + sid;
    QJsonObject record{
        {str("account_sid"), context.accountSid},
        {str("api_version"), str("2010-04-01")},
        {str("auth_type"), str("")},
        {str("domain_name"), domainName},
        {str("friendly_name"), domainName},
        {str("sid"), sid},
        {str("uri"), uri + str(".json")},
        {str("voice_fallback_method"), str("POST")},
        {str("voice_fallback_url"), QJsonValue()},
        {str("voice_method"), str("POST")},
        {str("voice_status_callback_method"), str("POST")},
        {str("voice_status_callback_url"), QJsonValue()},
        {str("voice_url"), QJsonValue()},
        {str("subresource_uris"),
         QJsonObject{{str("ip_access_control_list_mappings"),
                      uri + str("/IpAccessControlListMappings.json")},
                     {str("credential_list_mappings"), uri + str("/CredentialListMappings.json")},
                     {str("auth_calls_mapping"), uri + str("/Auth/Calls.json")}}},
        {str("sip_registration"), false},
        {str("emergency_calling_enabled"), false},
        {str("secure"), false},
        {str("byoc_trunk_sid"), QJsonValue()},
        {str("emergency_caller_sid"), QJsonValue()},
    };
    stamp(context, record);
    return record;
}

QJsonObject link(const SandboxContext &context, const QString &sid)
{
    QJsonObject record{{str("sid"), sid}};
    stamp(context, record);
    return record;
}

QJsonObject call(SandboxContext &context, const QString &from, const QString &to,
                 const QString &direction)
{
    const QString sid = context.newSid("CA");
    const QString uri = context.accountPath() + str("/Calls/") + sid;
    QJsonObject record{
        {str("sid"), sid},
        {str("parent_call_sid"), QJsonValue()},
        {str("account_sid"), context.accountSid},
        {str("to"), to},
        {str("to_formatted"), to},
        {str("from"), from},
        {str("from_formatted"), from},
        {str("phone_number_sid"), QJsonValue()},
        {str("status"), str("completed")},
        {str("start_time"), context.now()},
        {str("end_time"), context.now()},
        {str("duration"), str("0")},
        {str("price"), QJsonValue()},
        {str("price_unit"), str("USD")},
        {str("direction"), direction},
        {str("answered_by"), QJsonValue()},
        {str("api_version"), str("2010-04-01")},
        {str("forwarded_from"), QJsonValue()},
        {str("group_sid"), QJsonValue()},
        {str("caller_name"), QJsonValue()},
        {str("queue_time"), str("0")},
        {str("trunk_sid"), QJsonValue()},
        {str("uri"), uri + str(".json")},
        {str("subresource_uris"),
         QJsonObject{{str("notifications"), uri + str("/Notifications.json")},
                     {str("recordings"), uri + str("/Recordings.json")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject service(SandboxContext &context, const QString &uniqueName, const QString &friendlyName)
{
    const QString sid = context.newSid("ZS");
    const QString url = str("/v1/Services/") + sid;
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("friendly_name"), friendlyName},
        {str("unique_name"), uniqueName},
        {str("include_credentials"), true},
        {str("ui_editable"), false},
        {str("domain_base"), uniqueName + str("-") + sid.mid(2, 4)},
        {str("url"), url},
        {str("links"), QJsonObject{{str("functions"), url + str("/Functions")},
                                   {str("assets"), url + str("/Assets")},
                                   {str("environments"), url + str("/Environments")},
                                   {str("builds"), url + str("/Builds")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject environment(SandboxContext &context, const QJsonObject &service,
                        const QString &uniqueName, const QString &domainSuffix)
{
    const QString sid = context.newSid("ZE");
    const QString serviceSid = service.value(str("sid")).toString();
    const QString url = str("/v1/Services/%1/Environments/%2").arg(serviceSid, sid);
    QString host = service.value(str("domain_base")).toString();
    if (!domainSuffix.isEmpty())
        host += str("-") + domainSuffix;
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("service_sid"), serviceSid},
        {str("build_sid"), QJsonValue()},
        {str("unique_name"), uniqueName},
        {str("domain_suffix"), domainSuffix.isEmpty() ? QJsonValue() : QJsonValue(domainSuffix)},
        {str("domain_name"), host + str(".twil.io")},
        {str("url"), url},
        {str("links"), QJsonObject{{str("variables"), url + str("/Variables")},
                                   {str("deployments"), url + str("/Deployments")},
                                   {str("logs"), url + str("/Logs")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject function(SandboxContext &context, const QString &serviceSid,
                     const QString &friendlyName)
{
    const QString sid = context.newSid("ZH");
    const QString url = str("/v1/Services/%1/Functions/%2").arg(serviceSid, sid);
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("service_sid"), serviceSid},
        {str("friendly_name"), friendlyName},
        {str("url"), url},
        {str("links"), QJsonObject{{str("function_versions"), url + str("/Versions")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject functionVersion(SandboxContext &context, const QString &serviceSid,
                            const QString &functionSid, const QString &path,
                            const QString &visibility)
{
    const QString sid = context.newSid("ZN");
    const QString url =
        str("/v1/Services/%1/Functions/%2/Versions/%3").arg(serviceSid, functionSid, sid);
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("service_sid"), serviceSid},
        {str("function_sid"), functionSid},
        {str("path"), path},
        {str("visibility"), visibility},
        {str("date_created"), context.now()},
        {str("url"), url},
        {str("links"), QJsonObject{{str("function_version_content"), url + str("/Content")}}},
    };
    return record;
}

QJsonObject build(SandboxContext &context, const QString &serviceSid)
{
    const QString sid = context.newSid("ZB");
    const QString url = str("/v1/Services/%1/Builds/%2").arg(serviceSid, sid);
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("service_sid"), serviceSid},
        {str("status"), str("building")},
        {str("asset_versions"), QJsonArray()},
        {str("function_versions"), QJsonArray()},
        {str("dependencies"), QJsonArray()},
        {str("runtime"), str("node18")},
        {str("url"), url},
        {str("links"), QJsonObject{{str("build_status"), url + str("/Status")}}},
    };
    stamp(context, record);
    return record;
}

QJsonObject deployment(SandboxContext &context, const QString &serviceSid,
                       const QString &environmentSid, const QString &buildSid)
{
    const QString sid = context.newSid("ZD");
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("service_sid"), serviceSid},
        {str("environment_sid"), environmentSid},
        {str("build_sid"), buildSid},
        {str("url"), str("/v1/Services/%1/Environments/%2/Deployments/%3")
                         .arg(serviceSid, environmentSid, sid)},
    };
    stamp(context, record);
    return record;
}

QJsonObject variable(SandboxContext &context, const QString &serviceSid,
                     const QString &environmentSid, const QString &key, const QString &value)
{
    const QString sid = context.newSid("ZV");
    QJsonObject record{
        {str("sid"), sid},
        {str("account_sid"), context.accountSid},
        {str("service_sid"), serviceSid},
        {str("environment_sid"), environmentSid},
        {str("key"), key},
        {str("value"), value},
        {str("url"),
         str("/v1/Services/%1/Environments/%2/Variables/%3").arg(serviceSid, environmentSid, sid)},
    };
    stamp(context, record);
    return record;
}

} // namespace SandboxRecords
