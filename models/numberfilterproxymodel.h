#pragma once

#include "numberstatetext.h"

#include <QSortFilterProxyModel>

class NumberTableModel;

// Filter and sort for the numbers table. The filter is a case-insensitive substring over the
// number, friendly name, SID and voice URL (read from the model's precomputed lower-case text,
// so no per-row allocation), optionally restricted to one state. Sorting compares row values
// directly: numbers in numeric order, states in lifecycle order, text case-insensitively.
//
// Sort and filter role stay Qt::DisplayRole: the model's check-mark changes carry only
// Qt::CheckStateRole, so QSortFilterProxyModel does not re-sort or re-filter on "select all".
class NumberFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NumberFilterProxyModel(QObject *parent = nullptr);

    // Must be a NumberTableModel; the proxy reads its rows directly.
    void setSourceModel(QAbstractItemModel *model) override;
    NumberTableModel *numberModel() const { return m_model; }

    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }
    void setStateFilter(NumberState state);
    void clearStateFilter();

    // Checks (or unchecks) every row that passes the filter, in one model update.
    void setAllAcceptedChecked(bool checked);
    // The source rows that pass the filter, in view order.
    QVector<int> acceptedSourceRows() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    NumberTableModel *m_model = nullptr;
    QString m_needle;       // lower-case
    int m_stateFilter = -1; // int(NumberState), -1 for any
};
