#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QThread>
#include <QUrl>

#include <memory>

class SandboxServer;

// A sandbox for the benchmark: the twilio-sandbox executable (separate process, so the client's
// CPU figures are its own) or, failing that, an in-process SandboxServer on its own thread.
class SandboxProcess
{
public:
    ~SandboxProcess();

    // Empty on success, else why not. Blocking is fine here: this is a benchmark's set-up.
    QString start(const QString &executable, int numbers);
    bool isSeparateProcess() const { return m_process != nullptr; }
    QUrl baseUrl() const { return m_baseUrl; }
    QString accountSid() const { return m_accountSid; }
    QString authToken() const { return m_authToken; }

private:
    QString startInThread(int numbers);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QThread> m_thread;
    SandboxServer *m_server = nullptr; // lives in m_thread
    QUrl m_baseUrl;
    QString m_accountSid;
    QString m_authToken;
};
