#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class SandboxProcess;

// What one run of trunk-migrator-cli left behind.
struct CliResult
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs the built trunk-migrator-cli against a sandbox: credentials through the environment
// (never the command line), --base-url and --state added to every call.
class CliProcess
{
public:
    CliProcess(const SandboxProcess &sandbox, const QString &statePath);

    static QString executable();
    QProcessEnvironment environment() const { return m_environment; }
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    QStringList fullArguments(const QStringList &args) const;

    // Runs to the end (stdin closed, so never a terminal). Records every stderr for checks.
    CliResult run(const QStringList &args, int timeoutMs = 60000);
    // The same without --base-url and --state: the arguments exactly as given.
    CliResult runRaw(const QStringList &args, int timeoutMs = 60000);
    // Starts without waiting, for tests that signal or kill the process.
    void start(QProcess *process, const QStringList &args) const;

    QByteArray allStderr; // of every run(), to check no secret ever reached it

private:
    CliResult runExactly(const QStringList &fullArgs, int timeoutMs);

    QProcessEnvironment m_environment;
    QString m_baseUrl;
    QString m_statePath;
};
