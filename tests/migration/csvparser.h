#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// An RFC 4180 reader written for the tests, independent of the writer it checks: strict about
// CRLF record ends and quoting, so a writer mistake shows up as a parse error.
struct CsvParseResult
{
    QList<QStringList> rows;
    QString error; // empty when the input is well-formed
};

inline CsvParseResult parseCsv(const QByteArray &bytes)
{
    CsvParseResult result;
    const QString text = QString::fromUtf8(bytes);
    QStringList row;
    QString field;
    bool quoted = false; // inside a quoted field
    bool wasQuoted =
        false; // the current field was quoted (text after the closing quote is an error)
    qsizetype i = 0;
    const auto endField = [&] {
        row.append(field);
        field.clear();
        wasQuoted = false;
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                i += 2;
                continue;
            }
            if (c == u'"') {
                quoted = false;
                wasQuoted = true;
            } else {
                field += c;
            }
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted) {
                result.error = QStringLiteral("quote inside an unquoted field at %1").arg(i);
                return result;
            }
            quoted = true;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n') {
                result.error = QStringLiteral("bare CR at %1").arg(i);
                return result;
            }
            endField();
            result.rows.append(row);
            row.clear();
            ++i;
        } else if (c == u'\n') {
            result.error = QStringLiteral("bare LF at %1").arg(i);
            return result;
        } else if (wasQuoted) {
            result.error = QStringLiteral("text after a closing quote at %1").arg(i);
            return result;
        } else {
            field += c;
        }
        ++i;
    }
    if (quoted)
        result.error = QStringLiteral("unterminated quoted field");
    else if (!field.isEmpty() || !row.isEmpty())
        result.error = QStringLiteral("last record does not end with CRLF");
    return result;
}
