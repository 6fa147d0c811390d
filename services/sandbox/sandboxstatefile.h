#pragma once

#include "sandboxstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <memory>

class QLockFile;

// A kept sandbox account (SandboxOptions::statePath): every record of the SandboxStore written
// through to one SQLite file, so the account outlives the process, as a real account outlives
// a crash of the tool. Changes are grouped per request (commit() after each), so a kill -9
// leaves either the whole request or none of it. A lock file next to it keeps a second
// process from serving the same account at the same time.
class SandboxStateFile : public SandboxStore::Listener
{
    Q_DECLARE_TR_FUNCTIONS(SandboxStateFile)

public:
    explicit SandboxStateFile(const QString &path);
    ~SandboxStateFile() override;
    SandboxStateFile(const SandboxStateFile &) = delete;
    SandboxStateFile &operator=(const SandboxStateFile &) = delete;

    // Takes the lock and opens (or creates) the file; false with *error when another process
    // serves it, or it is unreadable or no sandbox state.
    bool open(QString *error);
    QString path() const { return m_path; }

    // Whether the file already holds an account (else the caller seeds one and saveAll()s it).
    bool hasState() const;
    // Replaces the store's content with the file's; `meta` receives the saved values.
    bool load(SandboxStore *store, QHash<QString, QString> *meta, QString *error);
    // Writes every record of `store` (a freshly seeded account) in one transaction.
    bool saveAll(const SandboxStore &store, const QHash<QString, QString> &meta, QString *error);

    // Values beside the records (the SID generator's position, the clock offset), written with
    // the next commit().
    void setMeta(const QString &key, const QString &value);
    // Ends the current request's changes; false with *error when they could not be saved.
    bool commit(QString *error);

    // Removes a kept account (reset); false with *error while a process serves it.
    static bool remove(const QString &path, QString *error);

    void stored(const QString &collection, const QJsonObject &record) override;
    void removed(const QString &collection, const QString &sid) override;

private:
    bool begin();
    void fail(const QString &message);

    QString m_path;
    QString m_connection;
    std::unique_ptr<QLockFile> m_lock;
    QHash<QString, QString> m_pendingMeta;
    bool m_inTransaction = false;
    QString m_error; // the first failure of the current request
};
