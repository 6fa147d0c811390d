#include "equivalencepage.h"

#include "callchoicesform.h"
#include "deploypagelayout.h"
#include "equivalencetablemodel.h"
#include "errortext.h"
#include "migrationbackend.h"
#include "pagescroll.h"
#include "uilogging.h"
#include "wizardstate.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

namespace {
// How long the choices must rest before the report is asked for again: typing a URL or
// stepping a spin box asks once, not once per key.
constexpr int DebounceMs = 300;

// What is lost stands out: a warning sign and bold title, what callers notice in red. The text
// says "Lost:" too (the model), for those who do not see the colour.
class CarryDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(EquivalenceTableModel::CarryRole).toInt() !=
            int(EquivalenceItem::Carry::Lost))
            return;
        if (index.column() == EquivalenceTableModel::Setting) {
            option->font.setBold(true);
            const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
            option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
            option->features |= QStyleOptionViewItem::HasDecoration;
            const int side = option->fontMetrics.height();
            option->decorationSize = QSize(side, side);
        } else if (index.column() == EquivalenceTableModel::CallersNotice) {
            option->palette.setColor(QPalette::Text, QColor(0xc6, 0x28, 0x28));
        }
    }
};
} // namespace

EquivalencePage::EquivalencePage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_form(new CallChoicesForm(this))
    , m_tableLabel(new QLabel(tr("&What becomes of each of the trunk's settings:"), this))
    , m_model(new EquivalenceTableModel(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_update(new QPushButton(tr("&Update report"), this))
    , m_error(new QLabel(this))
    , m_redeployNote(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("callsPage"));
    setTitle(tr("Calls after the migration"));
    setSubTitle(tr("What the trunk did for every call and how Programmable Voice will do it; "
                   "what is lost must be acknowledged before the steps apply it."));
    m_tableLabel->setBuddy(m_table);
    m_table->setObjectName(QStringLiteral("equivalenceTable"));
    m_table->setAccessibleName(tr("Trunk settings after the migration"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CarryDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move inside
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Stretch);
    header->setSectionResizeMode(EquivalenceTableModel::Setting, QHeaderView::Interactive);
    header->setSectionResizeMode(EquivalenceTableModel::Accepted, QHeaderView::ResizeToContents);
    header->resizeSection(EquivalenceTableModel::Setting, fontMetrics().averageCharWidth() * 20);
    // No column narrower than its title: a narrow window scrolls the table sideways instead.
    int widest = 0;
    for (int column = 0; column < EquivalenceTableModel::ColumnCount; ++column)
        widest = qMax(widest, header->fontMetrics().horizontalAdvance(
                                  m_model->headerData(column, Qt::Horizontal).toString()));
    header->setMinimumSectionSize(widest + header->fontMetrics().averageCharWidth() * 3);
    m_table->setMinimumHeight(fontMetrics().height() * 9);
    m_status->setObjectName(QStringLiteral("callsStatus"));
    m_status->setWordWrap(true);
    m_update->setObjectName(QStringLiteral("updateReportButton"));
    m_update->setToolTip(tr("Ask again how calls will behave with the choices above"));
    DeployPageLayout::setUpErrorLabel(m_error, QStringLiteral("callsError"));
    m_error->setVisible(false);
    m_redeployNote->setObjectName(QStringLiteral("callsRedeployNote"));
    m_redeployNote->setWordWrap(true);
    m_redeployNote->setText(tr("Steps 1 and 2 are deployed already: deploy them again for "
                               "changed choices to take effect."));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_update, 0, Qt::AlignTop);
    QVBoxLayout *layout = PageScroll::install(this);
    layout->addWidget(m_form);
    layout->addWidget(m_tableLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_error);
    layout->addWidget(m_redeployNote);

    connect(m_form, &CallChoicesForm::changed, this, &EquivalencePage::choicesChanged);
    connect(m_debounce, &QTimer::timeout, this, &EquivalencePage::request);
    connect(m_update, &QPushButton::clicked, this, &EquivalencePage::request);
    connect(m_model, &EquivalenceTableModel::acceptedChanged, this,
            [this](const QStringList &accepted) {
                m_state->setAccepted(accepted);
                updateStatus();
                emit completeChanged();
            });
}

void EquivalencePage::initializePage()
{
    const TrunkSummary &trunk = m_state->trunk();
    if (m_preparedFor != trunk.sid) {
        // A new trunk: carry everything it does, and forget the report of another one.
        m_preparedFor = trunk.sid;
        m_form->prepare(trunk);
        m_model->setReport({});
        m_state->setCalls(m_form->choices());
        m_error->clear();
        m_error->setVisible(false);
    }
    if (!m_followsWizard) {
        // QWizard initializes a page on Next only, and announces it right after: the report
        // is asked for on Back too.
        m_followsWizard = true;
        connect(wizard(), &QWizard::currentIdChanged, this, [this](int id) {
            if (wizard()->page(id) == this)
                entered();
        });
    }
}

void EquivalencePage::cleanupPage()
{
    // Back to the trunks: a report still on its way is not wanted any more.
    QWizardPage::cleanupPage();
    m_debounce->stop();
    m_askAgain = false;
    m_current = false;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job = nullptr;
    }
    updateStatus();
    updateButtons();
}

