#pragma once

#include "migrationtypes.h"

#include <QAbstractTableModel>
#include <QStringList>

// The equivalence report of issue 8 as a table: one row per trunk setting, what the trunk did,
// what happens after the migration and what callers notice, and for every change that needs an
// acknowledgement a check box "I accept this change" in the last column. What is lost says so
// in its text ("Lost: ..."), so it reads the same to a screen reader as on screen; the page
// adds the colour.
class EquivalenceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Setting, OnTrunk, After, CallersNotice, Accepted, ColumnCount };
    enum Role {
        SettingKeyRole = Qt::UserRole + 1, // QString: EquivalenceItem::setting
        CarryRole,                         // int(EquivalenceItem::Carry)
        NeedsAcknowledgementRole,          // bool
    };
    Q_ENUM(Column)

    explicit EquivalenceTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Replaces the rows (a model reset). Of `accepted`, only what this report asks to
    // acknowledge stays accepted: a change accepted under other choices is another change.
    void setReport(const EquivalenceReport &report, const QStringList &accepted = {});
    const EquivalenceReport &report() const { return m_report; }
    const EquivalenceItem &itemAt(int row) const { return m_report.items.at(row); }
    int rowOfSetting(const QString &setting) const;

    // The settings ticked "I accept this change", in report order.
    QStringList accepted() const;
    bool setAccepted(const QString &setting, bool accepted);
    // The settings that need an acknowledgement and are not ticked.
    QStringList unacknowledged() const { return m_report.unacknowledged(m_accepted); }
    int countWithCarry(EquivalenceItem::Carry carry) const;

signals:
    // A tick was added or removed (not on setReport()).
    void acceptedChanged(const QStringList &accepted);

private:
    QString displayText(const EquivalenceItem &item, int column) const;

    EquivalenceReport m_report;
    QStringList m_accepted;
};
