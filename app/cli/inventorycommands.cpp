#include "inventorycommands.h"

#include "cliformat.h"
#include "clioutput.h"
#include "texttable.h"

#include <QJsonArray>

void InventoryCommands::start()
{
    const QString &command = m_options.command;
    if (command == QLatin1String("trunks"))
        listTrunks();
    else if (command == QLatin1String("numbers"))
        listNumbers();
    else if (command == QLatin1String("calls"))
        listCalls();
    else
        printCutoverSheet();
}

void InventoryCommands::listTrunks()
{
    TrunksJob *job = m_backend->loadTrunks();
    follow(job);
    job->onFinished(this, [this](const QVector<TrunkSummary> &trunks) {
        if (m_out->isJson()) {
            QJsonArray array;
            for (const TrunkSummary &trunk : trunks)
                array.append(CliFormat::toJson(trunk));
            m_out->resultJson(array);
        } else {
            TextTable table(
                {tr("SID"), tr("NAME"), tr("NUMBERS"), tr("TERMINATION"), tr("ORIGINATION")});
            for (const TrunkSummary &trunk : trunks) {
                QStringList origination;
                for (const OriginationInfo &url : trunk.originationUrls)
                    origination.append(url.sipUrl);
                table.addRow({trunk.sid, trunk.friendlyName, QString::number(trunk.numberCount),
                              trunk.terminationDomain, origination.join(QLatin1Char(' '))});
            }
            m_out->result(table.render());
        }
        finish(ExitCode::Ok);
    });
}

void InventoryCommands::listNumbers()
{
    withNumbers(m_options.trunkSid, [this](const QVector<NumberInfo> &numbers) {
        if (m_out->isJson()) {
            QJsonArray array;
            for (const NumberInfo &number : numbers)
                array.append(CliFormat::toJson(number));
            m_out->resultJson(array);
        } else {
            TextTable table({tr("NUMBER"), tr("SID"), tr("STATE"), tr("VOICE URL"), tr("NAME")});
            for (const NumberInfo &n : numbers)
                table.addRow({n.phoneNumber, n.sid, CliFormat::stateName(n.state), n.voiceUrl,
                              n.friendlyName});
            m_out->result(table.render());
        }
        finish(ExitCode::Ok);
    });
}

void InventoryCommands::listCalls()
{
    CallsJob *job = m_backend->loadRecentCalls(m_options.callTarget);
    follow(job);
    job->onFinished(this, [this](const QVector<CallInfo> &calls) {
        if (m_out->isJson()) {
            QJsonArray array;
            for (const CallInfo &call : calls)
                array.append(CliFormat::toJson(call));
            m_out->resultJson(array);
        } else {
            TextTable table({tr("STARTED (UTC)"), tr("SID"), tr("PARENT"), tr("FROM"), tr("TO"),
                             tr("DIRECTION"), tr("STATUS"), tr("SECONDS")});
            for (const CallInfo &c : calls)
                table.addRow({c.startTime.toUTC().toString(Qt::ISODate), c.sid, c.parentCallSid,
                              c.from, c.to, c.direction, c.status, c.duration});
            m_out->result(table.render());
        }
        finish(ExitCode::Ok);
    });
}

void InventoryCommands::printCutoverSheet()
{
    const CutoverSheet sheet = m_backend->cutoverSheet();
    // The sheet comes from step 1; without it there is nothing the PBX could be told.
    if (sheet.domainName.isEmpty()) {
        // The engine rebuilds the sheet from the journal; none there means step 1 never ran
        // with this --state file (or on this account).
        fail(ExitCode::Usage, tr("No cut-over sheet yet for this account: run setup-inbound "
                                 "first (with the same --state file)."));
        return;
    }
    if (m_out->isJson())
        m_out->resultJson(CliFormat::toJson(sheet));
    else
        m_out->result(CliFormat::sheetText(sheet));
    finish(ExitCode::Ok);
}