void EquivalencePage::entered()
{
    m_redeployNote->setVisible(m_state->hasInbound() || m_state->hasOutbound());
    // Step 2's PBX domain and TLS may have changed the report since it was shown.
    m_current = false;
    request();
}

bool EquivalencePage::isComplete() const
{
    // Steps 1 and 2 apply these choices (step 2 moves its test number), so every change but
    // the fax numbers' (which stay on the trunk one by one) is acknowledged here first.
    return m_current && !m_job && !m_debounce->isActive() && m_form->isValid() &&
           blocking().isEmpty();
}

QStringList EquivalencePage::blocking() const
{
    QStringList missing = m_model->unacknowledged();
    missing.removeAll(QStringLiteral("fax-numbers"));
    return missing;
}

void EquivalencePage::choicesChanged()
{
    m_state->setCalls(m_form->choices());
    m_current = false;
    if (m_form->isValid())
        m_debounce->start();
    else
        m_debounce->stop();
    updateStatus();
    updateButtons();
    emit completeChanged();
}

void EquivalencePage::request()
{
    m_debounce->stop();
    if (m_job) { // one request at a time: the newest choices are asked for after it
        m_askAgain = true;
        return;
    }
    m_askAgain = false;
    if (!m_form->isValid()) { // asked again once they are
        updateStatus();
        updateButtons();
        return;
    }
    CallChoices asked = m_state->calls();
    std::optional<bool> secure; // the trunk's own, until step 2 chose
    if (m_state->hasOutbound()) {
        // What step 2 was deployed with shapes the report it saved, which step 4 acts on.
        asked.pbxDomain = m_state->outboundOptions().pbxDomain;
        secure = m_state->outboundOptions().secure;
    }
    const QString trunkSid = m_state->trunk().sid;
    qCInfo(lcUi) << "asking how calls behave after migrating trunk" << trunkSid;
    m_error->clear();
    m_error->setVisible(false); // no empty line: the report keeps the height
    m_job = m_backend->equivalence(trunkSid, asked, secure);
    m_job->onFinished(this, [this, trunkSid](const EquivalenceReport &report) {
        if (trunkSid == m_state->trunk().sid) // not a trunk the user has since left
            showReport(report);
        requestEnded();
    });
    connect(m_job, &BackendJob::failed, this, [this](const OperationError &error) {
        showFailure(error);
        requestEnded();
    });
    updateStatus();
    updateButtons();
    emit completeChanged();
}

void EquivalencePage::showReport(const EquivalenceReport &report)
{
    // Acceptances of changes this report no longer asks about are dropped (the model).
    m_model->setReport(report, m_state->accepted());
    m_state->setEquivalence(report);
    m_state->setAccepted(m_model->accepted());
    m_current = !m_askAgain && !m_debounce->isActive();
}

void EquivalencePage::showFailure(const OperationError &error)
{
    m_error->setText(
        tr("Could not work out how calls will behave: %1").arg(ErrorText::html(error)));
    m_error->setVisible(true);
}

void EquivalencePage::requestEnded()
{
    m_job = nullptr;
    if (m_askAgain)
        request(); // the newest choices, unless they cannot be asked about yet
    updateStatus();
    updateButtons();
    emit completeChanged();
}

void EquivalencePage::updateStatus()
{
    if (!m_form->isValid()) {
        m_status->setText(tr("Correct the marked field to see how calls will behave."));
        return;
    }
    if (m_job || m_debounce->isActive()) {
        m_status->setText(tr("Working out how calls will behave…"));
        return;
    }
    if (!m_current) {
        m_status->setText(m_error->text().isEmpty() ? QString()
                                                    : tr("Update the report to go on."));
        return;
    }
    using Carry = EquivalenceItem::Carry;
    const QStringList parts{
        tr("%n kept as on the trunk", nullptr, m_model->countWithCarry(Carry::Same)),
        tr("%n carried another way", nullptr, m_model->countWithCarry(Carry::Translated)),
        tr("%n lost", nullptr, m_model->countWithCarry(Carry::Lost))};
    QString text =
        tr("Of %n setting(s): %1.", nullptr, m_model->rowCount()).arg(parts.join(tr(", ")));
    const int missing = int(blocking().size());
    if (missing > 0)
        text += u' ' + tr("Tick \"I accept this change\" for %n change(s) to go on: steps 1 "
                          "and 2 apply them.",
                          nullptr, missing);
    else if (m_model->unacknowledged().contains(QStringLiteral("fax-numbers")))
        text += u' ' + tr("Fax numbers stay on the trunk until you accept that change, here or "
                          "before step 4.");
    else if (!m_model->accepted().isEmpty())
        text += u' ' + tr("Every change that needs it is acknowledged.");
    m_status->setText(text);
}

void EquivalencePage::updateButtons()
{
    m_update->setEnabled(!m_job && m_form->isValid());
}
