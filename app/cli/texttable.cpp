#include "texttable.h"

#include <algorithm>

TextTable::TextTable(const QStringList &headers)
    : m_headers(headers)
{}

void TextTable::addRow(const QStringList &cells)
{
    QStringList row = cells;
    while (row.size() < m_headers.size())
        row.append(QString());
    // A newline inside a cell would break the one-row-per-line promise.
    for (QString &cell : row)
        cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_rows.append(row.mid(0, m_headers.size()));
}

QString TextTable::render() const
{
    QVector<int> widths(m_headers.size());
    for (int c = 0; c < m_headers.size(); ++c) {
        widths[c] = int(m_headers.at(c).size());
        for (const QStringList &row : m_rows)
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    }
    auto line = [&widths](const QStringList &cells) {
        QString text;
        for (int c = 0; c < cells.size(); ++c) {
            if (c + 1 == cells.size())
                text += cells.at(c);
            else
                text += cells.at(c).leftJustified(widths.at(c)) + QStringLiteral("  ");
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QString out = line(m_headers);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}
