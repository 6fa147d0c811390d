#include "numbertablemodel.h"

#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcModels, "tm.models")

NumberTableModel::NumberTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QModelIndex NumberTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int NumberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NumberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NumberTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NumberInfo &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::CheckStateRole:
        if (index.column() == Number)
            return m_checked.testBit(index.row()) ? Qt::Checked : Qt::Unchecked;
        return {};
    case StateRole:
        return int(row.state);
    case SidRole:
        return row.sid;
    case RowDataRole:
        return QVariant::fromValue(row);
    case ErrorCodeRole:
        return row.lastError.twilioCode;
    case MoreInfoUrlRole:
        return row.lastError.moreInfo;
    default:
        return {};
    }
}

QVariant NumberTableModel::displayData(const NumberInfo &row, int column) const
{
    switch (Column(column)) {
    case Number:
        return row.phoneNumber;
    case FriendlyName:
        return row.friendlyName;
    case Sid:
        return row.sid;
    case VoiceUrl:
        return row.voiceUrl;
    case State:
        return numberStateText(row.state);
    case LastError:
        return errorText(row.lastError);
    case ColumnCount:
        break;
    }
    return {};
}

QString NumberTableModel::errorText(const OperationError &error)
{
    // Everything support asks for, in the cell itself: the code, the HTTP status and the
    // request id, not only the sentence.
    QStringList details;
    if (error.twilioCode != 0)
        details.append(tr("Twilio error %1").arg(error.twilioCode));
    if (error.httpStatus != 0)
        details.append(tr("HTTP %1").arg(error.httpStatus));
    if (!error.requestId.isEmpty())
        details.append(tr("request %1").arg(error.requestId));
    if (details.isEmpty())
        return error.message;
    return tr("%1 (%2)").arg(error.message, details.join(tr(" · ")));
}

QVariant NumberTableModel::toolTip(const NumberInfo &row, int column) const
{
    // The full error with where to read more, on the columns where a failure shows.
    if ((column != State && column != LastError) || row.lastError.message.isEmpty())
        return {};
    const OperationError &error = row.lastError;
    QString tip = error.message;
    if (error.twilioCode != 0)
        tip += QLatin1Char('\n') + tr("Twilio error %1").arg(error.twilioCode);
    if (error.httpStatus != 0)
        tip += QLatin1Char('\n') + tr("HTTP status %1").arg(error.httpStatus);
    if (!error.requestId.isEmpty()) // what Twilio support asks for
        tip += QLatin1Char('\n') + tr("Request %1").arg(error.requestId);
    if (!error.moreInfo.isEmpty())
        tip += QLatin1Char('\n') + tr("More information: %1").arg(error.moreInfo.toString());
    return tip;
}

bool NumberTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != Number ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
    if (m_checked.testBit(index.row()) == checked)
        return true;
    const int previous = m_checkedCount;
    mark(index.row(), checked);
    emitCheckChange(index.row(), index.row(), previous);
    return true;
}

QVariant NumberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Number:
        return tr("Number");
    case FriendlyName:
        return tr("Friendly name");
    case Sid:
        return tr("SID");
    case VoiceUrl:
        return tr("Current voice URL");
    case State:
        return tr("State");
    case LastError:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags NumberTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Number)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QHash<int, QByteArray> NumberTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StateRole, "state");
    names.insert(SidRole, "sid");
    names.insert(RowDataRole, "rowData");
    names.insert(ErrorCodeRole, "errorCode");
    names.insert(MoreInfoUrlRole, "moreInfoUrl");
    return names;
}

void NumberTableModel::setRows(QVector<NumberInfo> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_keys.clear();
    m_keys.reserve(m_rows.size());
    m_rowOfSid.clear();
    m_rowOfSid.reserve(m_rows.size());
    m_stateCounts.fill(0);
    for (int i = 0; i < m_rows.size(); ++i) {
        const NumberInfo &row = m_rows.at(i);
        m_keys.append(NumberSearchKeys(row));
        ++m_stateCounts[size_t(row.state)];
        if (m_rowOfSid.contains(row.sid))
            qCWarning(lcModels) << "duplicate number SID" << row.sid << "at row" << i;
        else
            m_rowOfSid.insert(row.sid, i);
    }
    const int previous = m_checkedCount;
    m_checked = QBitArray(int(m_rows.size()));
    m_checkedCount = 0;
    m_checkedStateCounts.fill(0);
    endResetModel();
    if (previous != 0)
        emit checkedCountChanged(0);
    emit stateCountsChanged();
}

