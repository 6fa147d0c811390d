#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QString>

#include <memory>
#include <optional>

// One live run that changes an account at a time, whatever the front end (wizard, CLI) and
// whatever journal each uses: a QLockFile per account in a folder every front end shares
// (GenericDataLocation/trunk-migrator/locks). The file names the holder (process id, host,
// program); a lock whose process has died is stale and is taken over. QLockFile's age-based
// staleness is off: a run may hold its lock for hours.
//
// It protects against a second process on this machine (the common case: the wizard open
// while someone runs the CLI). Two administrators on two machines are not seen by it; the
// engine's live re-reads keep the invariant then, but they should not migrate one account at
// once (docs/ENGINE.md).
class RunLock
{
public:
    struct Holder
    {
        qint64 pid = 0;
        QString host;
        QString program;
        QDateTime since;
        QString describe() const; // "process 1234 (trunk-migrator-cli) on host, since ..."
    };

    // key: the account SID, plus the API host when it is not Twilio's (each sandbox is its own
    // account even when two share a SID).
    RunLock(const QString &accountSid, const QString &host);
    ~RunLock();

    // False with holder() filled when another live process holds it.
    bool acquire();
    void release();
    bool isHeld() const { return m_held; }
    Holder holder() const { return m_holder; }

    // A live holder of this lock, without taking it (a stale file is removed).
    std::optional<Holder> liveHolder() const;
    // Tests point every front end at a private folder.
    static void setFolder(const QString &folder);
    static QString folder();

private:
    static std::optional<Holder> readHolder(QLockFile &file, const QString &path);
    static QString pathFor(const QString &accountSid, const QString &host);

    QString m_path;
    std::unique_ptr<QLockFile> m_file;
    Holder m_holder;
    bool m_held = false;
};
