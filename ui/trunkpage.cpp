#include "trunkpage.h"

#include "errortext.h"
#include "migrationbackend.h"
#include "wizardstate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace {
enum Column { Name, Sid, Numbers, Termination, Origination, IpAcls, Credentials, ColumnCount };

QString namedSids(const QVector<NamedSid> &items)
{
    QStringList lines;
    for (const NamedSid &item : items)
        lines.append(item.friendlyName.isEmpty() ? item.sid : item.friendlyName);
    return lines.join(u'\n');
}
} // namespace

TrunkPage::TrunkPage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_status(new QLabel(this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("trunkPage"));
    setTitle(tr("Choose the trunk"));
    setSubTitle(tr("Pick the Elastic SIP Trunk whose numbers and PBX connection move to "
                   "Programmable Voice."));
    m_status->setObjectName(QStringLiteral("trunkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_reload->setObjectName(QStringLiteral("reloadTrunksButton"));
    m_reload->setAccessibleName(tr("Reload the list of trunks"));
    m_table->setObjectName(QStringLiteral("trunkTable"));
    m_table->setAccessibleName(tr("SIP trunks"));
    m_table->setHorizontalHeaderLabels({tr("Trunk"), tr("SID"), tr("Numbers"),
                                        tr("Termination URI"), tr("Origination URLs"),
                                        tr("IP ACLs"), tr("Credential lists")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move inside
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_details->setObjectName(QStringLiteral("trunkDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("Details of the selected trunk"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_reload);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);

    connect(m_reload, &QPushButton::clicked, this, &TrunkPage::load);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showDetails();
        emit completeChanged();
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { wizard()->next(); });
}

void TrunkPage::initializePage()
{
    load();
}

bool TrunkPage::isComplete() const
{
    return !m_loading && selectedIndex() >= 0;
}

bool TrunkPage::validatePage()
{
    const int index = selectedIndex();
    if (index < 0)
        return false;
    m_state->setTrunk(m_trunks.at(index));
    return true;
}

void TrunkPage::load()
{
    if (m_loadJob) // Back and Next again while listing: that listing is the one to show
        return;
    m_loading = true;
    m_reload->setEnabled(false);
    m_status->setText(tr("Listing the account's SIP trunks…"));
    emit completeChanged();
    TrunksJob *job = m_backend->loadTrunks();
    m_loadJob = job;
    job->onFinished(this, [this](const QVector<TrunkSummary> &trunks) { showTrunks(trunks); });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        m_loading = false;
        m_reload->setEnabled(true);
        m_status->setText(tr("Could not list the trunks: %1").arg(ErrorText::html(error)));
        emit completeChanged();
    });
}

void TrunkPage::showTrunks(const QVector<TrunkSummary> &trunks)
{
    m_loading = false;
    m_reload->setEnabled(true);
    m_trunks = trunks;
    m_table->clearContents();
    m_table->setRowCount(int(trunks.size()));
    int keep = -1;
    for (int row = 0; row < trunks.size(); ++row) {
        const TrunkSummary &trunk = trunks.at(row);
        // In the order Twilio tries them: lowest priority value first.
        QVector<OriginationInfo> urls = trunk.originationUrls;
        std::stable_sort(urls.begin(), urls.end(),
                         [](const auto &a, const auto &b) { return a.priority < b.priority; });
        QStringList origination;
        for (const OriginationInfo &url : urls) {
            origination.append(url.enabled
                                   ? tr("%1 (priority %2)").arg(url.sipUrl).arg(url.priority)
                                   : tr("%1 (disabled)").arg(url.sipUrl));
        }
        const QString values[ColumnCount] = {trunk.friendlyName,
                                             trunk.sid,
                                             QString::number(trunk.numberCount),
                                             trunk.terminationDomain,
                                             origination.join(u'\n'),
                                             namedSids(trunk.ipAccessControlLists),
                                             namedSids(trunk.credentialLists)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(values[column]);
            item->setToolTip(values[column]);
            if (column == Numbers)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
        if (m_state->hasTrunk() && trunk.sid == m_state->trunk().sid)
            keep = row;
    }
    m_table->resizeColumnsToContents();
    // Long values are elided in the middle and shown whole in their tooltip, so that every
    // column fits the window: the SID is also in the status line, the URLs in the tooltip.
    const int character = m_table->fontMetrics().averageCharWidth();
    m_table->setColumnWidth(Sid, qMin(m_table->columnWidth(Sid), character * 13));
    m_table->setColumnWidth(Origination, qMin(m_table->columnWidth(Origination), character * 40));
    m_table->resizeRowsToContents();
    // One trunk, or the one chosen before going back: preselected so Next is one key away.
    if (keep < 0 && trunks.size() == 1)
        keep = 0;
    if (keep >= 0) {
        m_table->selectRow(keep);
    } else if (!trunks.isEmpty()) {
        // Nothing chosen for the user, but one key away: Space takes the first, arrows move.
        m_table->selectionModel()->setCurrentIndex(m_table->model()->index(0, 0),
                                                   QItemSelectionModel::NoUpdate);
    }
    if (!trunks.isEmpty() && isVisible())
        m_table->setFocus(Qt::OtherFocusReason);
    m_status->setText(trunks.isEmpty()
                          ? tr("This account has no Elastic SIP Trunks.")
                          : tr("%n trunk(s) on this account.", nullptr, int(trunks.size())));
    emit completeChanged();
}

void TrunkPage::showDetails()
{
    // The table elides long values; the selected trunk is spelled out in full below it.
    const int index = selectedIndex();
    if (index < 0) {
        m_details->clear();
        return;
    }
    const TrunkSummary &trunk = m_trunks.at(index);
    const QString none = tr("none");
    const QString origination = m_table->item(index, Origination)->text();
    const QString acls = m_table->item(index, IpAcls)->text();
    const QString credentials = m_table->item(index, Credentials)->text();
    m_details->setText(
        tr("%1 (%2)\nOrigination URLs: %3\nIP access control lists: %4\nCredential lists: %5")
            .arg(trunk.friendlyName, trunk.sid,
                 origination.isEmpty() ? none : QString(origination).replace(u'\n', tr("; ")),
                 acls.isEmpty() ? none : QString(acls).replace(u'\n', tr("; ")),
                 credentials.isEmpty() ? none : QString(credentials).replace(u'\n', tr("; "))));
}

int TrunkPage::selectedIndex() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return -1;
    const int row = selected.constFirst()->row();
    return row < m_trunks.size() ? row : -1;
}
