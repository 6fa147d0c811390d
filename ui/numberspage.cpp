#include "numberspage.h"

#include "acknowledgementnote.h"
#include "dialogseam.h"
#include "errortext.h"
#include "numberfilterproxymodel.h"
#include "numberselectionbar.h"
#include "numbertablemodel.h"
#include "operationprogress.h"
#include "plandialog.h"
#include "uilogging.h"
#include "wizardstate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {
NumberFilterProxyModel *makeProxy(NumberTableModel *model, QObject *parent)
{
    auto *proxy = new NumberFilterProxyModel(parent);
    proxy->setSourceModel(model);
    return proxy;
}
} // namespace

NumbersPage::NumbersPage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_model(state->numbers())
    , m_proxy(makeProxy(m_model, this))
    // Created before the table so Tab goes from the filter to the table, as they are shown.
    , m_selection(new NumberSelectionBar(m_proxy, this))
    , m_table(new QTableView(this))
    , m_plan(new QPushButton(tr("&Plan…"), this))
    , m_migrate(new QPushButton(tr("&Migrate selected"), this))
    , m_revert(new QPushButton(tr("&Revert"), this))
    , m_retry(new QPushButton(tr("Re&try failed"), this))
    , m_progress(new OperationProgress(QStringLiteral("numbersProgress"), this))
    , m_status(new QLabel(this))
    , m_errorDetail(new QLabel(this))
    , m_acknowledgement(new AcknowledgementNote(state, this))
{
    setObjectName(QStringLiteral("numbersPage"));
    setTitle(tr("Step 4: move the numbers"));
    setSubTitle(tr("Each number first gets the new voice URL and only then leaves the trunk, so "
                   "it never goes without a route. Revert puts a number back exactly as it was."));
    m_table->setObjectName(QStringLiteral("numbersTable"));
    m_table->setAccessibleName(tr("Phone numbers on the trunk"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NumberTableModel::Number, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_plan->setObjectName(QStringLiteral("planButton"));
    m_plan->setToolTip(tr("List every change Migrate would make, without changing anything"));
    m_migrate->setObjectName(QStringLiteral("migrateButton"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Put the selected migrated numbers back on the trunk"));
    m_retry->setObjectName(QStringLiteral("retryFailedButton"));
    m_progress->setCancellable(true);
    m_status->setObjectName(QStringLiteral("numbersStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_errorDetail->setObjectName(QStringLiteral("numberErrorDetail"));
    m_errorDetail->setWordWrap(true);
    m_errorDetail->setTextFormat(Qt::RichText);
    m_errorDetail->setOpenExternalLinks(true);
    m_errorDetail->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_plan);
    actions->addWidget(m_migrate);
    actions->addWidget(m_revert);
    actions->addWidget(m_retry);
    actions->addWidget(m_progress, 1);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_selection);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_errorDetail);
    layout->addWidget(m_acknowledgement);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    connect(m_plan, &QPushButton::clicked, this, &NumbersPage::plan);
    connect(m_migrate, &QPushButton::clicked, this, [this] { migrate(m_model->checkedSids()); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { migrate(sidsInState(NumberState::Failed)); });
    connect(m_revert, &QPushButton::clicked, this,
            [this] { confirmRevert(selectedSidsInState(NumberState::Migrated)); });
    connect(m_table, &QTableView::customContextMenuRequested, this, &NumbersPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showCurrentError();
    });
    connect(m_model, &NumberTableModel::checkedCountChanged, this, &NumbersPage::updateActions);
    connect(m_model, &NumberTableModel::stateCountsChanged, this, &NumbersPage::updateActions);
}

void NumbersPage::initializePage()
{
    load();
    updateActions(); // back from the Calls page with changes accepted, or withdrawn
}

bool NumbersPage::isComplete() const
{
    return !isRunning() && !m_loading;
}

void NumbersPage::load()
{
    // Back and Next again: a run goes on with its rows on screen, a listing of this trunk
    // still running is the one to show.
    const QString trunkSid = m_state->trunk().sid;
    if (isRunning() || (m_loadJob && m_loadTrunk == trunkSid))
        return;
    m_loading = true;
    m_status->setText(tr("Listing the trunk's numbers…"));
    updateActions();
    emit completeChanged();
    if (m_loadJob) // a listing of the trunk the user has since left
        disconnect(m_loadJob, nullptr, this, nullptr);
    if (m_loadTrunk != trunkSid)
        m_acknowledgement->forgetPlan();
    m_loadTrunk = trunkSid;
    m_loadJob = m_backend->loadNumbers(trunkSid);
    m_loadJob->onFinished(this, [this](const QVector<NumberInfo> &numbers) {
        m_loading = false;
        m_model->setRows(numbers);
        fitColumns();
        finish(tr("%n number(s): %1.", nullptr, int(numbers.size())).arg(stateCounts()));
    });
    connect(m_loadJob, &BackendJob::failed, this, [this](const OperationError &error) {
        m_loading = false;
        finish(tr("Could not list the numbers: %1").arg(ErrorText::html(error)));
    });
}

void NumbersPage::plan()
{
    // The plan says what of step 2's report is still unacknowledged with these.
    m_backend->acceptChanges(m_state->accepted());
    PlanJob *job = m_backend->plan(m_model->checkedSids());
    start(job, tr("Working out the plan…"));
    job->onFinished(this, [this](const MigrationPlan &plan) {
        m_acknowledgement->setPlan(plan);
        finish(tr("Plan ready: nothing has been changed."));
        auto *dialog = new PlanDialog(plan, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void NumbersPage::migrate(const QStringList &sids)
{
    if (sids.isEmpty())
        return;
    if (const QString why = m_acknowledgement->reason(); !why.isEmpty()) {
        m_status->setText(tr("Nothing was migrated. %1").arg(why.toHtmlEscaped()));
        return;
    }
    m_backend->acceptChanges(m_state->accepted());
    qCInfo(lcUi) << "migrating" << sids.size() << "numbers";
    startRun(m_backend->migrate(sids), tr("Migrating numbers…"));
}

void NumbersPage::confirmRevert(const QStringList &sids)
{
    if (sids.isEmpty())
        return;
    const int row = m_model->rowOfSid(sids.constFirst());
    const QString text =
        sids.size() == 1
            ? tr("Put %1 back on the trunk and restore its previous voice settings?")
                  .arg(m_model->rowAt(row).phoneNumber)
            : tr("Put %n numbers back on the trunk and restore their previous voice settings?",
                 nullptr, int(sids.size()));
    DialogSeam::choose(this, tr("Revert"), text, {tr("&Revert"), tr("&Keep migrated")}, 1, this,
                       [this, sids](int choice) {
                           if (choice != 0 || isRunning())
                               return;
                           startRun(m_backend->revert(sids), tr("Reverting…"));
                       });
}

void NumbersPage::start(BackendJob *job, const QString &stage)
{
    m_job = job;
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        QString text = tr("Stopped: %1").arg(ErrorText::html(error));
        if (AcknowledgementNote::isRefusal(error)) // acknowledgements the page did not know of
            text += u' ' + AcknowledgementNote::refusalAdvice().toHtmlEscaped();
        finish(text);
    });
    m_errorDetail->clear();
    m_status->clear();
    m_progress->start(stage, job);
    updateActions();
    emit completeChanged();
}

void NumbersPage::startRun(RunJob *job, const QString &stage)
{
    start(job, stage);
    connect(job, &RunJob::numberChanged, this, [this](const NumberInfo &number) {
        m_model->updateRow(number);
        showCurrentError();
    });
    const bool migrating = job->operation() == MigrationBackend::Operation::Migrate;
    job->onFinished(
        this, [this, migrating](const RunSummary &summary) { onRunFinished(summary, migrating); });
}

void NumbersPage::finish(const QString &message)
{
    m_job = nullptr;
    m_progress->stop();
    m_status->setText(message);
    updateActions();
    emit completeChanged();
}

void NumbersPage::onRunFinished(const RunSummary &summary, bool migrating)
{
    if (migrating)
        uncheckMigrated();
    QStringList parts;
    if (summary.migrated > 0)
        parts.append(tr("%n migrated", nullptr, summary.migrated));
    if (summary.alreadyMigrated > 0)
        parts.append(tr("%n already migrated", nullptr, summary.alreadyMigrated));
    if (summary.reverted > 0)
        parts.append(tr("%n reverted", nullptr, summary.reverted));
    if (summary.failed > 0)
        parts.append(tr("%n failed (see the Last error column)", nullptr, summary.failed));
    if (summary.cancelled > 0)
        parts.append(tr("%n not started (stopped)", nullptr, summary.cancelled));
    const QString done =
        parts.isEmpty() ? tr("Nothing to do.") : tr("Done: %1.").arg(parts.join(tr(", ")));
    finish(tr("%1 Now %2.").arg(done, stateCounts()));
}

// After a run the selection keeps only what still needs work (failed or untouched rows), so
// "Migrate selected" does not offer numbers that are already done.
void NumbersPage::uncheckMigrated()
{
    QVector<int> done;
    const QStringList checked = m_model->checkedSids();
    for (const QString &sid : checked) {
        const int row = m_model->rowOfSid(sid);
        if (row >= 0 && m_model->rowAt(row).state == NumberState::Migrated)
            done.append(row);
    }
    if (!done.isEmpty())
        m_model->checkRows(done, false);
}

void NumbersPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    const QString sid = index.data(NumberTableModel::SidRole).toString();
    const auto state = NumberState(index.data(NumberTableModel::StateRole).toInt());
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("numberContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *revert =
        menu->addAction(tr("&Revert this number"), this, [this, sid] { confirmRevert({sid}); });
    revert->setObjectName(QStringLiteral("revertAction"));
    revert->setEnabled(state == NumberState::Migrated && !isRunning());
    QAction *retry =
        menu->addAction(tr("Re&try this number"), this, [this, sid] { migrate({sid}); });
    retry->setObjectName(QStringLiteral("retryAction"));
    retry->setEnabled(state == NumberState::Failed && !isRunning() &&
                      m_acknowledgement->blocking().isEmpty());
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

QStringList NumbersPage::selectedSidsInState(NumberState state) const
{
    QStringList sids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (NumberState(index.data(NumberTableModel::StateRole).toInt()) == state)
            sids.append(index.data(NumberTableModel::SidRole).toString());
    }
    return sids;
}

QStringList NumbersPage::sidsInState(NumberState state) const
{
    QStringList sids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rowAt(row).state == state)
            sids.append(m_model->rowAt(row).sid);
    }
    return sids;
}

QString NumbersPage::stateCounts() const
{
    // Every state present, in the order a number moves through them, e.g. "249 on the trunk,
    // 1 migrated": a number set up as step 2's test number is migrated already.
    QStringList parts;
    for (const NumberState state :
         {NumberState::OnTrunk, NumberState::Migrating, NumberState::Migrated, NumberState::Failed,
          NumberState::Reverting, NumberState::Reverted, NumberState::NotOnTrunk}) {
        const int n = m_model->countInState(state);
        if (n == 0)
            continue;
        switch (state) {
        case NumberState::OnTrunk:
            parts.append(tr("%n on the trunk", nullptr, n));
            break;
        case NumberState::Migrating:
            parts.append(tr("%n migrating", nullptr, n));
            break;
        case NumberState::Migrated:
            parts.append(tr("%n migrated", nullptr, n));
            break;
        case NumberState::Failed:
            parts.append(tr("%n failed", nullptr, n));
            break;
        case NumberState::Reverting:
            parts.append(tr("%n reverting", nullptr, n));
            break;
        case NumberState::Reverted:
            parts.append(tr("%n reverted", nullptr, n));
            break;
        case NumberState::NotOnTrunk:
            parts.append(tr("%n no longer on the trunk", nullptr, n));
            break;
        }
    }
    return parts.isEmpty() ? tr("none") : parts.join(tr(", "));
}

void NumbersPage::fitColumns()
{
    // Contents first, then caps: SIDs and URLs are long, and the state and error columns
    // matter more. Every column stays resizable and shows its full text in a tooltip.
    m_table->resizeColumnsToContents();
    const int character = m_table->fontMetrics().averageCharWidth();
    const QPair<int, int> caps[] = {{NumberTableModel::FriendlyName, 18},
                                    {NumberTableModel::Sid, 14},
                                    {NumberTableModel::VoiceUrl, 34}};
    for (const auto &cap : caps) {
        m_table->setColumnWidth(cap.first,
                                qMin(m_table->columnWidth(cap.first), cap.second * character));
    }
}

void NumbersPage::updateActions()
{
    const bool idle = !isRunning() && !m_loading;
    m_acknowledgement->refresh();
    const QString waiting = m_acknowledgement->reason();
    const int checked = m_model->checkedCount();
    m_plan->setEnabled(idle && checked > 0);
    m_migrate->setEnabled(idle && checked > 0 && waiting.isEmpty());
    m_migrate->setToolTip(waiting);
    m_migrate->setText(checked > 0 ? tr("&Migrate %n selected", nullptr, checked)
                                   : tr("&Migrate selected"));
    m_revert->setEnabled(idle && !selectedSidsInState(NumberState::Migrated).isEmpty());
    const int failed = m_model->countInState(NumberState::Failed);
    m_retry->setEnabled(idle && failed > 0 && waiting.isEmpty());
    m_retry->setToolTip(waiting);
    m_retry->setText(failed > 0 ? tr("Re&try %n failed", nullptr, failed) : tr("Re&try failed"));
}

void NumbersPage::showCurrentError()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = current.isValid() ? m_proxy->mapToSource(current).row() : -1;
    if (row < 0 || m_model->rowAt(row).lastError.message.isEmpty()) {
        m_errorDetail->clear();
        return;
    }
    const NumberInfo &number = m_model->rowAt(row);
    m_errorDetail->setText(
        tr("%1: %2").arg(number.phoneNumber.toHtmlEscaped(), ErrorText::html(number.lastError)));
}
