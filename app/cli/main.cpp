// trunk-migrator-cli: the migration engine without widgets. Wiring only; see docs/CLI.md.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "confirmationprompt.h"
#include "connectionconfig.h"
#include "enginestorage.h"
#include "exitcode.h"
#include "logredaction.h"
#include "migrationservice.h"
#include "privatefiles.h"
#include "signalwatcher.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TranslationLoader::installEnglishPlurals(&app);
    // The wizard's names, so both front ends share the default journal.
    QCoreApplication::setOrganizationName(QStringLiteral("TrunkMigrator"));
    QCoreApplication::setApplicationName(QStringLiteral("trunk-migrator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TM_VERSION));

    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    CliOutput output(&out, &err);

    const CliParseResult parsed = CliParser::parse(QCoreApplication::arguments());
    if (parsed.kind == CliParseResult::Kind::Help) {
        output.result(parsed.text);
        return toInt(ExitCode::Ok);
    }
    if (parsed.kind == CliParseResult::Kind::Error) {
        output.error(parsed.text);
        return toInt(ExitCode::Usage);
    }
    const CliOptions &options = parsed.options;
    // stderr is for progress and errors; engine chatter only on request. QT_LOGGING_RULES
    // still overrides this, for debugging.
    QLoggingCategory::setFilterRules(options.verbose
                                         ? QStringLiteral("tm.*.debug=true")
                                         : QStringLiteral("tm.*.debug=false\ntm.*.info=false"));
    output.setJson(options.json);
    output.setProgressInterval(options.progressIntervalMs);

    if (options.command == QLatin1String("reset-sandbox")) {
        // Only files on this computer: no account to connect to.
        QString error;
        if (!EngineStorage::removeKeptSandbox(&error)) {
            output.error(error);
            return toInt(ExitCode::Usage);
        }
        output.result(QCoreApplication::translate(
            "main", "The kept sandbox was reset; the next --keep-sandbox starts a fresh one.\n"));
        return toInt(ExitCode::Ok);
    }

    ConnectionSettings settings;
    const QString problem =
        ConnectionConfig::build(options, QProcessEnvironment::systemEnvironment(), &settings);
    SecretRedactor redactor;
    redactor.addSecret(settings.secret);
    output.setRedactor(redactor);
    LogRedaction::install(redactor);
    if (!problem.isEmpty()) {
        output.error(problem);
        return toInt(ExitCode::Connection);
    }
    if (CliSession::needsConfirmation(options) && !ConfirmationPrompt::isTerminal(STDIN_FILENO)) {
        output.error(QCoreApplication::translate("main", "%1 changes the account: pass --yes "
                                                         "when not on a terminal.")
                         .arg(options.command));
        return toInt(ExitCode::Usage);
    }

    const QString journal = ConnectionConfig::journalPath(options);
    if (!PrivateFiles::makeFolder(QFileInfo(journal).absolutePath())) {
        output.error(
            QCoreApplication::translate("main", "Cannot create the folder of %1.").arg(journal));
        return toInt(ExitCode::Usage);
    }
    MigrationService service;
    service.setJournalPath(journal);
    service.setOperatorName(ConnectionConfig::operatorName());
    if (options.concurrency > 0)
        service.setConcurrency(options.concurrency);
    if (options.settleSeconds >= 0)
        service.setRemovalSettleMs(options.settleSeconds * 1000);

    CliSession session(&service, &output, options);
    session.setConfirmationInput(STDIN_FILENO);
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::signalReceived, &session,
                     &CliSession::handleSignal);
    QObject::connect(&session, &CliSession::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    // Started from the event loop: an immediate failure must not call exit() before exec().
    QTimer::singleShot(0, &session, [&session, &settings] { session.start(settings); });
    return QCoreApplication::exec();
}
