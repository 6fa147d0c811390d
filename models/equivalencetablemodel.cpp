#include "equivalencetablemodel.h"

EquivalenceTableModel::EquivalenceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int EquivalenceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.items.size());
}

int EquivalenceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EquivalenceTableModel::displayText(const EquivalenceItem &item, int column) const
{
    switch (Column(column)) {
    case Setting:
        return item.title.isEmpty() ? item.setting : item.title;
    case OnTrunk:
        return item.onTrunk;
    case After:
        if (item.carry == EquivalenceItem::Carry::Lost)
            return tr("Lost: %1").arg(item.after);
        return item.after;
    case CallersNotice:
        return item.change.isEmpty() ? tr("Nothing") : item.change;
    case Accepted:
        return item.needsAcknowledgement ? tr("I accept this change") : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EquivalenceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EquivalenceItem &item = m_report.items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: // long sentences: the cell may show only their start
        return displayText(item, index.column());
    case Qt::CheckStateRole:
        if (index.column() == Accepted && item.needsAcknowledgement)
            return m_accepted.contains(item.setting) ? Qt::Checked : Qt::Unchecked;
        return {};
    case SettingKeyRole:
        return item.setting;
    case CarryRole:
        return int(item.carry);
    case NeedsAcknowledgementRole:
        return item.needsAcknowledgement;
    default:
        return {};
    }
}

bool EquivalenceTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != Accepted || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const EquivalenceItem &item = m_report.items.at(index.row());
    if (!item.needsAcknowledgement)
        return false;
    return setAccepted(item.setting, value.value<Qt::CheckState>() == Qt::Checked);
}

bool EquivalenceTableModel::setAccepted(const QString &setting, bool accepted)
{
    const int row = rowOfSetting(setting);
    if (row < 0 || !m_report.items.at(row).needsAcknowledgement)
        return false;
    if (m_accepted.contains(setting) == accepted)
        return true;
    if (accepted)
        m_accepted.append(setting);
    else
        m_accepted.removeAll(setting);
    const QModelIndex cell = index(row, Accepted);
    emit dataChanged(cell, cell, {Qt::CheckStateRole});
    emit acceptedChanged(this->accepted());
    return true;
}

QVariant EquivalenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Setting:
        return tr("Setting");
    case OnTrunk:
        return tr("On the trunk");
    case After:
        return tr("After the migration");
    case CallersNotice:
        return tr("What callers notice");
    case Accepted:
        return tr("Accepted");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags EquivalenceTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Accepted && m_report.items.at(index.row()).needsAcknowledgement)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

void EquivalenceTableModel::setReport(const EquivalenceReport &report, const QStringList &accepted)
{
    beginResetModel();
    m_report = report;
    m_accepted.clear();
    for (const EquivalenceItem &item : report.items)
        if (item.needsAcknowledgement && accepted.contains(item.setting))
            m_accepted.append(item.setting);
    endResetModel();
}

int EquivalenceTableModel::rowOfSetting(const QString &setting) const
{
    for (int row = 0; row < m_report.items.size(); ++row)
        if (m_report.items.at(row).setting == setting)
            return row;
    return -1;
}

QStringList EquivalenceTableModel::accepted() const
{
    QStringList inOrder;
    for (const EquivalenceItem &item : m_report.items)
        if (m_accepted.contains(item.setting))
            inOrder.append(item.setting);
    return inOrder;
}

int EquivalenceTableModel::countWithCarry(EquivalenceItem::Carry carry) const
{
    int n = 0;
    for (const EquivalenceItem &item : m_report.items)
        n += item.carry == carry ? 1 : 0;
    return n;
}
