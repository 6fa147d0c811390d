#include "acknowledgementnote.h"

#include "wizardstate.h"

namespace {
// How the backend's refusal starts (MigrationBackend::acceptChanges()).
constexpr QLatin1String
    Refusal("Nothing was changed: these changes to how calls behave must be acknowledged first");
constexpr QLatin1String FaxNumbers("fax-numbers");
} // namespace

AcknowledgementNote::AcknowledgementNote(const WizardState *state, QWidget *parent)
    : QLabel(parent)
    , m_state(state)
{
    setObjectName(QStringLiteral("acknowledgementNote"));
    setWordWrap(true);
    setVisible(false);
}

void AcknowledgementNote::setPlan(const MigrationPlan &plan)
{
    m_planReport = plan.equivalence;
    m_planUnacknowledged = plan.unacknowledged;
    refresh();
}

void AcknowledgementNote::forgetPlan()
{
    m_planReport = {};
    m_planUnacknowledged.clear();
    refresh();
}

bool AcknowledgementNote::waitsFor(const QString &setting) const
{
    return !m_state->accepted().contains(setting) &&
           (m_state->unacknowledged().contains(setting) || m_planUnacknowledged.contains(setting));
}

QStringList AcknowledgementNote::blocking() const
{
    QStringList missing;
    for (const QStringList &asked : {m_state->unacknowledged(), m_planUnacknowledged})
        for (const QString &setting : asked)
            if (setting != FaxNumbers && !missing.contains(setting) && waitsFor(setting))
                missing.append(setting);
    return missing;
}

QString AcknowledgementNote::titleOf(const QString &setting) const
{
    for (const EquivalenceReport *report : {&m_state->equivalence(), &m_planReport})
        if (const EquivalenceItem *item = report->item(setting); item && !item->title.isEmpty())
            return item->title;
    return setting;
}

QString AcknowledgementNote::reason() const
{
    QStringList titles;
    for (const QString &setting : blocking())
        titles.append(titleOf(setting));
    if (titles.isEmpty())
        return {};
    return tr("Migrate waits for these changes to how calls behave to be acknowledged on the "
              "\"Calls after the migration\" page (Back): %1.")
        .arg(titles.join(QStringLiteral("; ")));
}

void AcknowledgementNote::refresh()
{
    QStringList text;
    if (const QString why = reason(); !why.isEmpty())
        text.append(why);
    if (waitsFor(FaxNumbers))
        text.append(tr("Fax numbers stay on the trunk, each with its reason, until \"%1\" is "
                       "acknowledged there.")
                        .arg(titleOf(FaxNumbers)));
    setText(text.join(u' '));
    setVisible(!text.isEmpty());
}

bool AcknowledgementNote::isRefusal(const OperationError &error)
{
    return error.message.startsWith(Refusal);
}

QString AcknowledgementNote::refusalAdvice()
{
    return tr("Go Back to the \"Calls after the migration\" page and tick \"I accept this "
              "change\" for each of them.");
}
