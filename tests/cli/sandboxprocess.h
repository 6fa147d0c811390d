#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// A standalone twilio-sandbox for end-to-end tests: started on a free port, its startup JSON
// line read back, killed when the object goes.
class SandboxProcess
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    static QString executable();
    // extra: e.g. {"--numbers", "600", "--latency-ms", "20"}. False with *error on failure.
    bool start(const QStringList &extra, QString *error);
    // SIGKILL, as a crash: nothing it holds in memory is saved (a --state file is, per request).
    void kill();

    QUrl baseUrl;
    QString accountSid;
    QString authToken;
    QString trunkSid;

private:
    QProcess m_process;
};
