#include "savedcalls.h"

#include "auditlog.h"
#include "auditrecord.h"
#include "callequivalence.h"
#include "enginelogging.h"
#include "journal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Per trunk, so step 2 for one trunk cannot stand in for another's. The bare keys are what an
// earlier version wrote for the one trunk it knew; they are read when a trunk has none.
const QString Key = QStringLiteral("engine.calls");
const QString EmergencyKey = QStringLiteral("engine.domain_emergency_calling");
const QString AcceptedKey = QStringLiteral("engine.run_accepted_changes");

const QString TrunkKey = QStringLiteral("engine.calls.");
const QString TrunkEmergencyKey = QStringLiteral("engine.emergency.");

// Set-up keys are lower case.
QString perTrunk(const QString &prefix, const QString &trunkSid)
{
    return prefix + trunkSid.toLower();
}

QJsonObject itemToJson(const EquivalenceItem &i)
{
    return {{QStringLiteral("setting"), i.setting},
            {QStringLiteral("title"), i.title},
            {QStringLiteral("on_trunk"), i.onTrunk},
            {QStringLiteral("after"), i.after},
            {QStringLiteral("change"), i.change},
            {QStringLiteral("carry"), int(i.carry)},
            {QStringLiteral("needs_ack"), i.needsAcknowledgement}};
}

EquivalenceItem itemFromJson(const QJsonObject &o)
{
    EquivalenceItem i;
    i.setting = o.value(QLatin1String("setting")).toString();
    i.title = o.value(QLatin1String("title")).toString();
    i.onTrunk = o.value(QLatin1String("on_trunk")).toString();
    i.after = o.value(QLatin1String("after")).toString();
    i.change = o.value(QLatin1String("change")).toString();
    i.carry = EquivalenceItem::Carry(qBound(0, o.value(QLatin1String("carry")).toInt(), 2));
    i.needsAcknowledgement = o.value(QLatin1String("needs_ack")).toBool();
    return i;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("SavedCalls", text);
}
} // namespace

IncomingPhoneNumberUpdate SavedCalls::numberUpdate(const IncomingPhoneNumber &number) const
{
    if (isNull())
        return {};
    return CallEquivalence::numberUpdate(number, fallbackUrl, fallbackMethod, staleFallback,
                                         staleStatusCallback, callerIdLookup);
}

bool SavedCalls::leavesFax(const IncomingPhoneNumber &number, const SavedCalls *calls)
{
    return number.isFax() && !(calls && calls->accepted.contains(QLatin1String("fax-numbers")));
}

QString SavedCalls::refusal(const QStringList &numberSids, const QStringList &accepted) const
{
    if (isNull())
        return accepted.contains(Unchecked)
                   ? QString()
                   : tr("Nothing was changed: step 2 has not been run for this trunk with this "
                        "journal, so nothing compared how calls will behave with how they behave "
                        "on the trunk. Run step 2, or acknowledge \"%1\" to move the numbers "
                        "to this voice URL unchecked.")
                         .arg(Unchecked);
    const QStringList missing = report.unacknowledged(accepted);
    QStringList blocking;
    for (const QString &setting : missing) {
        // Fax numbers are refused one by one, from their live mode (NumberMigrationTask): the
        // trunk's voice numbers can move while its fax numbers stay.
        if (setting != QLatin1String("fax-numbers"))
            blocking.append(setting);
    }
    if (!emergencyOnDomain && !accepted.contains(QStringLiteral("emergency"))) {
        for (const QString &sid : emergencySids) {
            if (numberSids.contains(sid)) {
                if (!blocking.contains(QStringLiteral("emergency")))
                    blocking.append(QStringLiteral("emergency"));
                break;
            }
        }
    }
    if (blocking.isEmpty())
        return {};
    QStringList titles;
    for (const QString &setting : blocking) {
        const EquivalenceItem *item = report.item(setting);
        titles.append(item ? QStringLiteral("%1 (%2)").arg(item->title, setting)
                           : tr("Emergency calling is not enabled on the SIP domain (emergency)"));
    }
    return EquivalenceReport::acknowledgementRefusal(titles);
}

