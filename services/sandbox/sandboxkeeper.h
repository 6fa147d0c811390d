#pragma once

#include "sandboxstatefile.h"

#include <QCoreApplication>
#include <QString>

class SandboxContext;

// Keeps a sandbox account between runs (SandboxOptions::statePath): on start it either loads
// the account its file holds into the context or writes the freshly seeded one there, then
// writes every change through (save() after each request). The credentials are not stored:
// they come from the seed, which must be the one the account was made with.
class SandboxKeeper
{
    Q_DECLARE_TR_FUNCTIONS(SandboxKeeper)

public:
    explicit SandboxKeeper(const QString &path);
    ~SandboxKeeper();

    // `context` was just seeded with `seed` (*trunkSid: its main trunk, replaced by the kept
    // one). False with *error when the file is busy, damaged or from another seed.
    bool attach(SandboxContext &context, quint32 seed, QString *trunkSid, QString *error);
    // Ends a request: its changes and the context's SID and clock positions are saved.
    bool save(const SandboxContext &context, QString *error);
    bool loadedKeptAccount() const { return m_loaded; }

private:
    SandboxStateFile m_file;
    bool m_loaded = false;
    quint64 m_savedSids = 0;
    qint64 m_savedClock = 0;
};
