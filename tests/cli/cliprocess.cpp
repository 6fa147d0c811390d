#include "cliprocess.h"

#include "sandboxprocess.h"

CliProcess::CliProcess(const SandboxProcess &sandbox, const QString &statePath)
    : m_environment(QProcessEnvironment::systemEnvironment())
    , m_baseUrl(sandbox.baseUrl.toString())
    , m_statePath(statePath)
{
    m_environment.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), sandbox.accountSid);
    m_environment.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), sandbox.authToken);
    for (const char *name : {"TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE"})
        m_environment.remove(QString::fromLatin1(name));
    // Engine debug lines on stderr are part of what the secret checks read.
    m_environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tm.*.debug=true"));
}

QString CliProcess::executable()
{
    return QStringLiteral(TM_BINARY_DIR "/app/cli/trunk-migrator-cli");
}

QStringList CliProcess::fullArguments(const QStringList &args) const
{
    return args + QStringList{QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--state"),
                              m_statePath};
}

CliResult CliProcess::run(const QStringList &args, int timeoutMs)
{
    return runExactly(fullArguments(args), timeoutMs);
}

CliResult CliProcess::runRaw(const QStringList &args, int timeoutMs)
{
    return runExactly(args, timeoutMs);
}

CliResult CliProcess::runExactly(const QStringList &fullArgs, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(executable(), fullArgs);
    process.waitForStarted(10000);
    CliResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    allStderr += result.err;
    return result;
}

void CliProcess::start(QProcess *process, const QStringList &args) const
{
    process->setProcessEnvironment(m_environment);
    process->setStandardInputFile(QProcess::nullDevice());
    process->start(executable(), fullArguments(args));
    process->waitForStarted(10000);
}
