#pragma once

#include "auditlog.h"
#include "journal.h"

#include <QString>

#include <memory>

// The journal and the audit log of one service, in one SQLite file opened on demand (at
// connect), with every secret in use registered with both redactors.
class EngineStorage
{
public:
    // QStandardPaths::AppDataLocation + "/journal.sqlite".
    static QString defaultPath();

    void setPath(const QString &path);
    QString path() const { return m_path; }

    // Opens (creating the folder and file) unless already open at the current path.
    bool open();
    bool isOpen() const { return m_journal.isOpen() && m_audit; }
    QString errorString() const { return m_error; }

    void addSecretToRedact(const QString &secret);
    void setOperatorName(const QString &name);

    Journal *journal() { return &m_journal; }
    AuditLog *audit() { return m_audit.get(); }

private:
    QString m_path;
    QString m_operator;
    QStringList m_secrets;
    QString m_error;
    Journal m_journal;
    std::unique_ptr<AuditLog> m_audit;
};
