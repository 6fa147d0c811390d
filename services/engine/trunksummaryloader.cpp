#include "trunksummaryloader.h"

#include "engineerrors.h"
#include "trunkcatalog.h"

TrunkSummaryLoader::TrunkSummaryLoader(const EngineContext &context,
                                       const QVector<TrunkSummary> &known, const QString &trunkSid,
                                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_known(known)
    , m_trunkSid(trunkSid)
{}

void TrunkSummaryLoader::start()
{
    for (const TrunkSummary &trunk : std::as_const(m_known)) {
        if (trunk.sid == m_trunkSid) {
            QMetaObject::invokeMethod(
                this, [this, trunk] { emit found(trunk); }, Qt::QueuedConnection);
            return;
        }
    }
    auto *catalog = new TrunkCatalog(m_context, this);
    connect(catalog, &TrunkCatalog::failed, this, &TrunkSummaryLoader::failed);
    connect(catalog, &TrunkCatalog::loaded, this, &TrunkSummaryLoader::pick);
    catalog->start();
}

void TrunkSummaryLoader::pick(const QVector<TrunkSummary> &trunks)
{
    for (const TrunkSummary &trunk : trunks)
        if (trunk.sid == m_trunkSid)
            return emit found(trunk);
    emit failed(EngineErrors::local(tr("The account has no trunk %1.").arg(m_trunkSid)));
}
