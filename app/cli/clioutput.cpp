#include "clioutput.h"

#include "urlcredentials.h"

#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

CliOutput::CliOutput(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err)
{}

void CliOutput::result(const QString &text)
{
    write(m_out, text);
}

void CliOutput::resultJson(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    write(m_out, QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}

void CliOutput::error(const QString &message)
{
    write(m_err, QStringLiteral("trunk-migrator-cli: error: %1\n").arg(message));
}

void CliOutput::note(const QString &message)
{
    write(m_err, message + QLatin1Char('\n'));
}

void CliOutput::prompt(const QString &question)
{
    write(m_err, question);
}

void CliOutput::progress(const QString &stage, int done, int total)
{
    const bool newStage = stage != m_lastStage;
    const bool last = total > 0 && done >= total;
    if (!newStage && done == m_lastDone)
        return;
    if (!newStage && !last && m_sinceProgress.isValid() &&
        m_sinceProgress.elapsed() < m_progressIntervalMs)
        return;
    m_lastStage = stage;
    m_lastDone = done;
    m_sinceProgress.start();
    if (total > 0)
        write(m_err, QStringLiteral("%1: %2/%3\n").arg(stage).arg(done).arg(total));
    else
        write(m_err, stage + QLatin1Char('\n'));
}

void CliOutput::write(QIODevice *device, const QString &text)
{
    // Registered secrets, then credentials inside any URL a number carried (user info,
    // api_key=...): nothing printed or emitted as JSON shows them (docs/AUDIT.md).
    device->write(UrlCredentials::redact(m_redactor.redact(text)).toUtf8());
    // Unbuffered on purpose: a progress line must be visible before a crash or a kill -9.
    if (auto *file = qobject_cast<QFileDevice *>(device))
        file->flush();
}
