#include "sandboxprocess.h"

#include <QJsonDocument>
#include <QJsonObject>

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void SandboxProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString SandboxProcess::executable()
{
    return QStringLiteral(TM_BINARY_DIR "/app/sandbox/twilio-sandbox");
}

bool SandboxProcess::start(const QStringList &extra, QString *error)
{
    // Its stderr goes to ours: an unread pipe would fill up with request logs and stall the
    // sandbox, and its start-up errors belong in the test log anyway.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
    m_process.setProcessEnvironment(environment);
    m_process.start(executable(),
                    QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extra);
    if (!m_process.waitForStarted(10000)) {
        *error = m_process.errorString();
        return false;
    }
    // Seeding thousands of numbers takes a moment; the line comes once the port is bound.
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(20000)) {
            *error = QStringLiteral("no startup line (see its stderr above)");
            return false;
        }
    }
    const QJsonObject json = QJsonDocument::fromJson(m_process.readLine()).object();
    baseUrl = QUrl(json.value(QLatin1String("base_url")).toString());
    accountSid = json.value(QLatin1String("account_sid")).toString();
    authToken = json.value(QLatin1String("auth_token")).toString();
    trunkSid = json.value(QLatin1String("trunk_sid")).toString();
    if (!baseUrl.isValid() || accountSid.isEmpty() || authToken.isEmpty() || trunkSid.isEmpty()) {
        *error = QStringLiteral("incomplete startup line");
        return false;
    }
    return true;
}
