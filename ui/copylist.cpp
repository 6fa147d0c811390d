#include "copylist.h"

#include "copyfeedback.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

CopyList::CopyList(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_copyAll(new QPushButton(tr("Copy all"), this))
    , m_buttons(new QVBoxLayout)
{
    setObjectName(objectName);
    m_list->setObjectName(objectName + QStringLiteral("List"));
    m_list->setAccessibleName(accessibleName);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setUniformItemSizes(true);
    m_copy->setObjectName(objectName + QStringLiteral("Copy"));
    m_copy->setAccessibleName(tr("Copy the selected %1").arg(accessibleName));
    m_copy->setToolTip(tr("Copy the selected value to the clipboard"));
    m_copyAll->setObjectName(objectName + QStringLiteral("CopyAll"));
    m_copyAll->setAccessibleName(tr("Copy all %1").arg(accessibleName));
    m_copyAll->setToolTip(tr("Copy every value to the clipboard, one per line"));

    auto *copyShortcut = new QAction(m_list);
    copyShortcut->setShortcut(QKeySequence::Copy);
    copyShortcut->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(copyShortcut);

    m_buttons->setContentsMargins(0, 0, 0, 0);
    m_buttons->addWidget(m_copy);
    m_buttons->addWidget(m_copyAll);
    m_buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(m_buttons);

    connect(copyShortcut, &QAction::triggered, this, &CopyList::copySelected);
    connect(m_copy, &QPushButton::clicked, this, &CopyList::copySelected);
    connect(m_copyAll, &QPushButton::clicked, this,
            [this] { CopyFeedback::copy(m_copyAll, values().join(u'\n')); });
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_copy->setEnabled(row >= 0); });
    setValues({});
}

void CopyList::setValues(const QStringList &values)
{
    m_list->clear();
    m_list->addItems(values);
    // Rows with some air above and below the text: at the font's own height the focus frame of
    // the current row runs through the descenders.
    const QFontMetrics metrics = m_list->fontMetrics();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setToolTip(item->text());
        item->setSizeHint(
            QSize(metrics.horizontalAdvance(item->text()) + 2 * metrics.averageCharWidth(),
                  metrics.height() + metrics.height() / 2));
    }
    m_list->setCurrentRow(values.isEmpty() ? -1 : 0);
    m_copy->setEnabled(!values.isEmpty());
    m_copyAll->setEnabled(!values.isEmpty());
    fitHeight();
}

QStringList CopyList::values() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row)
        result.append(m_list->item(row)->text());
    return result;
}

void CopyList::copySelected()
{
    if (const QListWidgetItem *item = m_list->currentItem())
        CopyFeedback::copy(m_copy, item->text());
}

void CopyList::fitHeight()
{
    // A fixed number of rows from the font, so the list never gets squeezed below whole lines;
    // more values scroll. At least as tall as the two buttons beside it.
    const int rows = qBound(1, int(m_list->count()), MaxVisibleRows);
    const int rowHeight =
        m_list->count() > 0 ? m_list->sizeHintForRow(0) : m_list->fontMetrics().height() + 4;
    const int frame = 2 * m_list->frameWidth();
    m_list->setFixedHeight(qMax(rows * rowHeight + frame, m_buttons->sizeHint().height()));
}