bool SavedCalls::save(Journal &journal, const QString &accountSid, const SavedCalls &calls)
{
    Q_ASSERT(!calls.isNull());
    QJsonArray items;
    for (const EquivalenceItem &i : calls.report.items)
        items.append(itemToJson(i));
    const QJsonObject saved{
        {QStringLiteral("trunk_sid"), calls.trunkSid},
        {QStringLiteral("items"), items},
        {QStringLiteral("fallback_url"), calls.fallbackUrl},
        {QStringLiteral("fallback_method"), calls.fallbackMethod},
        {QStringLiteral("stale_fallback"), int(calls.staleFallback)},
        {QStringLiteral("stale_status_callback"), int(calls.staleStatusCallback)},
        {QStringLiteral("caller_id_lookup"), calls.callerIdLookup},
        {QStringLiteral("fax"), QJsonArray::fromStringList(calls.faxSids)},
        {QStringLiteral("emergency"), QJsonArray::fromStringList(calls.emergencySids)},
        {QStringLiteral("route"), calls.route.toJson()}};
    return journal.setSetupValue(
        accountSid, perTrunk(TrunkKey, calls.trunkSid),
        QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
}

SavedCalls SavedCalls::load(Journal &journal, const QString &accountSid, const QString &trunkSid)
{
    SavedCalls calls;
    const auto emergency =
        journal.setupValue(accountSid, perTrunk(TrunkEmergencyKey, trunkSid))
            .value_or(journal.setupValue(accountSid, EmergencyKey).value_or(QString()));
    calls.emergencyOnDomain = emergency == QLatin1String("true");
    const auto value = journal.setupValue(accountSid, perTrunk(TrunkKey, trunkSid))
                           .value_or(journal.setupValue(accountSid, Key).value_or(QString()));
    if (value.isEmpty())
        return calls;
    const QJsonObject saved = QJsonDocument::fromJson(value.toUtf8()).object();
    if (saved.value(QLatin1String("trunk_sid")).toString() != trunkSid) {
        if (saved.isEmpty())
            qCWarning(lcEngine) << "the saved call settings of" << accountSid << "are unreadable";
        return calls; // unreadable, or an earlier version's for another trunk
    }
    calls.trunkSid = trunkSid;
    calls.report.trunkSid = calls.trunkSid;
    const QJsonArray items = saved.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items)
        calls.report.items.append(itemFromJson(item.toObject()));
    calls.fallbackUrl = saved.value(QLatin1String("fallback_url")).toString();
    calls.fallbackMethod =
        saved.value(QLatin1String("fallback_method")).toString(QStringLiteral("POST"));
    calls.staleFallback =
        CallChoices::StaleUrl(qBound(0, saved.value(QLatin1String("stale_fallback")).toInt(), 2));
    calls.staleStatusCallback = CallChoices::StaleUrl(
        qBound(0, saved.value(QLatin1String("stale_status_callback")).toInt(), 2));
    calls.callerIdLookup = saved.value(QLatin1String("caller_id_lookup")).toBool();
    calls.faxSids = strings(saved.value(QLatin1String("fax")));
    calls.emergencySids = strings(saved.value(QLatin1String("emergency")));
    calls.route = RouteSpec::fromJson(saved.value(QLatin1String("route")).toObject());
    return calls;
}

bool SavedCalls::saveEmergencyOnDomain(Journal &journal, const QString &accountSid,
                                       const QString &trunkSid, bool enabled)
{
    return journal.setSetupValue(accountSid, perTrunk(TrunkEmergencyKey, trunkSid),
                                 enabled ? QStringLiteral("true") : QStringLiteral("false"));
}

bool SavedCalls::saveAccepted(Journal &journal, const QString &accountSid,
                              const QStringList &accepted)
{
    return journal.setSetupValue(accountSid, AcceptedKey, accepted.join(u','));
}

QStringList SavedCalls::loadAccepted(Journal &journal, const QString &accountSid)
{
    return journal.setupValue(accountSid, AcceptedKey)
        .value_or(QString())
        .split(u',', Qt::SkipEmptyParts);
}

bool SavedCalls::recordAcceptance(Journal &journal, AuditLog &audit, const QString &accountSid,
                                  const QString &runTrunkSid, QString *error) const
{
    for (const QString &setting : accepted) {
        const EquivalenceItem *item = report.item(setting);
        const bool unchecked = isNull() && setting == Unchecked;
        if (!unchecked && (!item || !item->needsAcknowledgement))
            continue;
        AuditRecord record;
        record.accountSid = accountSid;
        record.action = QStringLiteral("accept_change");
        record.trunkSid = runTrunkSid;
        if (unchecked) {
            record.after = tr("%1: numbers moved without a check of their calls against the "
                              "trunk")
                               .arg(Unchecked);
        } else {
            record.before = item->onTrunk;
            record.after =
                item->change.isEmpty() ? setting : setting + QStringLiteral(": ") + item->change;
        }
        record.outcome = QStringLiteral("acknowledged");
        if (!audit.append(record)) {
            *error = audit.errorString();
            return false;
        }
    }
    if (!saveAccepted(journal, accountSid, accepted)) {
        *error = journal.errorString();
        return false;
    }
    return true;
}
