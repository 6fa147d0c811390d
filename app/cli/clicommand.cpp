#include "clicommand.h"

#include "cliformat.h"
#include "clilogging.h"
#include "clioutput.h"
#include "confirmationprompt.h"

CliCommand::CliCommand(MigrationBackend *backend, CliOutput *output, const CliOptions &options,
                       QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_out(output)
    , m_options(options)
{}

bool CliCommand::interrupt()
{
    m_interrupted = true;
    m_backend->cancel();
    if (!m_inRun)
        return false;
    m_out->note(tr("Cancelling: no new numbers start; waiting for calls in flight..."));
    return true;
}

ExitCode CliCommand::exitCodeFor(MigrationBackend::Operation operation, const OperationError &error)
{
    if (operation == MigrationBackend::Operation::Connect || error.httpStatus == 401 ||
        error.httpStatus == 403)
        return ExitCode::Connection;
    return ExitCode::Api;
}

void CliCommand::finish(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(toInt(code));
}

void CliCommand::fail(ExitCode code, const QString &message)
{
    m_out->error(message);
    finish(code);
}

void CliCommand::onFailed(MigrationBackend::Operation operation, const OperationError &error)
{
    const QString what = CliFormat::operationName(operation);
    qCDebug(lcCli) << "operation failed:" << operation << error.httpStatus << error.twilioCode;
    m_out->error(tr("%1 failed: %2")
                     .arg(what, error.message.isEmpty() ? tr("unknown error") : error.message));
    if (error.twilioCode != 0 || error.httpStatus != 0)
        m_out->note(tr("  (HTTP %1, Twilio error %2%3)")
                        .arg(error.httpStatus)
                        .arg(error.twilioCode)
                        .arg(error.requestId.isEmpty() ? QString()
                                                       : tr(", request %1").arg(error.requestId)));
    // The engine names each setting as "Title (setting)"; the option that acknowledges them.
    if (error.message.contains(QLatin1String("must be acknowledged first")))
        m_out->note(tr("  Acknowledge them with --accept-change SETTING (see `equivalence`)."));
    finish(exitCodeFor(operation, error));
}

void CliCommand::follow(BackendJob *job)
{
    connect(job, &BackendJob::progress, this, [this](const QString &stage, int done, int total) {
        m_out->progress(stage, done, total);
    });
    connect(job, &BackendJob::failed, this,
            [this, operation = job->operation()](const OperationError &error) {
                // After an interrupt outside a run, the engine fails the dropped job; the
                // session already exits with 130.
                if (!m_finished && !(m_interrupted && !m_inRun))
                    onFailed(operation, error);
            });
}

void CliCommand::withNumbers(const QString &trunkSid,
                             std::function<void(const QVector<NumberInfo> &)> next)
{
    NumbersJob *job = m_backend->loadNumbers(trunkSid);
    follow(job);
    job->onFinished(this, [this, next = std::move(next)](const QVector<NumberInfo> &numbers) {
        if (!m_finished)
            next(numbers);
    });
}

void CliCommand::confirm(const QString &question, std::function<void()> onYes)
{
    if (m_options.yes) {
        onYes();
        return;
    }
    if (!ConfirmationPrompt::isTerminal(m_inputFd)) {
        fail(ExitCode::Usage, tr("%1 changes the account: pass --yes when not on a terminal.")
                                  .arg(m_options.command));
        return;
    }
    m_out->prompt(question + tr(" [y/N] "));
    auto *prompt = new ConfirmationPrompt(m_inputFd, this);
    connect(prompt, &ConfirmationPrompt::answered, this, [this, onYes](bool yes) {
        if (m_finished)
            return;
        if (yes) {
            onYes();
        } else {
            m_out->note(tr("Not confirmed; nothing changed."));
            finish(ExitCode::Cancelled);
        }
    });
    prompt->start();
}

void CliCommand::followRun(RunJob *job)
{
    m_inRun = true;
    follow(job);
    connect(job, &RunJob::numberChanged, this, [this](const NumberInfo &number) {
        // A number that must wait (a revert after an unsettled removal) says why.
        if (number.state == NumberState::Reverting && !number.lastError.message.isEmpty())
            m_out->note(number.phoneNumber + QStringLiteral(": ") + number.lastError.message);
        m_report.update(number);
    });
    job->onFinished(this, [this](const RunSummary &summary) { onRunFinished(summary); });
}

void CliCommand::onRunFinished(const RunSummary &summary)
{
    if (m_finished)
        return;
    if (m_out->isJson())
        m_out->resultJson(m_report.json(summary));
    else
        m_out->result(m_report.text(summary));
    // A cancel that came too late to stop anything leaves a complete run: report that.
    if (m_interrupted && summary.cancelled > 0) {
        m_out->note(tr("Cancelled. Numbers not reached keep their old settings; run `migrate` "
                       "again to continue."));
        finish(ExitCode::Cancelled);
    } else if (summary.failed > 0) {
        finish(ExitCode::SomeFailed);
    } else {
        finish(ExitCode::Ok);
    }
}
