#include "functiondeployer.h"

#include "buildcomposer.h"
#include "buildwatcher.h"
#include "functionuploader.h"
#include "operationerrors.h"
#include "serverlessapi.h"
#include "serverlesslocator.h"
#include "setuplogging.h"
#include "twilioclient.h"
#include "validation.h"

namespace {

constexpr int TotalSteps = 8;

TwilioError badAnswer(const QString &message)
{
    return TwilioError::make(TwilioError::Kind::BadResponse, message);
}
} // namespace

FunctionDeployer::FunctionDeployer(TwilioClient *client, Journal *journal, AuditLog *audit,
                                   const QString &accountSid, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_run(journal, audit, accountSid)
    , m_locator(new ServerlessLocator(client, &m_run, this))
    , m_uploader(new FunctionUploader(client, &m_run, this))
    , m_watcher(new BuildWatcher(client, this))
{
    connect(m_locator, &ServerlessLocator::located, this, &FunctionDeployer::located);
    connect(m_locator, &ServerlessLocator::failed, this, &FunctionDeployer::failWith);
    connect(m_locator, &ServerlessLocator::unavailable, this, [this](const OperationError &e) {
        end(QStringLiteral("failed"));
        emit unavailable(e);
    });
    connect(m_uploader, &FunctionUploader::ready, this, &FunctionDeployer::decide);
    connect(m_uploader, &FunctionUploader::failed, this, &FunctionDeployer::failWith);
    connect(m_watcher, &BuildWatcher::done, this, &FunctionDeployer::buildDone);
}

FunctionDeployer::~FunctionDeployer() = default;

void FunctionDeployer::setBuildTiming(int pollIntervalMs, int timeoutMs)
{
    m_watcher->setTiming(pollIntervalMs, timeoutMs);
}

void FunctionDeployer::start(const DeploymentSpec &spec)
{
    if (m_running)
        return;
    m_spec = spec;
    if (m_spec.serviceFriendlyName.isEmpty())
        m_spec.serviceFriendlyName = spec.serviceUniqueName; // Twilio requires one
    m_result = {};
    m_live.clear();
    m_running = true;
    QString problem = spec.check();
    if (problem.isEmpty()) {
        if (m_outerRunId)
            m_run.joinRun(m_outerRunId, spec.trunkSid);
        else if (!m_run.beginRun(spec.trunkSid, QStringLiteral("deploy-functions")))
            problem = m_run.errorString();
    }
    if (!problem.isEmpty()) {
        // Reported from the event loop, like every other outcome.
        QMetaObject::invokeMethod(
            this, [this, problem] { failWith(makeOperationError(problem)); }, Qt::QueuedConnection);
        return;
    }
    emit progress(tr("Looking for the Functions service %1").arg(spec.serviceUniqueName), 0,
                  TotalSteps);
    m_locator->start(m_spec.serviceUniqueName, m_spec.serviceFriendlyName,
                     m_spec.environmentUniqueName, m_spec.environmentSuffix);
}

void FunctionDeployer::cancel()
{
    if (!m_running)
        return;
    m_locator->cancel();
    m_uploader->cancel();
    m_watcher->cancel();
    m_call.cancel();
    m_running = false;
    m_run.finishRun(QStringLiteral("cancelled"));
    emit failed(makeOperationError(tr("Deploying the call handlers was cancelled.")));
}

template<class T>
void FunctionDeployer::change(const SetupChange &description, const QString &what,
                              const Request<T> &request, const Next<T> &next)
{
    const auto call =
        m_run.track<T>(description, request, [this, what, next](const TwilioResult<T> &result) {
            if (!m_running)
                return;
            if (result.ok())
                next(result.value);
            else
                fail(what, result.error);
        });
    if (call)
        m_call = *call;
    else
        failWith(makeOperationError(m_run.errorString()));
}

template<class T>
void FunctionDeployer::read(const QString &what, const Request<T> &request, const Next<T> &next)
{
    m_call = request([this, what, next](const TwilioResult<T> &result) {
        if (!m_running)
            return;
        if (result.ok())
            next(result.value);
        else
            fail(what, result.error);
    });
}

void FunctionDeployer::located(const QString &serviceSid, const ServerlessEnvironment &environment)
{
    m_result.serviceSid = serviceSid;
    m_result.environmentSid = environment.sid;
    m_result.domainName = environment.domainName.toLower();
    emit progress(tr("Reading what is deployed now"), 1, TotalSteps);
    readLiveBuild(environment.buildSid.value_or(QString()));
}

void FunctionDeployer::readLiveBuild(const QString &buildSid)
{
    if (!Validation::isSid(buildSid, "ZB")) {
        readVariables(); // nothing deployed yet
        return;
    }
    m_call = m_client->serverless().fetchBuild(
        m_result.serviceSid, buildSid, this, [this](const TwilioResult<ServerlessBuild> &result) {
            if (!m_running)
                return;
            if (!result.ok() && result.error.httpStatus != 404) {
                fail(tr("Reading the live Functions build"), result.error);
                return;
            }
            if (result.ok()) {
                m_result.buildSid = result.value.sid;
                m_live = BuildComposer::versionsOf(
                    result.value.raw.value(QLatin1String("function_versions")).toArray());
            }
            readVariables();
        });
}

void FunctionDeployer::readVariables()
{
    read<QList<ServerlessVariable>>(
        tr("Reading the environment variables"),
        [this](TwilioCallback<QList<ServerlessVariable>> done) {
            return m_client->serverless().listVariables(
                m_result.serviceSid, m_result.environmentSid, this, std::move(done));
        },
        [this](const QList<ServerlessVariable> &variables) {
            m_variables = variables;
            emit progress(tr("Uploading the function code"), 2, TotalSteps);
            m_uploader->start(m_result.serviceSid, m_spec.functions);
        });
}

QStringList FunctionDeployer::changedVariables() const
{
    QStringList keys;
    for (const auto &[key, value] : m_spec.variables) {
        bool same = false;
        for (const ServerlessVariable &variable : m_variables)
            same |= variable.key == key && variable.value == value;
        if (!same)
            keys.append(key);
    }
    return keys;
}

void FunctionDeployer::decide(const QMap<QString, QString> &chosen,
                              const QMap<QString, QString> &uploadedEarlier)
{
    if (!m_running)
        return;
    emit progress(tr("Comparing with what is live"), 3, TotalSteps);
    const QStringList versions = BuildComposer::compose(m_live, uploadedEarlier, chosen);
    m_pendingVariables = changedVariables();
    // A new build only when it would differ from the live one; the variables only take effect
    // with a deployment, so a changed value needs one too.
    QStringList live = m_live.values();
    live.sort();
    QStringList wanted = versions;
    wanted.sort();
    if (!m_result.buildSid.isEmpty() && live == wanted && m_pendingVariables.isEmpty()) {
        complete(false);
        return;
    }
    createBuild(versions);
}

void FunctionDeployer::createBuild(const QStringList &versions)
{
    emit progress(tr("Building the functions"), 4, TotalSteps);
    BuildRequest request;
    request.functionVersionSids = versions;
    request.runtime = m_spec.runtime;
    change<ServerlessBuild>(
        SetupChange{QStringLiteral("create_build"), versions.join(u' '), m_result.buildSid, {}},
        tr("Starting the Functions build"),
        [this, request](TwilioCallback<ServerlessBuild> done) {
            return m_client->serverless().createBuild(m_result.serviceSid, request, this,
                                                      std::move(done));
        },
        [this](const ServerlessBuild &build) {
            if (!Validation::isSid(build.sid, "ZB")) {
                fail(tr("Starting the Functions build"),
                     badAnswer(tr("Twilio's answer carries no valid build SID.")));
                return;
            }
            m_result.buildSid = build.sid;
            emit progress(tr("Waiting for the build %1").arg(build.sid), 5, TotalSteps);
            m_watcher->start(m_result.serviceSid, build.sid);
        });
}

void FunctionDeployer::buildDone(BuildWatcher::Outcome outcome, const QString &status,
                                 const TwilioError &error)
{
    if (!m_running)
        return;
    switch (outcome) {
    case BuildWatcher::Outcome::Completed:
        emit progress(tr("Setting the environment variables"), 6, TotalSteps);
        setVariable(0);
        return;
    case BuildWatcher::Outcome::Failed:
        failWith(makeOperationError(
            tr("Twilio could not build the functions (build %1 failed). Nothing was deployed; "
               "the handlers that were live stay live.")
                .arg(m_result.buildSid)));
        return;
    case BuildWatcher::Outcome::TimedOut:
        failWith(makeOperationError(
            tr("The Functions build %1 was still \"%2\" after %3 seconds. Nothing was "
               "deployed; try again later.")
                .arg(m_result.buildSid, status)
                .arg((m_watcher->timeoutMs() + 999) / 1000)));
        return;
    case BuildWatcher::Outcome::Error:
        fail(tr("Waiting for the Functions build"), error);
        return;
    }
}

void FunctionDeployer::setVariable(int index)
{
    if (index >= m_pendingVariables.size()) {
        deploy();
        return;
    }
    const QString key = m_pendingVariables.at(index);
    QString value;
    for (const auto &[name, wanted] : m_spec.variables) {
        if (name == key)
            value = wanted;
    }
    std::optional<ServerlessVariable> existing;
    for (const ServerlessVariable &variable : std::as_const(m_variables)) {
        if (variable.key == key && Validation::isSid(variable.sid, "ZV"))
            existing = variable;
    }
    const SetupChange description{QStringLiteral("set_environment_variable"), key,
                                  existing ? key + u'=' + existing->value : QString(),
                                  key + u'=' + value};
    const auto next = [this, index](const ServerlessVariable &) {
        setVariable(index + 1);
    };
    const QString what = tr("Setting the environment variable %1").arg(key);
    if (existing) {
        change<ServerlessVariable>(
            description, what,
            [this, sid = existing->sid, value](TwilioCallback<ServerlessVariable> done) {
                return m_client->serverless().updateVariable(
                    m_result.serviceSid, m_result.environmentSid, sid, std::nullopt, value, this,
                    std::move(done));
            },
            next);
    } else {
        change<ServerlessVariable>(
            description, what,
            [this, key, value](TwilioCallback<ServerlessVariable> done) {
                return m_client->serverless().createVariable(m_result.serviceSid,
                                                             m_result.environmentSid, key, value,
                                                             this, std::move(done));
            },
            next);
    }
}

void FunctionDeployer::deploy()
{
    emit progress(tr("Deploying the build"), 7, TotalSteps);
    change<ServerlessDeployment>(
        SetupChange{QStringLiteral("create_deployment"),
                    m_result.environmentSid + u' ' + m_result.buildSid,
                    {},
                    m_result.buildSid},
        tr("Deploying the build"),
        [this](TwilioCallback<ServerlessDeployment> done) {
            return m_client->serverless().createDeployment(
                m_result.serviceSid, m_result.environmentSid, m_result.buildSid, this,
                std::move(done));
        },
        [this](const ServerlessDeployment &deployment) {
            m_result.deploymentSid = deployment.sid;
            complete(true);
        });
}

void FunctionDeployer::complete(bool changed)
{
    m_result.changed = changed;
    for (const FunctionSource &function : std::as_const(m_spec.functions)) {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setHost(m_result.domainName);
        url.setPath(function.path);
        m_result.functionUrls.insert(function.name, url);
    }
    m_run.setValue(QStringLiteral("serverless.service_name"), m_spec.serviceUniqueName);
    m_run.setValue(QStringLiteral("serverless.service_sid"), m_result.serviceSid);
    m_run.setValue(QStringLiteral("serverless.environment_sid"), m_result.environmentSid);
    m_run.setValue(QStringLiteral("serverless.domain_name"), m_result.domainName);
    m_run.setValue(QStringLiteral("serverless.build_sid"), m_result.buildSid);
    qCInfo(lcSetup) << "functions live in build" << m_result.buildSid
                    << (changed ? "(deployed now)" : "(unchanged)");
    end(QStringLiteral("finished"));
    emit progress(tr("The functions are live"), TotalSteps, TotalSteps);
    emit finished(m_result);
}

void FunctionDeployer::fail(const QString &what, const TwilioError &error)
{
    failWith(toOperationError(what, error));
}

void FunctionDeployer::failWith(const OperationError &error)
{
    if (!m_running)
        return;
    qCWarning(lcSetup) << "deploying functions failed:" << error.message;
    end(QStringLiteral("failed"));
    emit failed(error);
}

void FunctionDeployer::end(const QString &runStatus)
{
    m_running = false;
    m_run.finishRun(runStatus);
}
