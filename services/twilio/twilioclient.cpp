#include "twilioclient.h"

#include "serverlessapi.h"
#include "sipdomainapi.h"
#include "trunkingapi.h"
#include "twiliotransport.h"
#include "validation.h"
#include "voiceapi.h"

#include <QCoreApplication>

TwilioClient::TwilioClient(QObject *parent)
    : QObject(parent)
    , m_transport(new TwilioTransport(this))
    , m_runner(new OperationRunner(m_transport, this))
    , m_trunking(std::make_unique<TrunkingApi>(*this))
    , m_voice(std::make_unique<VoiceApi>(*this))
    , m_sipDomains(std::make_unique<SipDomainApi>(*this))
    , m_serverless(std::make_unique<ServerlessApi>(*this))
{
    m_configProblem = QCoreApplication::translate("TwilioClient", "No Twilio account is set up.");
}

TwilioClient::~TwilioClient()
{
    // Pending callbacks are dropped, not called: their contexts may be gone already.
    delete m_runner;
    m_runner = nullptr;
}

QString TwilioClient::configure(const TwilioCredentials &credentials,
                                const TwilioEndpoint &endpoint)
{
    m_configured = false;
    const TwilioHosts hosts(endpoint);
    QString problem =
        Validation::checkSid(credentials.accountSid, "AC",
                             QCoreApplication::translate("TwilioClient", "The Account SID"));
    if (problem.isEmpty() && !credentials.apiKeySid.isEmpty())
        problem =
            Validation::checkSid(credentials.apiKeySid, "SK",
                                 QCoreApplication::translate("TwilioClient", "The API Key SID"));
    if (problem.isEmpty() && credentials.secret.isEmpty())
        problem =
            QCoreApplication::translate("TwilioClient", "The Auth Token or API secret is empty.");
    m_configErrorKind = TwilioError::Kind::InvalidInput;
    if (problem.isEmpty()) {
        problem = hosts.check();
        const QUrl &base = endpoint.baseUrlOverride;
        if (!problem.isEmpty() && base.scheme() == QLatin1String("http") &&
            !Validation::isLoopbackHost(base.host()))
            m_configErrorKind = TwilioError::Kind::InsecureUrl;
    }
    m_configProblem = problem;
    if (!problem.isEmpty())
        return problem;
    m_hosts = hosts;
    m_accountSid = credentials.accountSid;
    m_transport->configure(credentials, hosts);
    m_runner->setHosts(hosts);
    applyConcurrency();
    m_configured = true;
    return {};
}

TwilioError TwilioClient::notReady() const
{
    return TwilioError::make(m_configErrorKind, m_configProblem);
}

void TwilioClient::applyConcurrency()
{
    int maximum = m_maxConcurrency;
    if (maximum <= 0) {
        const bool plainHttp =
            m_hosts.baseUrl(TwilioHosts::Product::Api).scheme() == QLatin1String("http");
        maximum = plainHttp ? 6 : 24;
    }
    m_transport->setMaxConcurrency(maximum);
}

void TwilioClient::setStallTimeoutMs(int ms)
{
    m_transport->setStallTimeoutMs(ms);
}

void TwilioClient::setMaxBodyBytes(qint64 bytes)
{
    m_transport->setMaxBodyBytes(bytes);
}

void TwilioClient::setDeadlineMs(int ms)
{
    m_transport->setDeadlineMs(ms);
}

int TwilioClient::deadlineMs() const
{
    return m_transport->deadlineMs();
}

void TwilioClient::setStopBy(int ms)
{
    m_transport->setStopBy(ms);
}

void TwilioClient::clearStopBy()
{
    m_transport->clearStopBy();
}

void TwilioClient::setTimeoutMs(int ms)
{
    m_transport->setTimeoutMs(ms);
}

int TwilioClient::timeoutMs() const
{
    return m_transport->timeoutMs();
}

void TwilioClient::setMaxConcurrency(int maximum)
{
    m_maxConcurrency = maximum;
    applyConcurrency();
}

void TwilioClient::setPageSize(int size)
{
    m_runner->setPageSize(size);
}

void TwilioClient::setMaxPages(int pages)
{
    m_runner->setMaxPages(pages);
}

void TwilioClient::setRetryPolicy(const RetryPolicy &policy)
{
    m_transport->setRetryPolicy(policy);
}

TwilioCounters TwilioClient::counters() const
{
    TwilioCounters counters;
    counters.inFlight = m_transport->limiter().inFlight();
    counters.queued = m_transport->queued();
    counters.limit = m_transport->limiter().limit();
    counters.maximum = m_transport->limiter().maximum();
    counters.retries = m_transport->retries();
    counters.sent = m_transport->attemptsSent();
    counters.operations = m_runner->activeOperations();
    return counters;
}

void TwilioClient::cancelAll()
{
    m_runner->cancelAll();
    m_transport->cancelAll(); // nothing should be left; a safety net for stray retries
}

TwilioHandle TwilioClient::deleteAs(const TwilioRequest &request, QObject *context,
                                    TwilioCallback<TwilioNoContent> callback)
{
    if (!m_configured)
        return rejectAs<TwilioNoContent>(notReady(), context, std::move(callback));
    auto done = deliver<TwilioNoContent>(context, std::move(callback),
                                         [](const QJsonValue &) { return TwilioNoContent{}; });
    return TwilioHandle(m_runner, m_runner->runSingle(request, std::move(done)));
}

TwilioHandle TwilioClient::sendDelete(const RestOperation &operation, QObject *context,
                                      TwilioCallback<TwilioNoContent> callback)
{
    if (operation.problem.isError())
        return rejectAs<TwilioNoContent>(operation.problem, context, std::move(callback));
    return deleteAs(operation.request, context, std::move(callback));
}
