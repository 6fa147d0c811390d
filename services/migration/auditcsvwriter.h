#pragma once

#include "auditrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

// Writes audit records as RFC 4180 CSV: a header row, CRLF line ends, fields holding a comma,
// quote, CR or LF quoted with inner quotes doubled, UTF-8. Cells a spreadsheet would run as a
// formula get a leading apostrophe (see docs/AUDIT.md for the rule and why E.164 numbers are
// left as they are).
class AuditCsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(AuditCsvWriter)

public:
    bool write(QIODevice *device, const QList<AuditRecord> &records);
    // Replaces path atomically: on any error (unwritable folder, full disk) the old file, if
    // any, is left as it was and no partial file remains.
    bool writeFile(const QString &path, const QList<AuditRecord> &records);
    QString errorString() const { return m_error; }

    // The cell as it must appear once parsed back: neutralised when it could be a formula.
    static QString neutralise(const QString &cell);
    // The cell as written between two commas.
    static QByteArray field(const QString &cell);

private:
    bool fail(QIODevice *device);

    QString m_error;
};
