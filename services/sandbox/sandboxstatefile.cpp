#include "sandboxstatefile.h"

#include "privatefiles.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace {
constexpr int SchemaVersion = 1;

QString lockPath(const QString &path)
{
    return path + QStringLiteral(".lock");
}

QString busyMessage(const QString &path, QLockFile &lock)
{
    qint64 pid = 0;
    QString host, application;
    lock.getLockInfo(&pid, &host, &application);
    return SandboxStateFile::tr("The kept sandbox %1 is in use by another process (%2, pid %3).")
        .arg(QDir::toNativeSeparators(path), application)
        .arg(pid);
}
} // namespace

SandboxStateFile::SandboxStateFile(const QString &path)
    : m_path(path)
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("tm-sandbox-state-%1").arg(counter.fetchAndAddRelaxed(1));
}

SandboxStateFile::~SandboxStateFile()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen() && m_inTransaction)
            db.rollback();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool SandboxStateFile::open(QString *error)
{
    const QFileInfo info(m_path);
    if (!PrivateFiles::makeFolder(info.absolutePath())) {
        *error =
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    m_lock = std::make_unique<QLockFile>(lockPath(m_path));
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
    if (!m_lock->tryLock(0)) {
        *error = m_lock->error() == QLockFile::LockFailedError
                     ? busyMessage(m_path, *m_lock)
                     : tr("Cannot lock the kept sandbox %1.").arg(QDir::toNativeSeparators(m_path));
        m_lock.reset();
        return false;
    }
    if (!info.exists() && !PrivateFiles::createRestricted(m_path)) {
        *error = tr("Cannot create %1.").arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = tr("Cannot open the kept sandbox %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = tr("%1 is not a kept sandbox.").arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    const int version = q.value(0).toInt();
    if (version == SchemaVersion)
        return true;
    if (version != 0) {
        *error = tr("%1 was written by another version of the sandbox.")
                     .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    // rowid keeps insertion order, which is the order Twilio lists in.
    const bool created =
        q.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS records (collection TEXT NOT NULL, "
                           "sid TEXT NOT NULL, json TEXT NOT NULL, UNIQUE (collection, sid))")) &&
        q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")) &&
        q.exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion));
    if (!created)
        *error = tr("%1 is not a kept sandbox: %2")
                     .arg(QDir::toNativeSeparators(m_path), q.lastError().text());
    return created;
}

bool SandboxStateFile::hasState() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT count(*) FROM meta")) && q.next() && q.value(0).toInt();
}

bool SandboxStateFile::load(SandboxStore *store, QHash<QString, QString> *meta, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    SandboxStore loaded;
    if (q.exec(QStringLiteral("SELECT collection, json FROM records ORDER BY rowid"))) {
        while (q.next()) {
            const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toByteArray());
            if (!doc.isObject()) {
                *error = tr("%1 holds a damaged record.").arg(QDir::toNativeSeparators(m_path));
                return false;
            }
            loaded.insert(q.value(0).toString(), doc.object());
        }
    }
    if (!q.isActive() || !q.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        *error =
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_path), q.lastError().text());
        return false;
    }
    meta->clear();
    while (q.next())
        meta->insert(q.value(0).toString(), q.value(1).toString());
    store->replaceAll(std::move(loaded));
    return true;
}

bool SandboxStateFile::saveAll(const SandboxStore &store, const QHash<QString, QString> &meta,
                               QString *error)
{
    for (const QString &collection : store.collections())
        for (const QJsonObject &record : store.list(collection))
            stored(collection, record);
    for (auto it = meta.cbegin(); it != meta.cend(); ++it)
        setMeta(it.key(), it.value());
    return commit(error);
}

void SandboxStateFile::setMeta(const QString &key, const QString &value)
{
    m_pendingMeta.insert(key, value);
}

bool SandboxStateFile::begin()
{
    if (m_inTransaction)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(db.lastError().text());
        return false;
    }
    m_inTransaction = true;
    return true;
}

void SandboxStateFile::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void SandboxStateFile::stored(const QString &collection, const QJsonObject &record)
{
    if (!begin())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO records (collection, sid, json) VALUES (?, ?, ?) "
                             "ON CONFLICT (collection, sid) DO UPDATE SET json = excluded.json"));
    q.addBindValue(collection);
    q.addBindValue(record.value(QLatin1String("sid")).toString());
    q.addBindValue(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        fail(q.lastError().text());
}

void SandboxStateFile::removed(const QString &collection, const QString &sid)
{
    if (!begin())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM records WHERE collection = ? AND sid = ?"));
    q.addBindValue(collection);
    q.addBindValue(sid);
    if (!q.exec())
        fail(q.lastError().text());
}

bool SandboxStateFile::commit(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!m_pendingMeta.isEmpty() && begin()) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        for (auto it = m_pendingMeta.cbegin(); it != m_pendingMeta.cend(); ++it) {
            q.addBindValue(it.key());
            q.addBindValue(it.value());
            if (!q.exec())
                fail(q.lastError().text());
        }
        m_pendingMeta.clear();
    }
    if (m_inTransaction) {
        m_inTransaction = false;
        if (m_error.isEmpty() && !db.commit())
            fail(db.lastError().text());
        if (!m_error.isEmpty())
            db.rollback();
    }
    if (m_error.isEmpty())
        return true;
    *error = tr("The kept sandbox could not save its state: %1").arg(m_error);
    qCWarning(lcSandbox).noquote() << *error;
    m_error.clear();
    return false;
}

bool SandboxStateFile::remove(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path) && !QFileInfo::exists(lockPath(path)))
        return true; // nothing kept
    QLockFile lock(lockPath(path));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        *error = lock.error() == QLockFile::LockFailedError
                     ? busyMessage(path, lock)
                     : tr("Cannot lock the kept sandbox %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.exists() && !file.remove()) {
            *error = tr("Cannot remove %1: %2")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return false;
        }
    }
    return true;
}
