#include "auditcsvwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QIODevice>
#include <QRegularExpression>
#include <QSaveFile>

#include "privatefiles.h"

namespace {
QByteArray row(const QStringList &cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        line += AuditCsvWriter::field(cells.at(i));
    }
    return line + "\r\n";
}
} // namespace

QString AuditCsvWriter::neutralise(const QString &cell)
{
    // A bare E.164 number ('+' and digits only) cannot call a function, reference a cell or
    // start DDE, so it is left readable for people and exact for programs.
    static const QRegularExpression e164(QStringLiteral("^\\+[0-9]{1,15}\\z"));
    if (cell.isEmpty() || e164.match(cell).hasMatch())
        return cell;
    // Spreadsheets skip leading blanks before deciding a cell is a formula.
    const QString trimmed = cell.trimmed();
    const QChar first = cell.at(0);
    const QChar firstVisible = trimmed.isEmpty() ? first : trimmed.at(0);
    const auto risky = [](QChar c) {
        return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r' ||
               c == u'\n';
    };
    if (risky(first) || risky(firstVisible))
        return u'\'' + cell;
    return cell;
}

QByteArray AuditCsvWriter::field(const QString &cell)
{
    const QString safe = neutralise(cell);
    QByteArray bytes = safe.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\r') &&
        !bytes.contains('\n'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

bool AuditCsvWriter::write(QIODevice *device, const QList<AuditRecord> &records)
{
    m_error.clear();
    if (!device || !device->isWritable()) {
        m_error = tr("The audit log cannot be written: the output is not open for writing.");
        return false;
    }
    QByteArray out = row(AuditRecord::columnNames());
    // Written in chunks so a long log does not sit twice in memory.
    const auto flush = [&] {
        const bool ok = device->write(out) == out.size();
        out.clear();
        return ok;
    };
    for (const AuditRecord &record : records) {
        out += row(record.cells());
        if (out.size() >= 64 * 1024 && !flush())
            return fail(device);
    }
    return flush() || fail(device);
}

bool AuditCsvWriter::fail(QIODevice *device)
{
    m_error = tr("Writing the audit log failed: %1").arg(device->errorString());
    return false;
}

bool AuditCsvWriter::writeFile(const QString &path, const QList<AuditRecord> &records)
{
    QSaveFile file(path);
    // Unbuffered: with Qt's write buffer a failed flush (full disk) is not reported by commit()
    // in Qt 6.4, and a truncated file would replace the old one. write() sends 64 KiB chunks.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || !PrivateFiles::restrict(file)) {
        m_error =
            tr("Cannot create %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (!write(&file, records)) {
        file.cancelWriting();
        return false;
    }
    // commit() flushes and renames; a full disk shows up here at the latest.
    if (!file.commit()) {
        m_error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}
