#include "serverlesslocator.h"

#include "operationerrors.h"
#include "serverlessapi.h"
#include "setuplogging.h"
#include "setuprun.h"
#include "twilioclient.h"
#include "validation.h"

#include <QNetworkReply>

namespace {
// The Serverless host of a region without Functions has no DNS record.
bool hostNotFound(const TwilioError &error)
{
    return error.kind == TwilioError::Kind::Network &&
           error.networkError == QNetworkReply::HostNotFoundError;
}

TwilioError badAnswer(const QString &message)
{
    return TwilioError::make(TwilioError::Kind::BadResponse, message);
}
} // namespace

ServerlessLocator::ServerlessLocator(TwilioClient *client, SetupRun *recorder, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_run(recorder)
{}

void ServerlessLocator::start(const QString &serviceUniqueName, const QString &serviceFriendlyName,
                              const QString &environmentUniqueName,
                              const QString &environmentSuffix)
{
    m_serviceName = serviceUniqueName;
    m_serviceFriendlyName = serviceFriendlyName;
    m_environmentName = environmentUniqueName;
    m_environmentSuffix = environmentSuffix;
    m_serviceSid.clear();
    m_running = true;
    m_call = m_client->serverless().fetchService(
        m_serviceName, this, [this](const TwilioResult<ServerlessService> &result) {
            if (!m_running)
                return;
            if (result.ok())
                useService(result.value);
            else if (hostNotFound(result.error))
                reportUnavailable(result.error);
            else if (result.error.httpStatus == 404)
                searchServices(); // no such service, or no Functions here at all
            else
                fail(tr("Looking up the Functions service"), result.error);
        });
}

void ServerlessLocator::cancel()
{
    m_running = false;
    m_call.cancel();
}

void ServerlessLocator::finish()
{
    m_running = false;
}

void ServerlessLocator::fail(const QString &what, const TwilioError &error)
{
    failWith(toOperationError(what, error));
}

void ServerlessLocator::failWith(const OperationError &error)
{
    finish();
    emit failed(error);
}

void ServerlessLocator::reportUnavailable(const TwilioError &error)
{
    finish();
    qCInfo(lcSetup) << "Twilio Functions unavailable:" << error.toDisplayString();
    emit unavailable(toOperationError(error));
}

void ServerlessLocator::searchServices()
{
    // Also tells "no service of that name" (an empty list) from "no Functions in this region"
    // (no Services collection at all).
    m_call = m_client->serverless().listServices(
        this, [this](const TwilioResult<QList<ServerlessService>> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                if (hostNotFound(result.error) || result.error.httpStatus == 404)
                    reportUnavailable(result.error);
                else
                    fail(tr("Listing the Functions services"), result.error);
                return;
            }
            for (const ServerlessService &service : result.value) {
                if (service.uniqueName.compare(m_serviceName, Qt::CaseInsensitive) == 0) {
                    useService(service);
                    return;
                }
            }
            createService();
        });
}

void ServerlessLocator::createService()
{
    const SetupChange change{
        QStringLiteral("create_functions_service"), m_serviceName, {}, m_serviceName};
    const auto call = m_run->track<ServerlessService>(
        change,
        [this](TwilioCallback<ServerlessService> done) {
            return m_client->serverless().createService(m_serviceName, m_serviceFriendlyName, this,
                                                        std::move(done));
        },
        [this](const TwilioResult<ServerlessService> &result) {
            if (!m_running)
                return;
            if (result.ok())
                useService(result.value);
            else
                fail(tr("Creating the Functions service"), result.error);
        });
    if (!call)
        failWith(makeOperationError(m_run->errorString()));
    else
        m_call = *call;
}

void ServerlessLocator::useService(const ServerlessService &service)
{
    if (!Validation::isSid(service.sid, "ZS")) {
        fail(tr("Looking up the Functions service"),
             badAnswer(tr("Twilio's answer carries no valid service SID.")));
        return;
    }
    m_serviceSid = service.sid;
    qCInfo(lcSetup) << "using Functions service" << service.sid;
    m_call = m_client->serverless().listEnvironments(
        m_serviceSid, this, [this](const TwilioResult<QList<ServerlessEnvironment>> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                fail(tr("Listing the Functions environments"), result.error);
                return;
            }
            for (const ServerlessEnvironment &environment : result.value) {
                const QString suffix = environment.domainSuffix.value_or(QString());
                if (environment.uniqueName == m_environmentName ||
                    (!m_environmentSuffix.isEmpty() && suffix == m_environmentSuffix)) {
                    useEnvironment(environment);
                    return;
                }
            }
            createEnvironment();
        });
}

void ServerlessLocator::createEnvironment()
{
    const SetupChange change{
        QStringLiteral("create_functions_environment"), m_environmentName, {}, m_environmentName};
    const auto call = m_run->track<ServerlessEnvironment>(
        change,
        [this](TwilioCallback<ServerlessEnvironment> done) {
            return m_client->serverless().createEnvironment(
                m_serviceSid, m_environmentName, m_environmentSuffix, this, std::move(done));
        },
        [this](const TwilioResult<ServerlessEnvironment> &result) {
            if (!m_running)
                return;
            if (result.ok())
                useEnvironment(result.value);
            else
                fail(tr("Creating the Functions environment"), result.error);
        });
    if (!call)
        failWith(makeOperationError(m_run->errorString()));
    else
        m_call = *call;
}

void ServerlessLocator::useEnvironment(const ServerlessEnvironment &environment)
{
    // The domain becomes the handlers' URLs, which Twilio will call: it must be a plain host.
    if (!Validation::isSid(environment.sid, "ZE") ||
        !Validation::isHostName(environment.domainName)) {
        fail(tr("Preparing the Functions environment"),
             badAnswer(tr("Twilio's answer carries no valid environment SID or domain name.")));
        return;
    }
    finish();
    emit located(m_serviceSid, environment);
}
