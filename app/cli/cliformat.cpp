#include "cliformat.h"

#include <QCoreApplication>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CliFormat)
};
} // namespace

namespace CliFormat {

QString stateName(NumberState state)
{
    switch (state) {
    case NumberState::OnTrunk:
        return QStringLiteral("on-trunk");
    case NumberState::Migrating:
        return QStringLiteral("migrating");
    case NumberState::UrlSet:
        return QStringLiteral("url-set");
    case NumberState::Migrated:
        return QStringLiteral("migrated");
    case NumberState::Failed:
        return QStringLiteral("failed");
    case NumberState::Reverting:
        return QStringLiteral("reverting");
    case NumberState::Reverted:
        return QStringLiteral("reverted");
    case NumberState::NotOnTrunk:
        return QStringLiteral("not-on-trunk");
    }
    return QStringLiteral("unknown");
}

QString operationName(MigrationBackend::Operation operation)
{
    using Op = MigrationBackend::Operation;
    switch (operation) {
    case Op::Connect:
        return Tr::tr("Connecting");
    case Op::LoadTrunks:
        return Tr::tr("Loading the trunks");
    case Op::LoadNumbers:
        return Tr::tr("Loading the numbers");
    case Op::SetupInbound:
        return Tr::tr("Setting up inbound calls");
    case Op::SetupOutbound:
        return Tr::tr("Setting up outbound calls");
    case Op::LoadCalls:
        return Tr::tr("Loading the calls");
    case Op::Plan:
        return Tr::tr("Planning");
    case Op::Migrate:
        return Tr::tr("Migrating");
    case Op::Revert:
        return Tr::tr("Reverting");
    case Op::Resume:
        return Tr::tr("Resuming");
    case Op::Rollback:
        return Tr::tr("Rolling back");
    case Op::ExportAudit:
        return Tr::tr("Exporting the audit log");
    case Op::DeleteTrunk:
        return Tr::tr("Deleting the trunk");
    case Op::Equivalence:
        return Tr::tr("Comparing the trunk's call settings");
    case Op::Verify:
        return Tr::tr("Verifying the routes");
    case Op::PlaceTestCall:
        return Tr::tr("Placing a test call");
    case Op::SetTestCallFaults:
        return Tr::tr("Setting the test call faults");
    case Op::SandboxFaults:
        return Tr::tr("Setting the sandbox's faults");
    }
    return Tr::tr("The operation");
}

QString errorText(const OperationError &error)
{
    if (error.isNull())
        return {};
    QString prefix;
    if (error.httpStatus != 0)
        prefix = QStringLiteral("HTTP %1").arg(error.httpStatus);
    if (error.twilioCode != 0)
        prefix += (prefix.isEmpty() ? QString() : QStringLiteral(", ")) +
                  QStringLiteral("Twilio %1").arg(error.twilioCode);
    return prefix.isEmpty() ? error.message : prefix + QStringLiteral(": ") + error.message;
}

QString sheetText(const CutoverSheet &sheet)
{
    QString text = Tr::tr("SIP domain: %1\n").arg(sheet.domainName);
    for (const QString &uri : sheet.sipUris)
        text += Tr::tr("SIP URI: %1\n").arg(uri);
    text += Tr::tr("Port: %1 (UDP/TCP), %2 with TLS%3\n")
                .arg(sheet.port)
                .arg(sheet.tlsPort)
                .arg(sheet.tlsRequired ? Tr::tr(" (TLS required)") : QString());
    text += Tr::tr("SRTP: %1\n").arg(sheet.srtpRequired ? Tr::tr("required") : Tr::tr("optional"));
    for (const NamedSid &acl : sheet.ipAccessControlLists)
        text += Tr::tr("IP ACL: %1 %2\n").arg(acl.sid, acl.friendlyName);
    for (const NamedSid &list : sheet.credentialLists)
        text += Tr::tr("Credential list: %1 %2\n").arg(list.sid, list.friendlyName);
    return text;
}

QJsonObject toJson(const OperationError &error)
{
    return {{QStringLiteral("http_status"), error.httpStatus},
            {QStringLiteral("code"), error.twilioCode},
            {QStringLiteral("message"), error.message},
            {QStringLiteral("more_info"), error.moreInfo.toString()},
            {QStringLiteral("request_id"), error.requestId}};
}

QJsonArray toJson(const QVector<NamedSid> &list)
{
    QJsonArray array;
    for (const NamedSid &item : list)
        array.append(QJsonObject{{QStringLiteral("sid"), item.sid},
                                 {QStringLiteral("friendly_name"), item.friendlyName}});
    return array;
}

QJsonObject toJson(const TrunkSummary &trunk)
{
    QJsonArray origination;
    for (const OriginationInfo &url : trunk.originationUrls)
        origination.append(QJsonObject{{QStringLiteral("sid"), url.sid},
                                       {QStringLiteral("friendly_name"), url.friendlyName},
                                       {QStringLiteral("sip_url"), url.sipUrl},
                                       {QStringLiteral("priority"), url.priority},
                                       {QStringLiteral("weight"), url.weight},
                                       {QStringLiteral("enabled"), url.enabled}});
    return {{QStringLiteral("sid"), trunk.sid},
            {QStringLiteral("friendly_name"), trunk.friendlyName},
            {QStringLiteral("termination_domain"), trunk.terminationDomain},
            {QStringLiteral("secure"), trunk.secure},
            {QStringLiteral("number_count"), trunk.numberCount},
            {QStringLiteral("origination_urls"), origination},
            {QStringLiteral("ip_access_control_lists"), toJson(trunk.ipAccessControlLists)},
            {QStringLiteral("credential_lists"), toJson(trunk.credentialLists)}};
}

QJsonObject toJson(const NumberInfo &number)
{
    QJsonObject object{{QStringLiteral("sid"), number.sid},
                       {QStringLiteral("phone_number"), number.phoneNumber},
                       {QStringLiteral("friendly_name"), number.friendlyName},
                       {QStringLiteral("voice_url"), number.voiceUrl},
                       {QStringLiteral("voice_method"), number.voiceMethod},
                       {QStringLiteral("trunk_sid"), number.trunkSid.isEmpty()
                                                         ? QJsonValue(QJsonValue::Null)
                                                         : QJsonValue(number.trunkSid)},
                       {QStringLiteral("state"), stateName(number.state)}};
    if (!number.lastError.isNull())
        object.insert(QStringLiteral("error"), toJson(number.lastError));
    return object;
}

QJsonObject toJson(const CallInfo &call)
{
    return {{QStringLiteral("sid"), call.sid},
            {QStringLiteral("parent_call_sid"), call.parentCallSid},
            {QStringLiteral("from"), call.from},
            {QStringLiteral("to"), call.to},
            {QStringLiteral("direction"), call.direction},
            {QStringLiteral("status"), call.status},
            {QStringLiteral("start_time"), call.startTime.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("duration"), call.duration}};
}

QJsonObject toJson(const MigrationPlan &plan)
{
    QJsonArray items;
    for (const PlanItem &item : plan.items)
        items.append(QJsonObject{{QStringLiteral("number_sid"), item.numberSid},
                                 {QStringLiteral("phone_number"), item.phoneNumber},
                                 {QStringLiteral("action"), item.action},
                                 {QStringLiteral("before"), item.before},
                                 {QStringLiteral("after"), item.after}});
    return {{QStringLiteral("voice_url"), plan.voiceUrl},
            {QStringLiteral("numbers_to_migrate"), plan.numbersToMigrate},
            {QStringLiteral("already_migrated"), plan.alreadyMigrated},
            {QStringLiteral("api_calls"), plan.apiCalls},
            {QStringLiteral("fallback_url"), plan.fallbackUrl},
            {QStringLiteral("unacknowledged"), QJsonArray::fromStringList(plan.unacknowledged)},
            {QStringLiteral("refusal"), plan.refusal},
            {QStringLiteral("equivalence"), toJson(plan.equivalence, {})},
            {QStringLiteral("items"), items}};
}

QString carryName(EquivalenceItem::Carry carry)
{
    switch (carry) {
    case EquivalenceItem::Carry::Same:
        return QStringLiteral("same");
    case EquivalenceItem::Carry::Translated:
        return QStringLiteral("translated");
    case EquivalenceItem::Carry::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

QJsonObject toJson(const EquivalenceReport &report, const QStringList &accepted)
{
    QJsonArray items;
    for (const EquivalenceItem &i : report.items)
        items.append(QJsonObject{{QStringLiteral("setting"), i.setting},
                                 {QStringLiteral("title"), i.title},
                                 {QStringLiteral("on_trunk"), i.onTrunk},
                                 {QStringLiteral("after"), i.after},
                                 {QStringLiteral("change"), i.change},
                                 {QStringLiteral("carried"), carryName(i.carry)},
                                 {QStringLiteral("needs_acknowledgement"), i.needsAcknowledgement},
                                 {QStringLiteral("acknowledged"), accepted.contains(i.setting)}});
    return {{QStringLiteral("trunk_sid"), report.trunkSid},
            {QStringLiteral("items"), items},
            {QStringLiteral("unacknowledged"),
             QJsonArray::fromStringList(report.unacknowledged(accepted))}};
}

QString equivalenceText(const EquivalenceReport &report, const QStringList &accepted)
{
    QString text;
    for (const EquivalenceItem &i : report.items) {
        const QString mark = !i.needsAcknowledgement ? QString()
                             : accepted.contains(i.setting)
                                 ? Tr::tr("  [acknowledged]")
                                 : Tr::tr("  [needs --accept-change %1]").arg(i.setting);
        text += QStringLiteral("%1 (%2): %3%4\n").arg(i.title, i.setting, carryName(i.carry), mark);
        text += Tr::tr("  trunk: %1\n").arg(i.onTrunk);
        text += Tr::tr("  after: %1\n").arg(i.after);
        if (!i.change.isEmpty())
            text += Tr::tr("  callers notice: %1\n").arg(i.change);
    }
    const QStringList missing = report.unacknowledged(accepted);
    text += missing.isEmpty()
                ? Tr::tr("Nothing needs an acknowledgement.\n")
                : Tr::tr("Acknowledge with --accept-change %1 on setup-inbound, setup-outbound "
                         "and migrate (fax-numbers: on migrate only).\n")
                      .arg(missing.join(u','));
    return text;
}

QJsonObject toJson(const RunSummary &summary)
{
    return {{QStringLiteral("migrated"), summary.migrated},
            {QStringLiteral("already_migrated"), summary.alreadyMigrated},
            {QStringLiteral("failed"), summary.failed},
            {QStringLiteral("cancelled"), summary.cancelled},
            {QStringLiteral("reverted"), summary.reverted}};
}

QJsonObject toJson(const InterruptedRun &run)
{
    if (run.isNull())
        return {{QStringLiteral("interrupted"), false}};
    if (!run.runningElsewhere.isEmpty())
        return {{QStringLiteral("interrupted"), false},
                {QStringLiteral("running"), true},
                {QStringLiteral("run_id"), QString::number(run.runId)},
                {QStringLiteral("account_sid"), run.accountSid},
                {QStringLiteral("trunk_sid"), run.trunkSid},
                {QStringLiteral("holder"), run.runningElsewhere}};
    return {{QStringLiteral("interrupted"), true},
            {QStringLiteral("run_id"), QString::number(run.runId)},
            {QStringLiteral("account_sid"), run.accountSid},
            {QStringLiteral("trunk_sid"), run.trunkSid},
            {QStringLiteral("started"), run.started.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("in_flight"), run.inFlight},
            {QStringLiteral("migrated"), run.migrated},
            {QStringLiteral("pending"), run.pending}};
}

QJsonObject toJson(const InboundResult &result)
{
    return {{QStringLiteral("domain_sid"), result.domainSid},
            {QStringLiteral("domain_name"), result.domainName},
            {QStringLiteral("sip_uris"), QJsonArray::fromStringList(result.sipUris)},
            {QStringLiteral("handler_url"), result.handlerUrl.toString()},
            {QStringLiteral("ip_access_control_lists"), toJson(result.ipAccessControlLists)},
            {QStringLiteral("credential_lists"), toJson(result.credentialLists)},
            {QStringLiteral("self_hosted"), result.selfHosted},
            {QStringLiteral("exported_to"), result.exportedTo},
            {QStringLiteral("note"), result.note}};
}

QJsonObject toJson(const OutboundResult &result)
{
    return {{QStringLiteral("handler_url"), result.handlerUrl.toString()},
            {QStringLiteral("test_number_sid"), result.testNumberSid},
            {QStringLiteral("test_phone_number"), result.testPhoneNumber},
            {QStringLiteral("self_hosted"), result.selfHosted},
            {QStringLiteral("exported_to"), result.exportedTo},
            {QStringLiteral("note"), result.note}};
}

QJsonObject toJson(const CutoverSheet &sheet)
{
    return {{QStringLiteral("domain_name"), sheet.domainName},
            {QStringLiteral("sip_uris"), QJsonArray::fromStringList(sheet.sipUris)},
            {QStringLiteral("port"), sheet.port},
            {QStringLiteral("tls_port"), sheet.tlsPort},
            {QStringLiteral("tls_required"), sheet.tlsRequired},
            {QStringLiteral("srtp_required"), sheet.srtpRequired},
            {QStringLiteral("ip_access_control_lists"), toJson(sheet.ipAccessControlLists)},
            {QStringLiteral("credential_lists"), toJson(sheet.credentialLists)}};
}

} // namespace CliFormat
