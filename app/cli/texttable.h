#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

// A plain-text table for stdout: columns padded to their widest cell, two spaces apart, the
// last column unpadded so lines carry no trailing blanks (friendly to grep, awk and diff).
class TextTable
{
public:
    explicit TextTable(const QStringList &headers);
    void addRow(const QStringList &cells);
    int rowCount() const { return int(m_rows.size()); }
    QString render() const;

private:
    QStringList m_headers;
    QVector<QStringList> m_rows;
};
