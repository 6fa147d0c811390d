#pragma once

#include <QString>
#include <QStringList>

// One line of the audit log: a change, or a failed attempt at one.
struct AuditRecord
{
    QString timeUtc;      // ISO 8601 with milliseconds and 'Z'; AuditLog fills it when empty
    QString operatorName; // OS user; AuditLog fills it when empty
    QString accountSid;
    QString action;      // e.g. set_voice_url, remove_from_trunk
    QString phoneNumber; // E.164, empty for account-level actions
    QString numberSid;
    QString trunkSid;
    QString before;     // the value before the change, as Twilio reported it
    QString after;      // the value asked for
    int httpStatus = 0; // 0 when no HTTP answer came
    int twilioCode = 0; // 0 when Twilio gave none
    QString requestId;  // Twilio-Request-Id
    QString outcome;    // "success", "failed", "skipped", ...

    // Column names of the CSV export, in order.
    static QStringList columnNames()
    {
        return {QStringLiteral("time_utc"),
                QStringLiteral("operator"),
                QStringLiteral("account_sid"),
                QStringLiteral("action"),
                QStringLiteral("phone_number"),
                QStringLiteral("number_sid"),
                QStringLiteral("trunk_sid"),
                QStringLiteral("before"),
                QStringLiteral("after"),
                QStringLiteral("http_status"),
                QStringLiteral("twilio_error_code"),
                QStringLiteral("twilio_request_id"),
                QStringLiteral("outcome")};
    }

    // The cells in columnNames() order; absent numbers are empty cells.
    QStringList cells() const
    {
        return {timeUtc,
                operatorName,
                accountSid,
                action,
                phoneNumber,
                numberSid,
                trunkSid,
                before,
                after,
                httpStatus ? QString::number(httpStatus) : QString(),
                twilioCode ? QString::number(twilioCode) : QString(),
                requestId,
                outcome};
    }
};
