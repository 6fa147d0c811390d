#include "plandialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
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

PlanDialog::PlanDialog(const MigrationPlan &plan, QWidget *parent)
    : QDialog(parent)
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
        tr("%n number(s) to migrate", nullptr, plan.numbersToMigrate),
        tr("%n already migrated (nothing to do)", nullptr, plan.alreadyMigrated),
        tr("%n API change(s)", nullptr, plan.apiCalls), tr("New voice URL: %1").arg(plan.voiceUrl),
        tr("Fallback URL: %1").arg(plan.fallbackUrl.isEmpty() ? tr("none") : plan.fallbackUrl)};
    if (!plan.unacknowledged.isEmpty())
        lines.append(tr("%n change(s) to how calls behave not acknowledged yet: see below, and "
                        "the \"Calls after the migration\" page.",
                        nullptr, int(plan.unacknowledged.size())));
    lines.append(tr("Nothing has been changed yet."));
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("planButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 2);
    layout->addWidget(acknowledgementsLabel);
    layout->addWidget(acknowledgements, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 130, fontMetrics().height() * 34);
}