bool NumberTableModel::updateRow(const NumberInfo &row)
{
    const int r = rowOfSid(row.sid);
    if (r < 0) {
        qCWarning(lcModels) << "update for unknown number SID" << row.sid;
        return false;
    }
    NumberInfo &current = m_rows[r];
    if (current == row)
        return true;
    const bool stateChanged = current.state != row.state;
    countState(r, current.state, row.state);
    current = row;
    m_keys[r] = NumberSearchKeys(row);
    // Every role of every column may have changed: an empty role list says so.
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
    if (stateChanged)
        emit stateCountsChanged();
    return true;
}

bool NumberTableModel::setState(const QString &sid, NumberState state, const OperationError &error)
{
    const int r = rowOfSid(sid);
    if (r < 0) {
        qCWarning(lcModels) << "state for unknown number SID" << sid;
        return false;
    }
    NumberInfo &row = m_rows[r];
    const bool stateChanged = row.state != state;
    countState(r, row.state, state);
    row.state = state;
    m_keys[r].setState(state);
    row.lastError = error;
    // The whole row: the per-row roles (StateRole, RowDataRole, ...) are served on every
    // column. The search text holds none of these fields, so it stays.
    emit dataChanged(
        index(r, 0), index(r, ColumnCount - 1),
        {Qt::DisplayRole, Qt::ToolTipRole, StateRole, RowDataRole, ErrorCodeRole, MoreInfoUrlRole});
    if (stateChanged)
        emit stateCountsChanged();
    return true;
}

bool NumberTableModel::setChecked(const QString &sid, bool checked)
{
    const int r = rowOfSid(sid);
    if (r < 0)
        return false;
    return setData(index(r, Number), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

void NumberTableModel::setAllChecked(bool checked)
{
    if (m_rows.isEmpty())
        return;
    const int previous = m_checkedCount;
    m_checked.fill(checked);
    m_checkedCount = checked ? int(m_rows.size()) : 0;
    if (checked)
        m_checkedStateCounts = m_stateCounts;
    else
        m_checkedStateCounts.fill(0);
    emitCheckChange(0, int(m_rows.size()) - 1, previous);
}

void NumberTableModel::checkRows(const QVector<int> &rows, bool checked)
{
    int first = int(m_rows.size());
    int last = -1;
    const int previous = m_checkedCount;
    for (const int r : rows) {
        if (r < 0 || r >= m_rows.size() || m_checked.testBit(r) == checked)
            continue;
        mark(r, checked);
        first = std::min(first, r);
        last = std::max(last, r);
    }
    if (last >= 0)
        emitCheckChange(first, last, previous);
}

QStringList NumberTableModel::checkedSids() const
{
    QStringList sids;
    sids.reserve(m_checkedCount);
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_checked.testBit(r))
            sids.append(m_rows.at(r).sid);
    }
    return sids;
}

int NumberTableModel::checkedCountWhere(bool (*applies)(NumberState)) const
{
    int n = 0;
    for (int state = 0; state < NumberStateCount; ++state)
        if (applies(NumberState(state)))
            n += m_checkedStateCounts[size_t(state)];
    return n;
}

void NumberTableModel::mark(int row, bool checked)
{
    m_checked.setBit(row, checked);
    m_checkedCount += checked ? 1 : -1;
    m_checkedStateCounts[size_t(m_rows.at(row).state)] += checked ? 1 : -1;
}

void NumberTableModel::countState(int row, NumberState from, NumberState to)
{
    --m_stateCounts[size_t(from)];
    ++m_stateCounts[size_t(to)];
    if (m_checked.testBit(row)) {
        --m_checkedStateCounts[size_t(from)];
        ++m_checkedStateCounts[size_t(to)];
    }
}

void NumberTableModel::emitCheckChange(int first, int last, int previousCount)
{
    emit dataChanged(index(first, Number), index(last, Number), {Qt::CheckStateRole});
    if (m_checkedCount != previousCount)
        emit checkedCountChanged(m_checkedCount);
}
