#include "numberspage.h"

#include "acknowledgementnote.h"
#include "canarybox.h"
#include "dialogseam.h"
#include "errortext.h"
#include "numbercounts.h"
#include "numberfilterproxymodel.h"
#include "numberselectionbar.h"
#include "numbertablemodel.h"
#include "numbertableview.h"
#include "operationprogress.h"
#include "plandialog.h"
#include "uilogging.h"
#include "wizardstate.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

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
    , m_table(new NumberTableView(this))
    , m_plan(new QPushButton(tr("&Plan…"), this))
    , m_migrate(new QPushButton(this))
    , m_revert(new QPushButton(this))
    , m_retry(new QPushButton(this))
    , m_progress(new OperationProgress(QStringLiteral("numbersProgress"), this))
    , m_status(new QLabel(this))
    , m_errorDetail(new QLabel(this))
    , m_acknowledgement(new AcknowledgementNote(state, this))
    , m_canary(new CanaryBox(backend, this))
    , m_shown(new QLabel(this))
{
    setObjectName(QStringLiteral("numbersPage"));
    setTitle(tr("Step 4: move the numbers"));
    setSubTitle(tr("Each number first gets the new voice URL and only then leaves the trunk, so "
                   "it never goes without a route. Revert puts a number back exactly as it was."));
    m_table->setObjectName(QStringLiteral("numbersTable"));
    m_table->setAccessibleName(tr("Phone numbers on the trunk"));
    m_table->setModel(m_proxy);
    m_table->sortByColumn(NumberTableModel::Number, Qt::AscendingOrder);
    m_plan->setObjectName(QStringLiteral("planButton"));
    m_plan->setToolTip(tr("List every change Migrate would make, without changing anything"));
    m_migrate->setObjectName(QStringLiteral("migrateButton"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_shown->setObjectName(QStringLiteral("numbersShownTicked"));
    m_retry->setObjectName(QStringLiteral("retryFailedButton"));
    m_progress->setCancellable(true);
    m_status->setObjectName(QStringLiteral("numbersStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_errorDetail->setObjectName(QStringLiteral("numberErrorDetail"));
    m_errorDetail->setAccessibleName(tr("Error of the selected number"));
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
    layout->addWidget(m_shown);
    layout->addWidget(m_errorDetail);
    layout->addWidget(m_acknowledgement);
    layout->addWidget(m_canary);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    // Ticks choose the numbers for every action; the highlighted row only shows its error.
    connect(m_plan, &QPushButton::clicked, this, [this] { review(tickedSids(canMigrate)); });
    connect(m_migrate, &QPushButton::clicked, this, [this] { review(tickedSids(canMigrate)); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { review(sidsInState(NumberState::Failed)); });
    connect(m_revert, &QPushButton::clicked, this,
            [this] { confirmRevert(tickedSids(canRevert)); });
    connect(m_canary, &CanaryBox::migrateRemainingRequested, this,
            [this] { migrate(tickedSids(canMigrate)); });
    connect(m_table, &QTableView::customContextMenuRequested, this, &NumbersPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NumbersPage::showCurrentError);
    connect(m_model, &NumberTableModel::checkedCountChanged, this, &NumbersPage::updateActions);
    connect(m_model, &NumberTableModel::stateCountsChanged, this, &NumbersPage::updateActions);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &NumbersPage::updateShown);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &NumbersPage::updateShown);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &NumbersPage::updateShown);
    connect(m_model, &NumberTableModel::checkedCountChanged, this, &NumbersPage::updateShown);
    connect(m_state, &WizardState::trunkDeletedChanged, this, &NumbersPage::updateActions);
    connect(m_state, &WizardState::trunkChanged, m_canary, &CanaryBox::dismiss);
}

int NumbersPage::tableWidth() const
{
    return m_table->contentWidth();
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
        finish(tr("Numbers on the trunk: %1 (%2).").arg(numbers.size()).arg(stateCounts()));
    });
    connect(m_loadJob, &BackendJob::failed, this, [this](const OperationError &error) {
        m_loading = false;
        finish(tr("Could not list the numbers: %1").arg(ErrorText::html(error)));
    });
}

void NumbersPage::review(const QStringList &sids)
{
    if (sids.isEmpty())
        return;
    // The plan says what of step 2's report is still unacknowledged with these.
    m_backend->acceptChanges(m_state->accepted());
    PlanJob *job = m_backend->plan(sids);
    start(job, tr("Working out the plan…"));
    job->onFinished(this, [this, sids](const MigrationPlan &plan) {
        m_acknowledgement->setPlan(plan);
        finish(tr("Plan ready: nothing has been changed by it."));
        PlanDialog::Offer offer;
        offer.sids = sids;
        for (const QString &sid : sids)
            offer.phoneNumbers.append(m_model->rowAt(m_model->rowOfSid(sid)).phoneNumber);
        // Only the test number moved so far: the first batch of step 4 is offered as a canary.
        offer.canary = m_model->countInState(NumberState::Migrated) <= 1;
        offer.blocked = m_acknowledgement->reason();
        auto *dialog = new PlanDialog(plan, offer, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PlanDialog::migrateRequested, this,
                [this](const QStringList &chosen, bool canary) { migrate(chosen, canary); });
        dialog->open();
    });
}

