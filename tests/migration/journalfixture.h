#pragma once

#include <QFile>
#include <QString>

// SIDs and helpers shared by the journal tests.
namespace JournalFixture {
inline const QString Account = QStringLiteral("AC0123456789abcdef0123456789abcdef");
inline const QString Trunk = QStringLiteral("TK0123456789abcdef0123456789abcdef");
inline const QString NumberA = QStringLiteral("PN0000000000000000000000000000000a");
inline const QString NumberB = QStringLiteral("PN0000000000000000000000000000000b");

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace JournalFixture
