#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

// The one SQLite file that holds the journal and the audit log. Opens it under a connection
// name of its own (several stores may be open in one process), switches it to WAL with
// synchronous=FULL, and creates or upgrades the schema (PRAGMA user_version).
class SqliteStore
{
    Q_DECLARE_TR_FUNCTIONS(SqliteStore)

public:
    SqliteStore();
    ~SqliteStore();
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    // Creates the file if needed. On failure (unwritable folder, not a database, written by a
    // newer version) returns false with errorString() set and leaves an existing file as it was.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    QSqlDatabase database() const;

    // Runs a prepared query; on failure records the driver's message (prefixed by what) in
    // errorString() and returns false.
    bool exec(QSqlQuery &query, const QString &what);
    bool exec(const QString &sql, const QString &what);

    // A write transaction (BEGIN IMMEDIATE: takes the write lock up front, so a concurrent
    // writer fails here rather than half-way). commit() rolls back when it cannot commit.
    bool begin();
    bool commit();
    void rollback();

    static constexpr int SchemaVersion = 1;

private:
    bool configure();
    bool createSchema();
    void fail(const QString &message);

    QString m_connection;
    QString m_path;
    QString m_error;
    bool m_open = false;
};
