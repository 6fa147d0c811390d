#include "handlerprovisioner.h"

#include "functiondeployer.h"
#include "handlergenerator.h"
#include "operationerrors.h"
#include "setuplogging.h"

#include <QDir>
#include <QStandardPaths>

HandlerProvisioner::HandlerProvisioner(TwilioClient *client, Journal *journal, AuditLog *audit,
                                       const QString &accountSid, QObject *parent)
    : QObject(parent)
    , m_deployer(new FunctionDeployer(client, journal, audit, accountSid, this))
    , m_accountSid(accountSid)
{
    connect(m_deployer, &FunctionDeployer::progress, this, &HandlerProvisioner::progress);
    connect(m_deployer, &FunctionDeployer::finished, this, &HandlerProvisioner::deployed);
    connect(m_deployer, &FunctionDeployer::failed, this, &HandlerProvisioner::failed);
    connect(m_deployer, &FunctionDeployer::unavailable, this, &HandlerProvisioner::exportInstead);
}

void HandlerProvisioner::setBuildTiming(int pollIntervalMs, int timeoutMs)
{
    m_deployer->setBuildTiming(pollIntervalMs, timeoutMs);
}

QString HandlerProvisioner::exportDirectory() const
{
    if (!m_exportDirectory.isEmpty())
        return m_exportDirectory;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("handlers/") + m_accountSid);
}

void HandlerProvisioner::start(const HandlerRequest &request)
{
    m_request = request;
    if (!request.selfHostedUrl.isEmpty()) {
        HandlerOutcome outcome;
        outcome.url = request.selfHostedUrl;
        outcome.selfHosted = true;
        outcome.note = tr("%1 is served from your own server at %2; Twilio Functions were not "
                          "used.")
                           .arg(request.function.name, request.selfHostedUrl.toDisplayString());
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit ready(outcome); }, Qt::QueuedConnection);
        return;
    }
    DeploymentSpec spec;
    spec.trunkSid = request.trunkSid;
    spec.serviceUniqueName = request.serviceUniqueName;
    spec.serviceFriendlyName = tr("Trunk Migrator call handlers");
    spec.functions = {request.function};
    spec.functions += request.companions;
    spec.variables = request.variables;
    m_deployer->setRunId(request.runId);
    m_deployer->start(spec);
}

void HandlerProvisioner::cancel()
{
    m_deployer->cancel();
}

void HandlerProvisioner::deployed(const DeploymentResult &result)
{
    HandlerOutcome outcome;
    outcome.url = result.functionUrls.value(m_request.function.name);
    emit ready(outcome);
}

void HandlerProvisioner::exportInstead(const OperationError &reason)
{
    const QString directory = exportDirectory();
    HandlerGenerator generator(m_request.exportOptions, m_request.exportBehaviour);
    if (!generator.exportToDirectory(directory, m_request.exportPbxDomain)) {
        emit failed(makeOperationError(
            tr("Twilio Functions are not available for this account (%1), and exporting the "
               "handler code for your own server failed: %2")
                .arg(reason.message, generator.errorString())));
        return;
    }
    qCInfo(lcSetup) << "Functions unavailable; handlers exported to" << directory;
    HandlerOutcome outcome;
    outcome.selfHosted = true;
    outcome.exportedTo = directory;
    outcome.note =
        tr("Twilio Functions are not available for this account's region (%1). The call "
           "handlers were written to %2: host %3.js on an HTTPS server of your own (README.md "
           "there explains how), then run this step again with its address as the handler URL.")
            .arg(reason.message, QDir::toNativeSeparators(directory), m_request.function.name);
    emit ready(outcome);
}
