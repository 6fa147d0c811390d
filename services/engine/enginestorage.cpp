#include "enginestorage.h"

#include "privatefiles.h"
#include "sandboxstatefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QTemporaryDir>

EngineStorage::EngineStorage() = default;
EngineStorage::~EngineStorage() = default;

QString EngineStorage::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal.sqlite");
}

void EngineStorage::setPath(const QString &path)
{
    // The CLI passes the default path spelled out when --state is not given: that is no
    // choice of the user's, so the embedded sandbox still gets a journal of its own.
    m_chosen = !path.isEmpty() && QDir::cleanPath(QFileInfo(path).absoluteFilePath()) !=
                                      QDir::cleanPath(QFileInfo(defaultPath()).absoluteFilePath());
    usePath(path);
}

namespace {
const QString kTempPrefix = QStringLiteral("trunk-migrator-sandbox-");
const QString kOwnerLock = QStringLiteral("owner.lock");

QString keptFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/sandbox");
}

// Temporary journals of processes that died without removing them (kill -9, a crash): their
// owner lock is stale. A folder with no lock yet may be one being made right now; only an old
// one is taken for abandoned.
void removeAbandonedSandboxFolders()
{
    const QDir temp(QDir::tempPath());
    const QFileInfoList folders =
        temp.entryInfoList({kTempPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders) {
        const QString lockPath = folder.absoluteFilePath() + QLatin1Char('/') + kOwnerLock;
        if (!QFileInfo::exists(lockPath)) {
            if (folder.lastModified().secsTo(QDateTime::currentDateTime()) > 600)
                QDir(folder.absoluteFilePath()).removeRecursively();
            continue;
        }
        QLockFile probe(lockPath);
        probe.setStaleLockTime(0); // only a dead owner makes it stale
        if (probe.tryLock(0)) {
            probe.unlock();
            QDir(folder.absoluteFilePath()).removeRecursively();
        }
    }
}
} // namespace

QString EngineStorage::keptSandboxStatePath()
{
    return keptFolder() + QStringLiteral("/account.sqlite");
}

QString EngineStorage::keptSandboxJournalPath()
{
    return keptFolder() + QStringLiteral("/journal.sqlite");
}

bool EngineStorage::removeKeptSandbox(QString *error)
{
    // The account first: its lock says whether a process serves it.
    if (!SandboxStateFile::remove(keptSandboxStatePath(), error))
        return false;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(keptSandboxJournalPath() + suffix);
        if (file.exists() && !file.remove()) {
            *error = QCoreApplication::translate("EngineStorage", "Cannot remove %1: %2")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return false;
        }
    }
    return true;
}

bool EngineStorage::selectFor(bool embeddedSandbox, bool keptSandbox)
{
    if (m_chosen)
        return true;
    if (!embeddedSandbox) {
        usePath(defaultPath());
        return true;
    }
    if (keptSandbox) {
        usePath(keptSandboxJournalPath());
        return true;
    }
    if (!m_sandboxDir) {
        removeAbandonedSandboxFolders();
        auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QLatin1Char('/') +
                                                   kTempPrefix + QStringLiteral("XXXXXX"));
        if (!dir->isValid()) {
            m_error = QCoreApplication::translate(
                          "EngineStorage", "No temporary folder for the sandbox's journal: %1")
                          .arg(dir->errorString());
            return false;
        }
        auto owner = std::make_unique<QLockFile>(dir->filePath(kOwnerLock));
        owner->tryLock(0);
        m_sandboxDirOwner = std::move(owner);
        m_sandboxDir = std::move(dir);
    }
    usePath(m_sandboxDir->filePath(QStringLiteral("journal.sqlite")));
    return true;
}

bool EngineStorage::exists() const
{
    return QFileInfo::exists(m_path.isEmpty() ? defaultPath() : m_path);
}

void EngineStorage::usePath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    // Reopened at the new place by the next open().
    m_audit.reset();
    m_journal.close();
}

bool EngineStorage::open()
{
    if (isOpen())
        return true;
    if (m_path.isEmpty())
        m_path = defaultPath();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!PrivateFiles::makeFolder(folder)) {
        m_error = QCoreApplication::translate("EngineStorage",
                                              "The folder %1 for the journal cannot be created.")
                      .arg(folder);
        return false;
    }
    if (!m_journal.open(m_path)) {
        m_error = m_journal.errorString();
        return false;
    }
    m_audit = std::make_unique<AuditLog>(m_journal.store());
    if (!m_operator.isEmpty())
        m_audit->setOperatorName(m_operator);
    for (const QString &secret : std::as_const(m_secrets)) {
        m_audit->addSecretToRedact(secret);
        m_journal.redactor().addSecret(secret);
    }
    return true;
}

void EngineStorage::addSecretToRedact(const QString &secret)
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    m_journal.redactor().addSecret(secret);
    if (m_audit)
        m_audit->addSecretToRedact(secret);
}

void EngineStorage::setOperatorName(const QString &name)
{
    m_operator = name;
    if (m_audit)
        m_audit->setOperatorName(name);
}
