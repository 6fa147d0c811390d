#pragma once

#include "migrationtypes.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Collects the rows a run reports (numberChanged) and renders the end result: one line per
// number touched, then the counts. The last report of a number wins.
class RunReport
{
public:
    void update(const NumberInfo &number);
    int size() const { return int(m_order.size()); }
    QString text(const RunSummary &summary) const;
    QJsonObject json(const RunSummary &summary) const;
    static QString summaryLine(const RunSummary &summary);

private:
    QStringList m_order; // SIDs in first-reported order
    QHash<QString, NumberInfo> m_rows;
};
