#include "numbertableview.h"

#include "numberstatetext.h"
#include "numbertablemodel.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStyle>

NumberTableView::NumberTableView(QWidget *parent)
    : QTableView(parent)
{
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTabKeyNavigation(false); // Tab leaves the table; the arrows move inside
    setContextMenuPolicy(Qt::CustomContextMenu);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    fitColumns();
}

void NumberTableView::fitColumns()
{
    const QFontMetrics metrics = fontMetrics();
    // Cell padding as the delegate draws it, both sides, plus a little air.
    const int padding =
        2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1) +
        metrics.averageCharWidth() * 2;
    const int indicator = style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, this) +
                          2 * style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, this);
    int state = 0;
    for (int s = 0; s < NumberStateCount; ++s)
        state = qMax(state, metrics.horizontalAdvance(numberStateText(NumberState(s))));
    const auto text = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample);
    };
    // E.164 allows 15 digits; the widest digit stands for all of them.
    const int number = indicator + text(QStringLiteral("+000000000000000"));
    const int widths[] = {
        number,
        text(QStringLiteral("Main office line 00")),
        text(QStringLiteral("PN0123456789abcdef0123456789abcdef")),
        text(QStringLiteral("https://example-0000.twil.io/outboundHandler")),
        state,
    };
    for (int column = 0; column < int(std::size(widths)); ++column)
        setColumnWidth(column, widths[column] + padding);
    horizontalHeader()->setMinimumSectionSize(metrics.averageCharWidth() * 6);
}

int NumberTableView::contentWidth() const
{
    int width = 0;
    for (int column = 0; column < NumberTableModel::LastError; ++column)
        width += columnWidth(column);
    // The error column's share, the frame and a vertical scroll bar.
    return width + fontMetrics().averageCharWidth() * 30 + 2 * frameWidth() +
           verticalScrollBar()->sizeHint().width();
}

void NumberTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    // The header forgets its section sizes when the model is set or reset: fit them again.
    fitColumns();
    if (model)
        connect(model, &QAbstractItemModel::modelReset, this, &NumberTableView::fitColumns);
}

void NumberTableView::keyPressEvent(QKeyEvent *event)
{
    // Space ticks the current row whichever column has the focus, as it does in the first.
    const QModelIndex current = currentIndex();
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier &&
        current.isValid()) {
        const QModelIndex box = current.siblingAtColumn(NumberTableModel::Number);
        const bool checked = box.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        model()->setData(box, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void NumberTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitColumns();
}
