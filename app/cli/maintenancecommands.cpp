#include "maintenancecommands.h"

#include "clioutput.h"

#include <QDir>
#include <QJsonObject>

void MaintenanceCommands::start()
{
    if (m_options.command == QLatin1String("audit"))
        exportAudit();
    else
        deleteTrunk();
}

void MaintenanceCommands::exportAudit()
{
    const QString path = QDir::current().absoluteFilePath(m_options.csvPath);
    ExportJob *job = m_backend->exportAudit(path);
    follow(job);
    job->onFinished(this, [this, path](int rows) {
        if (m_out->isJson())
            m_out->resultJson(
                QJsonObject{{QStringLiteral("csv"), path}, {QStringLiteral("rows"), rows}});
        else
            m_out->result(tr("Wrote %1 audit rows to %2\n").arg(rows).arg(path));
        finish(ExitCode::Ok);
    });
}

void MaintenanceCommands::deleteTrunk()
{
    // Deleting is irreversible, so check first that the trunk is empty: the engine refuses too,
    // but this gives the clearer message and asks before anything happens.
    withNumbers(m_options.trunkSid, [this](const QVector<NumberInfo> &numbers) {
        int onTrunk = 0;
        for (const NumberInfo &number : numbers)
            onTrunk += number.trunkSid == m_options.trunkSid ? 1 : 0;
        if (onTrunk > 0) {
            fail(ExitCode::Usage, tr("Trunk %1 still holds %2 numbers; migrate them first.")
                                      .arg(m_options.trunkSid)
                                      .arg(onTrunk));
            return;
        }
        confirm(tr("Delete trunk %1? This cannot be undone.").arg(m_options.trunkSid), [this] {
            DeleteTrunkJob *job = m_backend->deleteTrunk(m_options.trunkSid);
            follow(job);
            job->onFinished(this, [this](const QString &sid) {
                if (m_out->isJson())
                    m_out->resultJson(QJsonObject{{QStringLiteral("deleted"), sid}});
                else
                    m_out->result(tr("Deleted trunk %1\n").arg(sid));
                finish(ExitCode::Ok);
            });
        });
    });
}
