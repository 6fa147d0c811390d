#pragma once

#include "auditlog.h"
#include "journal.h"

#include <QString>

#include <memory>

class QLockFile;
class QTemporaryDir;

// The journal and the audit log of one service, in one SQLite file opened on demand (at
// connect), with every secret in use registered with both redactors.
class EngineStorage
{
public:
    EngineStorage();
    ~EngineStorage();

    // QStandardPaths::AppDataLocation + "/journal.sqlite".
    static QString defaultPath();
    // A kept sandbox account (SandboxOptions::statePath) and its journal, under
    // AppDataLocation + "/sandbox/": both outlive the process, so a crash can be resumed.
    static QString keptSandboxStatePath();
    static QString keptSandboxJournalPath();
    // Removes the kept sandbox's account and journal (its reset); false with *error while a
    // process serves it. The caller closes its own journal first (see close()).
    static bool removeKeptSandbox(QString *error);

    // A path other than defaultPath() is the caller's choice and always used as given.
    void setPath(const QString &path);
    QString path() const { return m_path; }
    // Picks the file for the account about to be connected, unless the caller chose one:
    // the embedded sandbox's state dies with the process, so its journal must too (set-up
    // values such as Functions version SIDs would not exist in the next sandbox); it lives in
    // a temporary folder owned by this object, removed with it, and one left by a killed
    // process is removed by the next. A kept sandbox uses keptSandboxJournalPath(); any
    // other account defaultPath(). False with errorString() when the temporary folder cannot
    // be made.
    bool selectFor(bool embeddedSandbox, bool keptSandbox = false);
    void close() { usePath(QString()); }
    // Whether the journal file is there (so a read can open it without creating one).
    bool exists() const;

    // Opens (creating the folder and file) unless already open at the current path.
    bool open();
    bool isOpen() const { return m_journal.isOpen() && m_audit; }
    QString errorString() const { return m_error; }

    void addSecretToRedact(const QString &secret);
    void setOperatorName(const QString &name);

    Journal *journal() { return &m_journal; }
    AuditLog *audit() { return m_audit.get(); }

private:
    void usePath(const QString &path);

    QString m_path;
    bool m_chosen = false; // setPath() with a path of the caller's own
    std::unique_ptr<QTemporaryDir> m_sandboxDir;
    std::unique_ptr<QLockFile> m_sandboxDirOwner; // tells later processes the folder is live
    QString m_operator;
    QStringList m_secrets;
    QString m_error;
    Journal m_journal;
    std::unique_ptr<AuditLog> m_audit;
};
