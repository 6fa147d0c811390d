#include "plandialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { Number, Action, Before, After, ColumnCount };
enum AcknowledgementColumn { Setting, Change, Acknowledged, AcknowledgementColumnCount };

QTableWidget *makeTable(int rows, const QStringList &headers, const QString &objectName,
                        const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableWidget(rows, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move inside
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &values)
{
    for (int column = 0; column < values.size(); ++column) {
        auto *cell = new QTableWidgetItem(values.at(column));
        cell->setToolTip(values.at(column));
        table->setItem(row, column, cell);
    }
}
} // namespace

PlanDialog::PlanDialog(const MigrationPlan &plan, const Offer &offer, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_offer(offer)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("Migration plan"));
    QVector<EquivalenceItem> toAcknowledge;
    for (const EquivalenceItem &item : plan.equivalence.items)
        if (item.needsAcknowledgement)
            toAcknowledge.append(item);

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("planSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList lines{
        tr("%n number(s) to migrate: each gets the new voice URL, then leaves the trunk", nullptr,
           plan.numbersToMigrate),
        tr("%n already migrated (nothing to do)", nullptr, plan.alreadyMigrated),
        tr("%n API change(s)", nullptr, plan.apiCalls), tr("New voice URL: %1").arg(plan.voiceUrl),
        tr("Fallback URL: %1").arg(plan.fallbackUrl.isEmpty() ? tr("none") : plan.fallbackUrl)};
    if (!plan.unacknowledged.isEmpty())
        lines.append(tr("%n change(s) to how calls behave not acknowledged yet: see below, and "
                        "the \"Calls after the migration\" page.",
                        nullptr, int(plan.unacknowledged.size())));
    lines.append(tr("Working out this plan changed nothing."));
    summary->setText(lines.join(u'\n'));

    QTableWidget *table =
        makeTable(int(plan.items.size()), {tr("Number"), tr("Change"), tr("Before"), tr("After")},
                  QStringLiteral("planTable"), tr("Planned changes"), this);
    for (int row = 0; row < plan.items.size(); ++row) {
        const PlanItem &item = plan.items.at(row);
        setRow(table, row, {item.phoneNumber, item.action, item.before, item.after});
    }
    table->resizeColumnsToContents();

    // Step 2's report: the changes callers will notice, and which are still unacknowledged.
    auto *acknowledgementsLabel =
        new QLabel(tr("Changes to how calls behave that need an acknowledgement:"), this);
    acknowledgementsLabel->setObjectName(QStringLiteral("planAcknowledgementsLabel"));
    QTableWidget *acknowledgements = makeTable(
        int(toAcknowledge.size()), {tr("Setting"), tr("What callers notice"), tr("Acknowledged")},
        QStringLiteral("planAcknowledgements"), tr("Changes that need an acknowledgement"), this);
    for (int row = 0; row < toAcknowledge.size(); ++row) {
        const EquivalenceItem &item = toAcknowledge.at(row);
        const bool missing = plan.unacknowledged.contains(item.setting);
        setRow(acknowledgements, row,
               {item.title, item.change, missing ? tr("Not yet") : tr("Yes")});
        if (missing)
            acknowledgements->item(row, Acknowledged)
                ->setToolTip(tr("Acknowledge it on the \"Calls after the migration\" page."));
    }
    acknowledgements->resizeColumnsToContents();
    acknowledgementsLabel->setBuddy(acknowledgements);
    acknowledgementsLabel->setVisible(!toAcknowledge.isEmpty());
    acknowledgements->setVisible(!toAcknowledge.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("planButtons"));
    m_migrate = buttons->addButton(tr("&Migrate"), QDialogButtonBox::AcceptRole);
    m_migrate->setObjectName(QStringLiteral("confirmMigrateButton"));
    // A mass change is never what Enter does by accident: Cancel stays the default.
    m_migrate->setAutoDefault(false);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QStringList sids = chosenSids();
        const bool canary = canaryChosen();
        accept();
        emit migrateRequested(sids, canary);
    });

    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("planBlocked"));
    m_blocked->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 2);
    layout->addWidget(acknowledgementsLabel);
    layout->addWidget(acknowledgements, 1);
    if (offer.canary && offer.sids.size() > DefaultCanarySize)
        layout->addWidget(makeCanaryRow());
    layout->addWidget(m_blocked);
    layout->addWidget(buttons);
    updateMigrateButton();
    cancel->setFocus();
    resize(fontMetrics().averageCharWidth() * 130, fontMetrics().height() * 34);
}

QWidget *PlanDialog::makeCanaryRow()
{
    auto *row = new QWidget(this);
    m_canary = new QCheckBox(tr("Move a &canary batch first:"), row);
    m_canary->setObjectName(QStringLiteral("canaryCheck"));
    m_canary->setChecked(true);
    m_canary->setToolTip(tr("Migrate a few numbers, verify their routes against the trunk's, "
                            "and only then offer the rest"));
    m_canarySize = new QSpinBox(row);
    m_canarySize->setObjectName(QStringLiteral("canarySize"));
    m_canarySize->setAccessibleName(tr("Numbers in the canary batch"));
    m_canarySize->setRange(1, int(qMin<qsizetype>(20, m_offer.sids.size() - 1)));
    m_canarySize->setValue(DefaultCanarySize);
    m_canaryNumbers = new QLabel(row);
    m_canaryNumbers->setObjectName(QStringLiteral("canaryNumbers"));
    m_canaryNumbers->setWordWrap(true);
    m_canaryNumbers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canary);
    layout->addWidget(m_canarySize);
    layout->addWidget(m_canaryNumbers, 1);
    connect(m_canary, &QCheckBox::toggled, this, &PlanDialog::updateMigrateButton);
    connect(m_canarySize, &QSpinBox::valueChanged, this, &PlanDialog::updateMigrateButton);
    return row;
}

bool PlanDialog::canaryChosen() const
{
    return m_canary && m_canary->isChecked();
}

QStringList PlanDialog::chosenSids() const
{
    return canaryChosen() ? m_offer.sids.mid(0, m_canarySize->value()) : m_offer.sids;
}

void PlanDialog::updateMigrateButton()
{
    const int count = canaryChosen() ? m_canarySize->value() : m_plan.numbersToMigrate;
    m_migrate->setText(canaryChosen() ? tr("&Migrate %n as a canary", nullptr, count)
                                      : tr("&Migrate %n number(s)", nullptr, count));
    if (m_canaryNumbers) {
        m_canarySize->setEnabled(canaryChosen());
        const QStringList first = m_offer.phoneNumbers.mid(0, m_canarySize->value());
        m_canaryNumbers->setText(canaryChosen()
                                     ? tr("%1, then verify; the other %n are offered after that.",
                                          nullptr, int(m_offer.sids.size()) - m_canarySize->value())
                                           .arg(first.join(tr(", ")))
                                     : tr("All %n at once.", nullptr, int(m_offer.sids.size())));
    }
    QString why = m_offer.blocked;
    if (why.isEmpty() && !m_plan.refusal.isEmpty())
        why = m_plan.refusal;
    if (why.isEmpty() && m_plan.numbersToMigrate == 0)
        why = tr("Every number in the plan is already migrated.");
    m_migrate->setEnabled(why.isEmpty());
    m_migrate->setToolTip(why);
    m_blocked->setText(why.isEmpty() ? QString() : tr("Not migrating now: %1").arg(why));
    m_blocked->setVisible(!why.isEmpty());
}
