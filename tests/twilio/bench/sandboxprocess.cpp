#include "sandboxprocess.h"

#include "sandboxserver.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

SandboxProcess::~SandboxProcess()
{
    if (m_process) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
    if (m_thread) {
        QMetaObject::invokeMethod(m_server, &QObject::deleteLater);
        m_thread->quit();
        m_thread->wait();
    }
}

QString SandboxProcess::start(const QString &executable, int numbers)
{
    if (executable.isEmpty() || !QFileInfo(executable).isExecutable())
        return startInThread(numbers);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(QProcess::nullDevice());
    m_process->start(executable, {QStringLiteral("--port"), QStringLiteral("0"),
                                  QStringLiteral("--numbers"), QString::number(numbers)});
    if (!m_process->waitForStarted(5000))
        return QStringLiteral("cannot start %1").arg(executable);
    while (!m_process->canReadLine()) {
        if (!m_process->waitForReadyRead(10000))
            return QStringLiteral("%1 printed no start-up line").arg(executable);
    }
    const QJsonObject json = QJsonDocument::fromJson(m_process->readLine()).object();
    m_baseUrl = QUrl(json.value(QLatin1String("base_url")).toString());
    m_accountSid = json.value(QLatin1String("account_sid")).toString();
    m_authToken = json.value(QLatin1String("auth_token")).toString();
    return m_baseUrl.isValid() ? QString() : QStringLiteral("unreadable start-up line");
}

QString SandboxProcess::startInThread(int numbers)
{
    m_thread = std::make_unique<QThread>();
    m_thread->start();
    SandboxOptions options;
    options.numbers = numbers;
    m_server = new SandboxServer(options);
    m_server->moveToThread(m_thread.get());
    QString error;
    bool ok = false;
    QMetaObject::invokeMethod(
        m_server, [&] { ok = m_server->start(&error); }, Qt::BlockingQueuedConnection);
    if (!ok)
        return error;
    m_baseUrl = m_server->baseUrl();
    m_accountSid = m_server->accountSid();
    m_authToken = m_server->authToken();
    return {};
}
