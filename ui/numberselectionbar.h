#pragma once

#include <QWidget>

class NumberFilterProxyModel;
class QComboBox;
class QLineEdit;

// Above the numbers table: the filter box, a state filter and the selection shortcuts
// (all, none, all that the filter shows). It acts on the proxy only; the page reads the
// resulting check marks from the model.
class NumberSelectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit NumberSelectionBar(NumberFilterProxyModel *proxy, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }

private:
    NumberFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_state;
};
