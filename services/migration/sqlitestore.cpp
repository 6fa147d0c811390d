#include "sqlitestore.h"

#include "migrationlogging.h"
#include "privatefiles.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// One statement per entry; run in order inside one transaction when the file is new.
const char *const SchemaV1[] = {
    "CREATE TABLE runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " account_sid TEXT NOT NULL, trunk_sid TEXT NOT NULL, kind TEXT NOT NULL,"
    " started_at TEXT NOT NULL, finished_at TEXT,"
    " status TEXT NOT NULL CHECK (status IN ('running','finished','failed','cancelled')))",
    "CREATE TABLE snapshots ("
    " account_sid TEXT NOT NULL, number_sid TEXT NOT NULL, run_id INTEGER NOT NULL"
    " REFERENCES runs(id), phone_number TEXT NOT NULL, prior_settings TEXT NOT NULL,"
    " prior_trunk_sid TEXT, taken_at TEXT NOT NULL, PRIMARY KEY (account_sid, number_sid))",
    "CREATE TABLE steps ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL REFERENCES runs(id),"
    " number_sid TEXT, action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '',"
    " state TEXT NOT NULL CHECK (state IN ('intent','done','failed')),"
    " http_status INTEGER, twilio_code INTEGER, request_id TEXT, error_message TEXT,"
    " started_at TEXT NOT NULL, finished_at TEXT)",
    "CREATE INDEX steps_by_number ON steps (number_sid, id)",
    "CREATE INDEX steps_by_state ON steps (state, run_id)",
    "CREATE TABLE setup ("
    " account_sid TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " updated_at TEXT NOT NULL, PRIMARY KEY (account_sid, key))",
    "CREATE TABLE audit ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, time_utc TEXT NOT NULL, operator TEXT NOT NULL,"
    " account_sid TEXT NOT NULL, action TEXT NOT NULL, phone_number TEXT NOT NULL,"
    " number_sid TEXT NOT NULL, trunk_sid TEXT NOT NULL, before_value TEXT NOT NULL,"
    " after_value TEXT NOT NULL, http_status INTEGER, twilio_code INTEGER,"
    " request_id TEXT NOT NULL, outcome TEXT NOT NULL)",
};
} // namespace

SqliteStore::SqliteStore()
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("tm-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

SqliteStore::~SqliteStore()
{
    close();
}

QSqlDatabase SqliteStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

void SqliteStore::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcMigration).noquote() << "journal database:" << message;
}

bool SqliteStore::open(const QString &path)
{
    close();
    m_error.clear();
    m_path = path;
    const QFileInfo info(path);
    if (!PrivateFiles::makeFolder(info.absolutePath())) {
        fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath())));
        return false;
    }
    // A new journal is created private (0600) before SQLite opens it; its -wal and -shm
    // files take the same permissions from it.
    if (!PrivateFiles::createRestricted(path)) {
        fail(tr("Cannot create %1.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        // A busy timeout lets a second process (the CLI while the GUI is open) wait briefly
        // for the write lock instead of failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            fail(tr("Cannot open %1: %2")
                     .arg(QDir::toNativeSeparators(path), db.lastError().text()));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
            return false;
        }
    }
    m_open = true;
    if (!configure() || !createSchema()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    // Ours now (a journal of an earlier version may have been readable by all).
    for (const char *suffix : {"", "-wal", "-shm"})
        if (QFile::exists(path + QLatin1String(suffix)))
            QFile::setPermissions(path + QLatin1String(suffix),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void SqliteStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_open = false;
}

bool SqliteStore::exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return true;
    fail(tr("%1 failed: %2").arg(what, query.lastError().text()));
    return false;
}

bool SqliteStore::exec(const QString &sql, const QString &what)
{
    QSqlQuery query(database());
    if (query.exec(sql))
        return true;
    fail(tr("%1 failed: %2").arg(what, query.lastError().text()));
    return false;
}

bool SqliteStore::configure()
{
    // Reading the version first is what detects a file that is not a database: SQLite opens
    // any file lazily and reports "file is not a database" on the first statement.
    QSqlQuery version(database());
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
        fail(tr("%1 is not a readable Trunk Migrator journal (%2). It was left unchanged.")
                 .arg(QDir::toNativeSeparators(m_path), version.lastError().text()));
        return false;
    }
    if (version.value(0).toInt() > SchemaVersion) {
        fail(tr("%1 was written by a newer Trunk Migrator (schema %2); this one reads up to %3.")
                 .arg(QDir::toNativeSeparators(m_path))
                 .arg(version.value(0).toInt())
                 .arg(SchemaVersion));
        return false;
    }
    const bool unversioned = version.value(0).toInt() == 0;
    version.finish(); // an active statement holds a read transaction, which blocks the switch
    // Version 0 is a new, empty file; a database with tables but no version is someone else's
    // (another program's SQLite file chosen by mistake) and must not be adopted or changed.
    if (unversioned) {
        QSqlQuery tables(database());
        if (!tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !tables.next() ||
            tables.value(0).toInt() > 0) {
            fail(tr("%1 is an SQLite database but not a Trunk Migrator journal. It was left "
                    "unchanged; choose another file.")
                     .arg(QDir::toNativeSeparators(m_path)));
            return false;
        }
    }
    // WAL: readers never block the writer, and a crash mid-transaction leaves the last commit.
    // synchronous=FULL: every commit is on disk before the API call it announces is made, so
    // even a power cut cannot lose an intent whose call went out (NORMAL could).
    QSqlQuery wal(database());
    if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next() ||
        wal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        fail(tr("Cannot switch %1 to write-ahead logging; is its folder writable? %2")
                 .arg(QDir::toNativeSeparators(m_path), wal.lastError().text()));
        return false;
    }
    wal.finish();
    return exec(QStringLiteral("PRAGMA synchronous=FULL"), tr("Setting synchronous mode")) &&
           exec(QStringLiteral("PRAGMA foreign_keys=ON"), tr("Enabling foreign keys"));
}

bool SqliteStore::createSchema()
{
    QSqlQuery version(database());
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
        return exec(version, tr("Reading the schema version"));
    if (version.value(0).toInt() == SchemaVersion)
        return true;
    version.finish();
    if (!begin())
        return false;
    for (const char *statement : SchemaV1) {
        if (!exec(QString::fromLatin1(statement), tr("Creating the journal tables"))) {
            rollback();
            return false;
        }
    }
    if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion),
              tr("Recording the schema version"))) {
        rollback();
        return false;
    }
    return commit();
}

bool SqliteStore::begin()
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"), tr("Starting a transaction"));
}

bool SqliteStore::commit()
{
    if (exec(QStringLiteral("COMMIT"), tr("Saving to the journal")))
        return true;
    rollback();
    return false;
}

void SqliteStore::rollback()
{
    QSqlQuery query(database());
    query.exec(QStringLiteral("ROLLBACK"));
}
