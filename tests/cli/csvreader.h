#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// A strict RFC 4180 reader for the audit CSV tests: quoted fields, doubled quotes, CRLF or LF
// line ends. Returns false on malformed input (an unterminated quote, a stray quote).
inline bool readCsv(const QByteArray &data, QList<QStringList> *rows)
{
    const QString text = QString::fromUtf8(data);
    QStringList row;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return false;
            quoted = wasQuoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue;
        } else if (c == u'\n') {
            row.append(field);
            rows->append(row);
            row.clear();
            field.clear();
            wasQuoted = false;
        } else {
            if (wasQuoted)
                return false;
            field += c;
        }
    }
    if (quoted)
        return false;
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows->append(row);
    }
    return true;
}
