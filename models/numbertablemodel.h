#pragma once

#include "numbersearchkeys.h"
#include "numberstatetext.h"

#include <QAbstractTableModel>
#include <QBitArray>
#include <QHash>
#include <QVector>

#include <array>

// The step-4 numbers table: one row per phone number of the trunk, checkable in the first
// column, updated row by row as the engine reports results.
//
// Built for 100,000 rows: rows are found by SID through a hash, check marks live in a bit
// array apart from the row data (so "select all" is one fill and one dataChanged), the counts
// per state and of checked rows are kept up to date as rows change rather than recounted, and
// each row keeps its filter and sort keys so the proxy never allocates per row.
class NumberTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, FriendlyName, Sid, VoiceUrl, State, LastError, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1, // int(NumberState)
        SidRole,                      // QString
        RowDataRole,                  // NumberInfo
        ErrorCodeRole,                // int, 0 when none
        MoreInfoUrlRole,              // QUrl, empty when none
    };
    Q_ENUM(Column)

    explicit NumberTableModel(QObject *parent = nullptr);

    // Without QAbstractTableModel's virtual rowCount()/columnCount() round trip: the proxy
    // asks for two indexes per comparison while sorting.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces every row and clears the check marks (a model reset).
    void setRows(QVector<NumberInfo> rows);
    // Replaces the row with the same SID; false when no row has it.
    bool updateRow(const NumberInfo &row);
    // Changes a row's state and error details; false when no row has that SID.
    bool setState(const QString &sid, NumberState state, const OperationError &error = {});

    const NumberInfo &rowAt(int row) const { return m_rows.at(row); }
    int rowOfSid(const QString &sid) const { return m_rowOfSid.value(sid, -1); }
    // Precomputed filter and sort keys of a row (lower-case text, numeric phone number).
    const NumberSearchKeys &keysAt(int row) const { return m_keys.at(row); }
    const QString &searchText(int row) const { return m_keys.at(row).text(); }

    bool isChecked(int row) const { return m_checked.testBit(row); }
    bool setChecked(const QString &sid, bool checked);
    // One dataChanged over the whole first column.
    void setAllChecked(bool checked);
    // Checks or unchecks the given source rows (any order) with one dataChanged spanning them.
    void checkRows(const QVector<int> &rows, bool checked = true);
    QStringList checkedSids() const;
    int checkedCount() const { return m_checkedCount; }

    // The Last error cell: message, Twilio code, HTTP status and request id.
    static QString errorText(const OperationError &error);

    int countInState(NumberState state) const { return m_stateCounts[size_t(state)]; }
    // Checked rows in the states `applies` accepts (canMigrate, canRevert), without a scan.
    int checkedCountWhere(bool (*applies)(NumberState)) const;

signals:
    // The checked count changed (for enabling "Migrate selected" and its label).
    void checkedCountChanged(int count);
    // Some row changed state (for the Finish page's counts).
    void stateCountsChanged();

private:
    QVariant displayData(const NumberInfo &row, int column) const;
    QVariant toolTip(const NumberInfo &row, int column) const;
    void emitCheckChange(int first, int last, int previousCount);
    void mark(int row, bool checked);
    void countState(int row, NumberState from, NumberState to);

    QVector<NumberInfo> m_rows;
    QVector<NumberSearchKeys> m_keys;
    QHash<QString, int> m_rowOfSid;
    QBitArray m_checked;
    int m_checkedCount = 0;
    std::array<int, NumberStateCount> m_stateCounts{};
    std::array<int, NumberStateCount> m_checkedStateCounts{}; // of the checked rows
};
