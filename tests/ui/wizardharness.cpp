#include "wizardharness.h"

#include "equivalencetablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTableWidget>

bool WizardHarness::clickWhenEnabled(QAbstractButton *button, int timeoutMs)
{
    if (!button || !QTest::qWaitFor([button] { return button->isEnabled(); }, timeoutMs))
        return false;
    WizardHarness::click(button);
    return true;
}

WizardHarness::WizardHarness(MigrationBackend *engine)
    : settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
    , secrets(&settings)
    , wizard(new MigrationWizard(engine ? engine : &backend, &secrets, &settings))
{
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard))
        qWarning("the wizard window was not exposed");
}

WizardHarness::~WizardHarness()
{
    delete wizard;
}

void WizardHarness::click(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {},
                      QPoint(qMin(8, button->width() / 2), button->height() / 2));
}

void WizardHarness::clickCheckIndicator(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    const QRect indicator =
        view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, indicator.center());
}

bool WizardHarness::acceptAllChanges()
{
    auto *table = find<QTableView>(QStringLiteral("equivalenceTable"));
    if (!table || !QTest::qWaitFor([this] { return nextButton()->isEnabled(); }, timeoutMs))
        return false;
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex cell = model->index(row, EquivalenceTableModel::Accepted);
        const QVariant check = cell.data(Qt::CheckStateRole);
        if (check.isValid() && check.value<Qt::CheckState>() == Qt::Unchecked)
            clickCheckIndicator(table, cell);
    }
    return true;
}

bool WizardHarness::clickNext()
{
    return clickWhenEnabled(nextButton(), timeoutMs);
}

bool WizardHarness::driveTo(PageId target)
{
    while (currentPage() != target) {
        const PageId page = currentPage();
        switch (page) {
        case PageId::Connect:
            break;
        case PageId::Trunk:
            if (!QTest::qWaitFor(
                    [this] {
                        return find<QTableWidget>(QStringLiteral("trunkTable"))->rowCount() > 0;
                    },
                    timeoutMs))
                return false;
            find<QTableWidget>(QStringLiteral("trunkTable"))->selectRow(0);
            break;
        case PageId::Calls: // Next waits for the report
            break;
        case PageId::Inbound:
            if (!clickWhenEnabled(find<QPushButton>(QStringLiteral("deployInboundButton")),
                                  timeoutMs))
                return false;
            break;
        case PageId::Outbound:
            if (!clickWhenEnabled(find<QPushButton>(QStringLiteral("deployOutboundButton")),
                                  timeoutMs))
                return false;
            break;
        case PageId::Cutover:
            for (const char *name : {"checkPbxTrunk", "checkPbxToPstn", "checkPstnToPbx"})
                find<QCheckBox>(QLatin1String(name))->setChecked(true);
            break;
        case PageId::Numbers:
        case PageId::Finish:
            break;
        }
        if (!clickNext() ||
            !QTest::qWaitFor([this, page] { return currentPage() != page; }, timeoutMs)) {
            qWarning("stuck on page %d", int(page));
            return false;
        }
    }
    return true;
}
