#include "runreport.h"

#include "cliformat.h"
#include "texttable.h"

#include <QCoreApplication>
#include <QJsonArray>

void RunReport::update(const NumberInfo &number)
{
    if (!m_rows.contains(number.sid))
        m_order.append(number.sid);
    m_rows.insert(number.sid, number);
}

QString RunReport::text(const RunSummary &summary) const
{
    TextTable table({QCoreApplication::translate("RunReport", "NUMBER"),
                     QCoreApplication::translate("RunReport", "SID"),
                     QCoreApplication::translate("RunReport", "STATE"),
                     QCoreApplication::translate("RunReport", "VOICE URL"),
                     QCoreApplication::translate("RunReport", "ERROR")});
    for (const QString &sid : m_order) {
        const NumberInfo n = m_rows.value(sid);
        table.addRow({n.phoneNumber, n.sid, CliFormat::stateName(n.state), n.voiceUrl,
                      CliFormat::errorText(n.lastError)});
    }
    return (table.rowCount() > 0 ? table.render() : QString()) + summaryLine(summary) +
           QLatin1Char('\n');
}

QJsonObject RunReport::json(const RunSummary &summary) const
{
    QJsonArray numbers;
    for (const QString &sid : m_order)
        numbers.append(CliFormat::toJson(m_rows.value(sid)));
    QJsonObject object = CliFormat::toJson(summary);
    object.insert(QStringLiteral("numbers"), numbers);
    return object;
}

QString RunReport::summaryLine(const RunSummary &summary)
{
    return QCoreApplication::translate("RunReport",
                                       "Migrated %1, already migrated %2, reverted %3, failed %4, "
                                       "cancelled %5.")
        .arg(summary.migrated)
        .arg(summary.alreadyMigrated)
        .arg(summary.reverted)
        .arg(summary.failed)
        .arg(summary.cancelled);
}
