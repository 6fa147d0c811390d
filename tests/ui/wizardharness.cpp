#include "wizardharness.h"

#include "dialogseam.h"

#include "equivalencetablemodel.h"
#include "numbertablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QPushButton>
#include <QSortFilterProxyModel>
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

QMenu *WizardHarness::openContextMenu(QAbstractItemView *view, const QModelIndex &index,
                                      const QString &menuName)
{
    view->scrollTo(index);
    const QPoint position = view->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, position,
                            view->viewport()->mapToGlobal(position));
    QCoreApplication::sendEvent(view->viewport(), &event);
    QMenu *menu = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            const QList<QMenu *> menus = view->window()->findChildren<QMenu *>(menuName);
            for (QMenu *m : menus)
                if (m->isVisible())
                    menu = m;
            return menu != nullptr;
        },
        2000);
    return shown ? menu : nullptr;
}

void WizardHarness::tickNumbers(const QList<int> &rows)
{
    auto *view = find<QTableView>(QStringLiteral("numbersTable"));
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    NumberTableModel *numbers = wizard->state()->numbers();
    for (const int row : rows) {
        const QModelIndex cell =
            proxy->mapFromSource(numbers->index(row, NumberTableModel::Number));
        if (!cell.isValid())
            qWarning("row %d is not shown", row);
        clickCheckIndicator(view, cell);
    }
}

QDialog *WizardHarness::planDialog() const
{
    const QList<QDialog *> dialogs = wizard->findChildren<QDialog *>(QStringLiteral("planDialog"));
    for (QDialog *dialog : dialogs) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

bool WizardHarness::confirmMigration(bool canary)
{
    QDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = planDialog()) != nullptr; }, timeoutMs)) {
        qWarning("no plan dialog");
        return false;
    }
    if (auto *choice = dialog->findChild<QAbstractButton *>(QStringLiteral("canaryCheck"));
        choice && choice->isChecked() != canary)
        click(choice);
    auto *migrate = dialog->findChild<QAbstractButton *>(QStringLiteral("confirmMigrateButton"));
    if (!migrate || !migrate->isEnabled()) {
        qWarning("the plan dialog's Migrate button is disabled: %s",
                 migrate ? qPrintable(migrate->toolTip()) : "missing");
        return false;
    }
    click(migrate);
    return true;
}

bool WizardHarness::migrateTicked()
{
    if (!clickWhenEnabled(find<QAbstractButton>(QStringLiteral("migrateButton")), timeoutMs))
        return false;
    return confirmMigration(false);
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

bool WizardHarness::chooseTrunkTestNumber()
{
    auto *combo = find<QComboBox>(QStringLiteral("testNumberCombo"));
    const auto trunkItem = [combo] {
        for (int i = 0; i < combo->count(); ++i)
            if (combo->itemText(i).contains(QLatin1String("on the trunk")))
                return i;
        return -1;
    };
    if (!QTest::qWaitFor([&] { return trunkItem() >= 0; }, timeoutMs)) {
        qWarning("no trunk number offered as the test number");
        return false;
    }
    combo->setCurrentIndex(trunkItem());
    DialogSeam::setNextChoice(0); // "Deploy with this number"
    return true;
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
            if (trunkTestNumber && !chooseTrunkTestNumber())
                return false;
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
