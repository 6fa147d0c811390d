#include "voicesettings.h"

#include <QJsonValue>

namespace VoiceSettings {

namespace {
QJsonValue toJson(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString textOf(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

// The setter of each restorable field on an update.
std::optional<QString> IncomingPhoneNumberUpdate::*memberOf(const QString &field)
{
    static const QList<QPair<QString, std::optional<QString> IncomingPhoneNumberUpdate::*>> map{
        {QStringLiteral("voice_url"), &IncomingPhoneNumberUpdate::voiceUrl},
        {QStringLiteral("voice_method"), &IncomingPhoneNumberUpdate::voiceMethod},
        {QStringLiteral("voice_fallback_url"), &IncomingPhoneNumberUpdate::voiceFallbackUrl},
        {QStringLiteral("voice_fallback_method"), &IncomingPhoneNumberUpdate::voiceFallbackMethod},
        {QStringLiteral("status_callback"), &IncomingPhoneNumberUpdate::statusCallback},
        {QStringLiteral("status_callback_method"),
         &IncomingPhoneNumberUpdate::statusCallbackMethod},
        {QStringLiteral("voice_application_sid"), &IncomingPhoneNumberUpdate::voiceApplicationSid},
    };
    for (const auto &entry : map)
        if (entry.first == field)
            return entry.second;
    return nullptr;
}
} // namespace

const QStringList &fieldNames()
{
    static const QStringList names{QStringLiteral("voice_url"),
                                   QStringLiteral("voice_method"),
                                   QStringLiteral("voice_fallback_url"),
                                   QStringLiteral("voice_fallback_method"),
                                   QStringLiteral("status_callback"),
                                   QStringLiteral("status_callback_method"),
                                   QStringLiteral("voice_application_sid"),
                                   QStringLiteral("trunk_sid")};
    return names;
}

QJsonObject snapshotOf(const IncomingPhoneNumber &number)
{
    return QJsonObject{
        {QStringLiteral("voice_url"), toJson(number.voiceUrl)},
        {QStringLiteral("voice_method"), toJson(number.voiceMethod)},
        {QStringLiteral("voice_fallback_url"), toJson(number.voiceFallbackUrl)},
        {QStringLiteral("voice_fallback_method"), toJson(number.voiceFallbackMethod)},
        {QStringLiteral("status_callback"), toJson(number.statusCallback)},
        {QStringLiteral("status_callback_method"), toJson(number.statusCallbackMethod)},
        {QStringLiteral("voice_application_sid"), toJson(number.voiceApplicationSid)},
        {QStringLiteral("trunk_sid"), toJson(number.trunkSid)},
        // Step 4 turns it on when the trunk looked callers' names up (issue 8).
        {QStringLiteral("voice_caller_id_lookup"), number.voiceCallerIdLookup},
    };
}

IncomingPhoneNumberUpdate restoreUpdate(const QJsonObject &prior, const IncomingPhoneNumber &live)
{
    const QJsonObject current = snapshotOf(live);
    const bool backToTrunk = !textOf(prior.value(QLatin1String("trunk_sid"))).isEmpty();
    IncomingPhoneNumberUpdate update;
    for (const QString &field : fieldNames()) {
        const auto member = memberOf(field);
        if (!member) // trunk_sid
            continue;
        if (backToTrunk && field == QLatin1String("voice_application_sid"))
            continue;
        const QString wanted = textOf(prior.value(field));
        if (wanted != textOf(current.value(field)))
            update.*member = wanted.isNull() ? QStringLiteral("") : wanted;
    }
    // A boolean; backups saved before it was kept have none, and then it is left alone.
    const QJsonValue lookup = prior.value(QLatin1String("voice_caller_id_lookup"));
    if (lookup.isBool() && lookup.toBool() != live.voiceCallerIdLookup)
        update.voiceCallerIdLookup = lookup.toBool();
    return update;
}

QString describe(const QJsonObject &settings, const QStringList &fields)
{
    QStringList parts;
    for (const QString &field : fields) {
        const QJsonValue value = settings.value(field);
        parts.append(field + QLatin1Char('=') +
                     (value.isString() ? value.toString() : QStringLiteral("null")));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace VoiceSettings
