#include "buildwatcher.h"

#include "serverlessapi.h"
#include "setuplogging.h"
#include "twilioclient.h"

BuildWatcher::BuildWatcher(TwilioClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BuildWatcher::poll);
}

void BuildWatcher::setTiming(int intervalMs, int timeoutMs)
{
    m_intervalMs = qMax(1, intervalMs);
    m_timeoutMs = qMax(1, timeoutMs);
}

void BuildWatcher::start(const QString &serviceSid, const QString &buildSid)
{
    m_serviceSid = serviceSid;
    m_buildSid = buildSid;
    m_active = true;
    m_elapsed.start();
    poll();
}

void BuildWatcher::cancel()
{
    m_active = false;
    m_timer.stop();
    m_call.cancel();
}

void BuildWatcher::poll()
{
    m_call = m_client->serverless().fetchBuildStatus(
        m_serviceSid, m_buildSid, this, [this](const TwilioResult<ServerlessBuild> &result) {
            if (!m_active)
                return;
            if (!result.ok()) {
                finish(Outcome::Error, QString(), result.error);
                return;
            }
            // Shown and logged as it came: keep a hostile value from carrying control codes.
            QString status = result.value.status.left(40);
            for (QChar &c : status) {
                if (!c.isPrint())
                    c = u'?';
            }
            if (status == QLatin1String("completed"))
                finish(Outcome::Completed, status);
            else if (status == QLatin1String("failed"))
                finish(Outcome::Failed, status);
            else if (status != QLatin1String("building"))
                // Anything else is not Twilio's enum; waiting on it could only end in a timeout.
                finish(Outcome::Error, status,
                       TwilioError::make(
                           TwilioError::Kind::BadResponse,
                           tr("Twilio reported an unknown build status \"%1\".").arg(status)));
            else if (m_elapsed.elapsed() >= m_timeoutMs)
                finish(Outcome::TimedOut, status);
            else
                m_timer.start(qMin<qint64>(m_intervalMs, m_timeoutMs - m_elapsed.elapsed() + 1));
        });
}

void BuildWatcher::finish(Outcome outcome, const QString &status, const TwilioError &error)
{
    m_active = false;
    qCInfo(lcSetup) << "build" << m_buildSid << "ended as" << status << "after"
                    << m_elapsed.elapsed() << "ms";
    emit done(outcome, status, error);
}
