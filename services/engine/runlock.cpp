#include "runlock.h"

#include "privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>

namespace {
QString &folderOverride()
{
    static QString folder;
    return folder;
}

QString fileKey(const QString &text)
{
    QString key = text;
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    return key.replace(unsafe, QStringLiteral("_"));
}
} // namespace

QString RunLock::Holder::describe() const
{
    return QCoreApplication::translate("RunLock", "process %1 (%2) on %3, since %4")
        .arg(pid)
        .arg(program.isEmpty() ? QStringLiteral("?") : program,
             host.isEmpty() ? QStringLiteral("?") : host,
             QLocale().toString(since.toLocalTime(), QLocale::ShortFormat));
}

void RunLock::setFolder(const QString &folder)
{
    folderOverride() = folder;
}

QString RunLock::folder()
{
    if (!folderOverride().isEmpty())
        return folderOverride();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/trunk-migrator/locks");
}

RunLock::RunLock(const QString &accountSid, const QString &host)
{
    const bool twilio = host.isEmpty() || host.endsWith(QLatin1String(".twilio.com"));
    m_path = folder() + QLatin1Char('/') + fileKey(accountSid) +
             (twilio ? QString() : QLatin1Char('@') + fileKey(host)) + QStringLiteral(".lock");
}

RunLock::~RunLock()
{
    release();
}

std::optional<RunLock::Holder> RunLock::readHolder(QLockFile &file, const QString &path)
{
    Holder holder;
    if (!file.getLockInfo(&holder.pid, &holder.host, &holder.program))
        return std::nullopt;
    holder.since = QFileInfo(path).lastModified().toUTC();
    return holder;
}

bool RunLock::acquire()
{
    if (m_held)
        return true;
    PrivateFiles::makeFolder(folder());
    m_file = std::make_unique<QLockFile>(m_path);
    m_file->setStaleLockTime(0); // only a dead holder makes it stale, never its age
    if (m_file->tryLock(0)) {
        m_held = true;
        return true;
    }
    m_holder = readHolder(*m_file, m_path).value_or(Holder{});
    m_file.reset();
    return false;
}

void RunLock::release()
{
    if (m_held && m_file)
        m_file->unlock();
    m_file.reset();
    m_held = false;
}

std::optional<RunLock::Holder> RunLock::liveHolder() const
{
    if (m_held)
        return std::nullopt;
    QLockFile probe(m_path);
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) { // free or stale: nobody is running
        probe.unlock();
        return std::nullopt;
    }
    if (probe.error() != QLockFile::LockFailedError)
        return std::nullopt;
    return readHolder(probe, m_path);
}