void NumbersPage::migrate(const QStringList &sids, bool canary)
{
    if (sids.isEmpty() || isRunning())
        return;
    if (const QString why = m_acknowledgement->reason(); !why.isEmpty()) {
        m_status->setText(tr("Nothing was migrated. %1").arg(why.toHtmlEscaped()));
        return;
    }
    m_canary->dismiss();
    m_backend->acceptChanges(m_state->accepted());
    qCInfo(lcUi) << "migrating" << sids.size() << "numbers" << (canary ? "as a canary" : "");
    m_canaryRun = canary;
    startRun(m_backend->migrate(sids),
             canary ? tr("Migrating the canary batch…") : tr("Migrating numbers…"));
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
                           m_canary->dismiss();
                           m_canaryRun = false;
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
        parts.append(tr("%n failed (the Failed filter lists them, each with its error)", nullptr,
                        summary.failed));
    if (summary.cancelled > 0)
        parts.append(
            tr("%n stopped before finishing (see the State column)", nullptr, summary.cancelled));
    const QString done = parts.isEmpty()         ? tr("Nothing to do.")
                         : summary.cancelled > 0 ? tr("Stopped: %1.").arg(parts.join(tr(", ")))
                                                 : tr("Done: %1.").arg(parts.join(tr(", ")));
    finish(tr("%1 Now %2.").arg(done, stateCounts()));
    const int remaining = m_model->checkedCountWhere(canMigrate);
    if (std::exchange(m_canaryRun, false) && summary.migrated > 0 && remaining > 0)
        m_canary->canaryMoved(m_state->trunk().sid, summary.migrated, remaining);
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
    revert->setEnabled(canRevert(state) && !isRunning() && !m_state->trunkDeleted());
    QAction *retry =
        menu->addAction(tr("Re&try this number…"), this, [this, sid] { review({sid}); });
    retry->setObjectName(QStringLiteral("retryAction"));
    retry->setEnabled(state == NumberState::Failed && !isRunning() && !m_state->trunkDeleted() &&
                      m_acknowledgement->blocking().isEmpty());
    const QString error =
        index.siblingAtColumn(NumberTableModel::LastError).data(Qt::ToolTipRole).toString();
    QAction *copy = menu->addAction(tr("&Copy the error"), this,
                                    [error] { QGuiApplication::clipboard()->setText(error); });
    copy->setObjectName(QStringLiteral("copyErrorAction"));
    copy->setEnabled(!error.isEmpty());
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

QStringList NumbersPage::tickedSids(bool (*applies)(NumberState)) const
{
    QStringList sids;
    const QStringList ticked = m_model->checkedSids();
    for (const QString &sid : ticked) {
        if (applies(m_model->rowAt(m_model->rowOfSid(sid)).state))
            sids.append(sid);
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
    return NumberCounts::sentence(m_model);
}

void NumbersPage::updateShown()
{
    m_shown->setText(tr("%1 shown · %2 ticked")
                         .arg(QLocale().toString(m_proxy->rowCount()),
                              QLocale().toString(m_model->checkedCount())));
}

void NumbersPage::updateActions()
{
    const bool idle = !isRunning() && !m_loading;
    m_acknowledgement->refresh();
    const QString gone = m_state->trunkDeleted()
                             ? tr("The trunk was deleted: numbers can no longer be moved or put "
                                  "back onto it.")
                             : QString();
    const QString waiting = gone.isEmpty() ? m_acknowledgement->reason() : gone;
    const int toMigrate = m_model->checkedCountWhere(canMigrate);
    const int toRevert = m_model->checkedCountWhere(canRevert);
    const int failed = m_model->countInState(NumberState::Failed);
    m_plan->setEnabled(idle && toMigrate > 0 && gone.isEmpty());
    m_migrate->setEnabled(idle && toMigrate > 0 && waiting.isEmpty());
    m_migrate->setToolTip(waiting.isEmpty() ? tr("Shows the plan and asks before changing "
                                                 "anything")
                                            : waiting);
    m_migrate->setText(toMigrate > 0 ? tr("&Migrate %n ticked…", nullptr, toMigrate)
                                     : tr("&Migrate ticked…"));
    m_revert->setEnabled(idle && toRevert > 0 && gone.isEmpty());
    m_revert->setToolTip(gone.isEmpty() ? tr("Put the ticked migrated numbers back on the trunk "
                                             "with their previous settings")
                                        : gone);
    m_revert->setText(toRevert > 0 ? tr("&Revert %n ticked…", nullptr, toRevert)
                                   : tr("&Revert ticked…"));
    m_retry->setEnabled(idle && failed > 0 && waiting.isEmpty());
    m_retry->setToolTip(waiting);
    m_retry->setText(failed > 0 ? tr("Re&try %n failed…", nullptr, failed) : tr("Re&try failed…"));
    if (!gone.isEmpty() && idle)
        m_status->setText(gone.toHtmlEscaped());
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
