#include "sandboxcalls.h"

#include "recentcallsquery.h"
#include "voiceresources.h"
#include "webhookclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace {
QString answerError(const WebhookClient::Answer &a)
{
    const QString message =
        QJsonDocument::fromJson(a.body).object().value(QLatin1String("message")).toString();
    return message.isEmpty() ? a.error : message;
}
} // namespace

SandboxCalls::SandboxCalls(const QUrl &sandboxBase, const QString &accountSid,
                           const QByteArray &authToken, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_webhooks(new WebhookClient(m_network, authToken, sandboxBase, this))
    , m_accountSid(accountSid)
{}

void SandboxCalls::place(const QString &from, const QString &to)
{
    m_webhooks->control(
        QStringLiteral("/_sandbox/SimulateCall"),
        {{QStringLiteral("From"), from.trimmed()}, {QStringLiteral("To"), to.trimmed()}},
        m_accountSid, this, [this](const WebhookClient::Answer &a) {
            if (!a.error.isEmpty())
                return emit failed(answerError(a));
            const QJsonObject answer = QJsonDocument::fromJson(a.body).object();
            TestCallResult result;
            for (const QJsonValue &leg : answer.value(QLatin1String("calls")).toArray())
                result.legs.append(RecentCallsQuery::infoOf(CallRecord::fromJson(leg.toObject())));
            result.route = describe(answer.value(QLatin1String("route")).toArray());
            emit placed(result);
        });
}

void SandboxCalls::setFaults(const TestCallFaults &faults)
{
    // Reset the hosts first, so the table is exactly the one asked for.
    m_webhooks->deleteControl(QStringLiteral("/_sandbox/Targets"), m_accountSid, this,
                              [this, faults](const WebhookClient::Answer &a) {
                                  if (!a.error.isEmpty())
                                      return emit failed(answerError(a));
                                  nextFault(faults, faults.downHosts);
                              });
}

void SandboxCalls::nextFault(const TestCallFaults &faults, QStringList hosts)
{
    if (hosts.isEmpty()) {
        m_webhooks->control(
            QStringLiteral("/_sandbox/Functions"),
            {{QStringLiteral("Fail"),
              faults.handlersFail ? QStringLiteral("true") : QStringLiteral("false")}},
            m_accountSid, this, [this, faults](const WebhookClient::Answer &a) {
                if (!a.error.isEmpty())
                    return emit failed(answerError(a));
                emit faultsSet(faults);
            });
        return;
    }
    const QString host = hosts.takeFirst();
    m_webhooks->control(
        QStringLiteral("/_sandbox/Targets"),
        {{QStringLiteral("Host"), host}, {QStringLiteral("Answer"), QStringLiteral("down")}},
        m_accountSid, this, [this, faults, hosts](const WebhookClient::Answer &a) {
            if (!a.error.isEmpty())
                return emit failed(answerError(a));
            nextFault(faults, hosts);
        });
}

void SandboxCalls::apiFaults(const std::optional<SandboxApiFaults> &set)
{
    WebhookSignature::Parameters form;
    if (set) {
        form = {
            {QStringLiteral("fail_rate"), QString::number(qBound(0.0, set->failRate, 1.0))},
            {QStringLiteral("fail_writes"), QString::number(qBound(0.0, set->writeFailRate, 1.0))},
            {QStringLiteral("apply_then_drop"),
             QString::number(qBound(0.0, set->lostAnswerRate, 1.0))},
            {QStringLiteral("rate_limit_concurrency"), QString::number(qMax(0, set->rateLimit))},
            {QStringLiteral("latency_ms"), QString::number(qMax(0, set->latencyMs))}};
    }
    m_webhooks->control(QStringLiteral("/_sandbox/Faults"), form, m_accountSid, this,
                        [this](const WebhookClient::Answer &a) {
                            if (!a.error.isEmpty())
                                return emit failed(answerError(a));
                            const QJsonObject o = QJsonDocument::fromJson(a.body).object();
                            SandboxApiFaults read;
                            read.failRate = o.value(QLatin1String("fail_rate")).toDouble();
                            read.writeFailRate = o.value(QLatin1String("fail_writes")).toDouble();
                            read.lostAnswerRate =
                                o.value(QLatin1String("apply_then_drop")).toDouble();
                            read.rateLimit =
                                o.value(QLatin1String("rate_limit_concurrency")).toInt();
                            read.latencyMs = o.value(QLatin1String("latency_ms")).toInt();
                            emit apiFaultsRead(read);
                        });
}

QStringList SandboxCalls::describe(const QJsonArray &route)
{
    QStringList lines;
    for (const QJsonValue &value : route) {
        const QJsonObject step = value.toObject();
        const auto field = [&](const char *name) {
            return step.value(QLatin1String(name)).toVariant().toString();
        };
        const QString code = field("sip_code");
        if (step.contains(QLatin1String("origination")))
            lines.append(tr("Trunk origination %1: SIP %2").arg(field("origination"), code));
        else if (step.contains(QLatin1String("disaster_recovery")))
            lines.append(tr("Disaster-recovery URL %1").arg(field("disaster_recovery")));
        else if (step.contains(QLatin1String("emergency")))
            lines.append(tr("Emergency routing: %1").arg(field("emergency")));
        else if (step.contains(QLatin1String("fetch")))
            lines.append(tr("Fetch %1 failed: %2").arg(field("fetch"), field("error")));
        else if (field("verb") == QLatin1String("Dial"))
            lines.append(
                code.isEmpty()
                    ? tr("Dial %1: %2").arg(field("target"), field("status"))
                    : tr("Dial %1: %2 (SIP %3)").arg(field("target"), field("status"), code));
        else if (!field("verb").isEmpty())
            lines.append(field("text").isEmpty()
                             ? field("verb")
                             : QStringLiteral("%1 %2").arg(field("verb"), field("text")));
        else if (step.contains(QLatin1String("error")))
            lines.append(tr("Error: %1").arg(field("error")));
    }
    return lines;
}
