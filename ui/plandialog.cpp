#include "plandialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { Number, Action, Before, After, ColumnCount };
}

PlanDialog::PlanDialog(const MigrationPlan &plan, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("Migration plan"));
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("planSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary->setText(tr("%n number(s) to migrate", nullptr, plan.numbersToMigrate) + u'\n' +
                     tr("%n already migrated (nothing to do)", nullptr, plan.alreadyMigrated) +
                     u'\n' + tr("%n API change(s)", nullptr, plan.apiCalls) + u'\n' +
                     tr("New voice URL: %1").arg(plan.voiceUrl) + u'\n' +
                     tr("Nothing has been changed yet."));

    auto *table = new QTableWidget(int(plan.items.size()), ColumnCount, this);
    table->setObjectName(QStringLiteral("planTable"));
    table->setAccessibleName(tr("Planned changes"));
    table->setHorizontalHeaderLabels({tr("Number"), tr("Change"), tr("Before"), tr("After")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < plan.items.size(); ++row) {
        const PlanItem &item = plan.items.at(row);
        const QString values[ColumnCount] = {item.phoneNumber, item.action, item.before,
                                             item.after};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *cell = new QTableWidgetItem(values[column]);
            cell->setToolTip(values[column]);
            table->setItem(row, column, cell);
        }
    }
    table->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("planButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 130, fontMetrics().height() * 30);
}
