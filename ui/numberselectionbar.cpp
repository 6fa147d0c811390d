#include "numberselectionbar.h"

#include "numberfilterproxymodel.h"
#include "numbertablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

NumberSelectionBar::NumberSelectionBar(NumberFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_filter(new QLineEdit(this))
    , m_state(new QComboBox(this))
{
    m_filter->setObjectName(QStringLiteral("numberFilterEdit"));
    m_filter->setAccessibleName(tr("Filter numbers"));
    m_filter->setPlaceholderText(tr("Number, name, SID or URL"));
    m_filter->setClearButtonEnabled(true);
    m_state->setObjectName(QStringLiteral("stateFilterCombo"));
    m_state->setAccessibleName(tr("Show numbers in state"));
    m_state->addItem(tr("Any state"), -1);
    for (int state = 0; state < NumberStateCount; ++state)
        m_state->addItem(numberStateText(NumberState(state)), state);

    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    auto *all = new QPushButton(tr("Select &all"), this);
    all->setObjectName(QStringLiteral("selectAllButton"));
    auto *none = new QPushButton(tr("Select n&one"), this);
    none->setObjectName(QStringLiteral("selectNoneButton"));
    auto *filtered = new QPushButton(tr("Select all fi&ltered"), this);
    filtered->setObjectName(QStringLiteral("selectFilteredButton"));
    filtered->setToolTip(tr("Tick every number the filter shows, leaving the others as they are"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filterLabel);
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_state);
    layout->addWidget(all);
    layout->addWidget(none);
    layout->addWidget(filtered);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &NumberFilterProxyModel::setSearchText);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_state->currentData().toInt();
        if (state < 0)
            m_proxy->clearStateFilter();
        else
            m_proxy->setStateFilter(NumberState(state));
    });
    connect(all, &QPushButton::clicked, this,
            [this] { m_proxy->numberModel()->setAllChecked(true); });
    connect(none, &QPushButton::clicked, this,
            [this] { m_proxy->numberModel()->setAllChecked(false); });
    connect(filtered, &QPushButton::clicked, this,
            [this] { m_proxy->setAllAcceptedChecked(true); });
}
