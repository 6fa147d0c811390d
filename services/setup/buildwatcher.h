#pragma once

#include "twilioresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class TwilioClient;

// Polls a Serverless build's status until Twilio reports it completed or failed, as Twilio's
// docs and serverless-toolkit do: once a second, giving up after five minutes. A poll that
// fails for a passing reason is retried by the client itself; any other error ends the watch.
class BuildWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Completed, Failed, TimedOut, Error };

    explicit BuildWatcher(TwilioClient *client, QObject *parent = nullptr);

    void setTiming(int intervalMs, int timeoutMs);
    int timeoutMs() const { return m_timeoutMs; }
    void start(const QString &serviceSid, const QString &buildSid);
    void cancel();

signals:
    // error is set for Outcome::Error only; status is the last status Twilio reported.
    void done(BuildWatcher::Outcome outcome, const QString &status, const TwilioError &error);

private:
    void poll();
    void finish(Outcome outcome, const QString &status, const TwilioError &error = {});

    TwilioClient *m_client;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    TwilioHandle m_call;
    QString m_serviceSid;
    QString m_buildSid;
    int m_intervalMs = 1000;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_active = false;
};
