#include "setupsteps.h"

#include "callequivalence.h"
#include "cutoversheet.h"
#include "engineerrors.h"
#include "enginelogging.h"
#include "inboundsetup.h"
#include "journal.h"
#include "outboundsetup.h"
#include "routespec.h"
#include "savedcalls.h"
#include "savedinbound.h"
#include "trunksummaryloader.h"
#include "validation.h"

SetupSteps::SetupSteps(const EngineContext &context, const QVector<TrunkSummary> &knownTrunks,
                       const QString &exportDirectory, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_known(knownTrunks)
    , m_exportDirectory(exportDirectory)
{}

namespace {
// What the handlers should do on top of the trunk's own settings, for verify.
RouteSpec routeSpec(const OutboundOptions &options, const TrunkSummary &trunk,
                    const CallEquivalence &equivalence, const QString &handlerUrl)
{
    const CallBehaviour behaviour = equivalence.behaviour();
    RouteSpec spec;
    spec.handlerUrl = handlerUrl;
    if (behaviour.targets.isEmpty())
        spec.pbxDomain = OutboundSetup::pbxDomainFor(options, trunk);
    spec.secure = options.secure.value_or(trunk.secure);
    spec.edge = options.edge;
    spec.userToUser = options.callSidAsUserToUser;
    spec.parameters = options.customParameters;
    spec.ringTimeoutSeconds = behaviour.ringTimeoutSeconds;
    spec.timeLimitSeconds = behaviour.timeLimitSeconds;
    spec.recording = equivalence.carries(QStringLiteral("recording"));
    spec.transfers = equivalence.carries(QStringLiteral("transfers"));
    spec.disasterRecovery = equivalence.carries(QStringLiteral("disaster-recovery"));
    spec.callerName = behaviour.passCallerName;
    spec.emergency = equivalence.emergencyCalling();
    return spec;
}

SavedCalls savedCalls(const OutboundOptions &options, const TrunkSummary &trunk,
                      const QString &handlerUrl)
{
    const CallEquivalence equivalence = OutboundSetup::equivalenceFor(options, trunk);
    SavedCalls calls;
    calls.trunkSid = trunk.sid;
    calls.report = equivalence.report();
    calls.fallbackUrl = equivalence.fallbackUrl();
    calls.fallbackMethod = equivalence.fallbackMethod();
    calls.staleFallback = options.calls.staleFallback;
    calls.staleStatusCallback = options.calls.staleStatusCallback;
    calls.callerIdLookup =
        trunk.calls.cnamLookupEnabled && equivalence.carries(QStringLiteral("caller-name"));
    for (const NumberUrl &n : trunk.numbers.faxNumbers)
        calls.faxSids.append(n.sid);
    for (const NumberUrl &n : trunk.numbers.emergencyNumbers)
        calls.emergencySids.append(n.sid);
    calls.route = routeSpec(options, trunk, equivalence, handlerUrl);
    return calls;
}
} // namespace

QString SetupSteps::handlerUrlKey()
{
    return QStringLiteral("engine.outbound_handler_url");
}

void SetupSteps::cancel()
{
    m_cancelled = true;
    if (m_cancel)
        m_cancel();
}

void SetupSteps::withTrunk(const QString &trunkSid,
                           const std::function<void(const TrunkSummary &)> &then)
{
    const QString problem = Validation::checkSid(trunkSid, "TK", tr("The trunk SID"));
    if (!problem.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, problem] { emit failed(EngineErrors::local(problem)); },
            Qt::QueuedConnection);
        return;
    }
    auto *loader = new TrunkSummaryLoader(m_context, m_known, trunkSid, this);
    m_cancel = [this, loader] {
        loader->deleteLater();
        emit failed(EngineErrors::local(tr("Cancelled.")));
    };
    connect(loader, &TrunkSummaryLoader::failed, this, &SetupSteps::failed);
    connect(loader, &TrunkSummaryLoader::found, this, [this, loader, then](const TrunkSummary &t) {
        loader->deleteLater();
        m_cancel = nullptr;
        if (!m_cancelled)
            then(t);
    });
    loader->start();
}

template<class Step> Step *SetupSteps::makeStep()
{
    auto *step =
        new Step(m_context.client, m_context.journal, m_context.audit, m_context.accountSid, this);
    step->setExportDirectory(m_exportDirectory);
    m_cancel = [step] {
        step->cancel();
    };
    connect(step, &Step::progress, this, &SetupSteps::progress);
    connect(step, &Step::failed, this, &SetupSteps::failed);
    return step;
}

void SetupSteps::startInbound(const InboundOptions &options)
{
    withTrunk(options.trunkSid, [this, given = options](const TrunkSummary &trunk) {
        InboundOptions options = given;
        options.secureMedia = given.secureMedia.value_or(trunk.secure);
        auto *step = makeStep<InboundSetup>();
        connect(step, &InboundSetup::finished, this,
                [this, options, trunk](const InboundResult &r) {
                    if (!SavedInbound::save(*m_context.journal, m_context.accountSid, r, options) ||
                        !SavedCalls::saveEmergencyOnDomain(*m_context.journal, m_context.accountSid,
                                                           trunk.sid, r.emergencyCallingEnabled))
                        qCWarning(lcEngine)
                            << "step 1 result not saved:" << m_context.journal->errorString();
                    emit inboundReady(r, makeCutoverSheet(r, options));
                });
        const QString problem = step->check(options, trunk);
        if (!problem.isEmpty())
            return emit failed(EngineErrors::local(problem));
        step->start(options, trunk);
    });
}

void SetupSteps::startEquivalence(const QString &trunkSid, const CallChoices &choices,
                                  std::optional<bool> secure)
{
    withTrunk(trunkSid, [this, choices, secure](const TrunkSummary &trunk) {
        const CallEquivalence equivalence(trunk, choices, secure);
        if (const QString problem = equivalence.check(); !problem.isEmpty())
            return emit failed(EngineErrors::local(problem));
        emit equivalenceReady(equivalence.report());
    });
}

void SetupSteps::startOutbound(const OutboundOptions &options)
{
    withTrunk(options.trunkSid, [this, options](const TrunkSummary &trunk) {
        auto *step = makeStep<OutboundSetup>();
        connect(
            step, &OutboundSetup::finished, this, [this, options, trunk](const OutboundResult &r) {
                const QString url = r.handlerUrl.toString(QUrl::FullyEncoded);
                if (!m_context.journal->setSetupValue(m_context.accountSid, handlerUrlKey(), url) ||
                    !SavedCalls::save(*m_context.journal, m_context.accountSid,
                                      savedCalls(options, trunk, url)))
                    qCWarning(lcEngine)
                        << "step 2 result not saved:" << m_context.journal->errorString();
                emit outboundReady(r);
            });
        const QString problem = OutboundSetup::check(options, trunk);
        if (!problem.isEmpty())
            return emit failed(EngineErrors::local(problem));
        step->start(options, trunk);
    });
}
