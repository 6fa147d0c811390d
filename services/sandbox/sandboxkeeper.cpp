#include "sandboxkeeper.h"

#include "sandboxcontext.h"

#include <QDir>

namespace {
const QString kSeed = QStringLiteral("seed");
const QString kSids = QStringLiteral("sids_made");
const QString kClock = QStringLiteral("clock_offset_ms");
const QString kTrunk = QStringLiteral("trunk_sid");
} // namespace

SandboxKeeper::SandboxKeeper(const QString &path)
    : m_file(path)
{}

SandboxKeeper::~SandboxKeeper() = default;

bool SandboxKeeper::attach(SandboxContext &context, quint32 seed, QString *trunkSid, QString *error)
{
    if (!m_file.open(error))
        return false;
    if (!m_file.hasState()) {
        const QHash<QString, QString> meta{{kSeed, QString::number(seed)},
                                           {kTrunk, *trunkSid},
                                           {kSids, QString::number(context.sidsMade())},
                                           {kClock, QString::number(context.clockOffsetMs)}};
        if (!m_file.saveAll(context.store, meta, error))
            return false;
        m_savedSids = context.sidsMade();
        m_savedClock = context.clockOffsetMs;
        context.store.setListener(&m_file);
        return true;
    }
    QHash<QString, QString> meta;
    if (!m_file.load(&context.store, &meta, error))
        return false;
    bool ok = false;
    const quint32 keptSeed = meta.value(kSeed).toUInt(&ok);
    if (!ok || keptSeed != seed) {
        *error = tr("The kept sandbox %1 was made with seed %2, not %3; reset it or start with "
                    "that seed.")
                     .arg(QDir::toNativeSeparators(m_file.path()), meta.value(kSeed))
                     .arg(seed);
        return false;
    }
    context.skipSidsTo(meta.value(kSids).toULongLong());
    context.clockOffsetMs = qMax(context.clockOffsetMs, meta.value(kClock).toLongLong());
    *trunkSid = meta.value(kTrunk, *trunkSid);
    context.store.setListener(&m_file);
    m_savedSids = context.sidsMade();
    m_savedClock = context.clockOffsetMs;
    m_loaded = true;
    return true;
}

bool SandboxKeeper::save(const SandboxContext &context, QString *error)
{
    // Reads change nothing: only what moved is written.
    if (context.sidsMade() != m_savedSids)
        m_file.setMeta(kSids, QString::number(m_savedSids = context.sidsMade()));
    if (context.clockOffsetMs != m_savedClock)
        m_file.setMeta(kClock, QString::number(m_savedClock = context.clockOffsetMs));
    return m_file.commit(error);
}
