#include "migrationcommands.h"

#include "cliformat.h"
#include "clioutput.h"
#include "numberselection.h"
#include "texttable.h"

void MigrationCommands::start()
{
    // Before plan and migrate alike: the plan then shows what is still unacknowledged.
    m_backend->acceptChanges(m_options.acceptedChanges);
    if (m_options.command == QLatin1String("revert")) {
        revert();
        return;
    }
    withSelection([this](const QStringList &sids) {
        if (m_options.command == QLatin1String("plan"))
            plan(sids);
        else
            migrate(sids);
    });
}

void MigrationCommands::withSelection(std::function<void(const QStringList &)> next)
{
    withNumbers(m_options.trunkSid, [this, next](const QVector<NumberInfo> &numbers) {
        QStringList sids;
        const QString error = NumberSelection::resolve(
            numbers, m_options.phoneNumbers, m_options.allNumbers, m_options.trunkSid, &sids);
        if (!error.isEmpty()) {
            fail(ExitCode::Usage, error);
            return;
        }
        next(sids);
    });
}

void MigrationCommands::withTrunk(std::function<void(const QString &)> next)
{
    if (!m_options.trunkSid.isEmpty()) {
        next(m_options.trunkSid);
        return;
    }
    // Most accounts have one trunk; only ask for --trunk when the choice is not obvious.
    TrunksJob *job = m_backend->loadTrunks();
    follow(job);
    job->onFinished(this, [this, next = std::move(next)](const QVector<TrunkSummary> &trunks) {
        if (trunks.size() != 1) {
            fail(ExitCode::Usage,
                 tr("The account has %1 trunks: name one with --trunk.").arg(trunks.size()));
            return;
        }
        m_options.trunkSid = trunks.constFirst().sid;
        next(m_options.trunkSid);
    });
}

void MigrationCommands::plan(const QStringList &sids)
{
    PlanJob *job = m_backend->plan(sids, m_options.voiceUrl);
    follow(job);
    job->onFinished(this, [this](const MigrationPlan &plan) {
        printPlan(plan);
        finish(ExitCode::Ok);
    });
}

void MigrationCommands::printPlan(const MigrationPlan &plan)
{
    if (m_out->isJson()) {
        m_out->resultJson(CliFormat::toJson(plan));
        return;
    }
    TextTable table({tr("NUMBER"), tr("SID"), tr("ACTION"), tr("BEFORE"), tr("AFTER")});
    for (const PlanItem &item : plan.items)
        table.addRow({item.phoneNumber, item.numberSid, item.action, item.before, item.after});
    QString text = table.render() +
                   tr("%1 numbers to migrate, %2 already migrated, %3 API calls; voice URL %4.\n")
                       .arg(plan.numbersToMigrate)
                       .arg(plan.alreadyMigrated)
                       .arg(plan.apiCalls)
                       .arg(plan.voiceUrl);
    if (!plan.fallbackUrl.isEmpty())
        text += tr("Fallback URL of the migrated numbers: %1\n").arg(plan.fallbackUrl);
    if (!plan.equivalence.items.isEmpty())
        text += tr("\nHow calls behave after the migration:\n") +
                CliFormat::equivalenceText(plan.equivalence, m_options.acceptedChanges);
    if (!plan.refusal.isEmpty())
        text += u'\n' + tr("migrate would refuse: %1").arg(plan.refusal) + u'\n';
    m_out->result(text);
}

void MigrationCommands::migrate(const QStringList &sids)
{
    auto run = [this, sids] {
        followRun(m_backend->migrate(sids, m_options.voiceUrl));
    };
    if (m_options.yes) {
        run();
        return;
    }
    // Show what will happen before asking; the plan itself changes nothing.
    PlanJob *job = m_backend->plan(sids, m_options.voiceUrl);
    follow(job);
    job->onFinished(this, [this, run](const MigrationPlan &plan) {
        m_out->note(tr("%1 numbers to migrate (%2 already migrated), %3 API calls; "
                       "voice URL %4.")
                        .arg(plan.numbersToMigrate)
                        .arg(plan.alreadyMigrated)
                        .arg(plan.apiCalls)
                        .arg(plan.voiceUrl));
        if (!plan.refusal.isEmpty()) {
            // The same answer migrate would give: asking first would only waste a "yes".
            fail(ExitCode::Api, plan.refusal);
            return;
        }
        if (plan.unacknowledged.contains(QStringLiteral("fax-numbers")))
            m_out->note(tr("Fax numbers stay on the trunk unless --accept-change fax-numbers."));
        confirm(tr("Migrate these numbers off trunk %1?").arg(m_options.trunkSid), run);
    });
}

void MigrationCommands::revert()
{
    withTrunk([this](const QString &trunkSid) {
        withNumbers(trunkSid, [this, trunkSid](const QVector<NumberInfo> &numbers) {
            QStringList sids;
            const QString error =
                NumberSelection::resolve(numbers, m_options.phoneNumbers, false, trunkSid, &sids);
            if (!error.isEmpty()) {
                fail(ExitCode::Usage, error);
                return;
            }
            followRun(m_backend->revert(sids));
        });
    });
}
