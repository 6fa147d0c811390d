#include "inventorycommands.h"

#include "cliformat.h"
#include "clioutput.h"
#include "texttable.h"

#include <QJsonArray>

namespace {

// The CLI's own rendering (not CutoverSheet::asText()), so the layout suits a terminal and a
// script can grep it: one "key: value" per line.
QString sheetText(const CutoverSheet &sheet)
{
    QString text = InventoryCommands::tr("SIP domain: %1\n").arg(sheet.domainName);
    for (const QString &uri : sheet.sipUris)
        text += InventoryCommands::tr("SIP URI: %1\n").arg(uri);
    text += InventoryCommands::tr("Port: %1 (UDP/TCP), %2 with TLS%3\n")
                .arg(sheet.port)
                .arg(sheet.tlsPort)
                .arg(sheet.tlsRequired ? InventoryCommands::tr(" (TLS required)") : QString());
    text += InventoryCommands::tr("SRTP: %1\n")
                .arg(sheet.srtpRequired ? InventoryCommands::tr("required")
                                        : InventoryCommands::tr("optional"));
    for (const NamedSid &acl : sheet.ipAccessControlLists)
        text += InventoryCommands::tr("IP ACL: %1 %2\n").arg(acl.sid, acl.friendlyName);
    for (const NamedSid &list : sheet.credentialLists)
        text += InventoryCommands::tr("Credential list: %1 %2\n").arg(list.sid, list.friendlyName);
    return text;
}

} // namespace

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
    connect(m_backend, &MigrationBackend::trunksLoaded, this,
            [this](const QVector<TrunkSummary> &trunks) {
                if (m_out->isJson()) {
                    QJsonArray array;
                    for (const TrunkSummary &trunk : trunks)
                        array.append(CliFormat::toJson(trunk));
                    m_out->resultJson(array);
                } else {
                    TextTable table({tr("SID"), tr("NAME"), tr("NUMBERS"), tr("TERMINATION"),
                                     tr("ORIGINATION")});
                    for (const TrunkSummary &trunk : trunks) {
                        QStringList origination;
                        for (const OriginationInfo &url : trunk.originationUrls)
                            origination.append(url.sipUrl);
                        table.addRow({trunk.sid, trunk.friendlyName,
                                      QString::number(trunk.numberCount), trunk.terminationDomain,
                                      origination.join(QLatin1Char(' '))});
                    }
                    m_out->result(table.render());
                }
                finish(ExitCode::Ok);
            });
    m_backend->loadTrunks();
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
    connect(m_backend, &MigrationBackend::callsLoaded, this,
            [this](const QString &target, const QVector<CallInfo> &calls) {
                if (target != m_options.callTarget)
                    return;
                if (m_out->isJson()) {
                    QJsonArray array;
                    for (const CallInfo &call : calls)
                        array.append(CliFormat::toJson(call));
                    m_out->resultJson(array);
                } else {
                    TextTable table({tr("STARTED (UTC)"), tr("SID"), tr("PARENT"), tr("FROM"),
                                     tr("TO"), tr("DIRECTION"), tr("STATUS"), tr("SECONDS")});
                    for (const CallInfo &c : calls)
                        table.addRow({c.startTime.toUTC().toString(Qt::ISODate), c.sid,
                                      c.parentCallSid, c.from, c.to, c.direction, c.status,
                                      c.duration});
                    m_out->result(table.render());
                }
                finish(ExitCode::Ok);
            });
    m_backend->loadRecentCalls(m_options.callTarget);
}

void InventoryCommands::printCutoverSheet()
{
    const CutoverSheet sheet = m_backend->cutoverSheet();
    // The sheet comes from step 1; without it there is nothing the PBX could be told.
    if (sheet.domainName.isEmpty()) {
        fail(ExitCode::Usage, tr("No SIP domain yet: run setup-inbound first (with the same "
                                 "--state journal)."));
        return;
    }
    if (m_out->isJson())
        m_out->resultJson(CliFormat::toJson(sheet));
    else
        m_out->result(sheetText(sheet));
    finish(ExitCode::Ok);
}
