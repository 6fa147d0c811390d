#include "cliparser.h"

#include "clicommandcatalog.h"
#include "clivaluereader.h"

#include <QCommandLineParser>

namespace {

CliParseResult error(const QString &text)
{
    CliParseResult result;
    result.kind = CliParseResult::Kind::Error;
    result.text = text;
    return result;
}

CliParseResult help(const QString &text)
{
    CliParseResult result;
    result.kind = CliParseResult::Kind::Help;
    result.text = text;
    return result;
}

} // namespace

CliParseResult CliParser::parse(const QStringList &arguments)
{
    QCommandLineParser first;
    first.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    first.addOptions(CliCommandCatalog::allOptions());
    first.parse(arguments); // errors are reported by the second pass, which knows the command
    const QStringList positionals = first.positionalArguments();
    if (positionals.isEmpty()) {
        if (first.isSet(QStringLiteral("help")))
            return help(CliCommandCatalog::overview());
        if (!first.errorText().isEmpty())
            return error(first.errorText());
        return error(tr("No command given; run trunk-migrator-cli --help for the list."));
    }
    const QString command = positionals.constFirst();
    const CliCommandSpec *spec = CliCommandCatalog::find(command);
    if (!spec)
        return error(tr("Unknown command \"%1\"; run trunk-migrator-cli --help for the list.")
                         .arg(command.left(40)));

    QCommandLineParser second;
    second.setApplicationDescription(spec->summary);
    second.addPositionalArgument(command, tr("The command."), command);
    if (!spec->positionalSyntax.isEmpty())
        second.addPositionalArgument(spec->positionalSyntax, spec->positionalHelp);
    second.addOptions(CliCommandCatalog::globalOptions());
    if (!CliValueReader::commandHasOption(*spec, QStringLiteral("edge")))
        second.addOption(QCommandLineOption({QStringLiteral("edge")}, tr("Same as --api-edge."),
                                            QStringLiteral("E")));
    second.addOptions(spec->options);
    const bool parsed = second.parse(arguments);
    if (second.isSet(QStringLiteral("help")))
        return help(second.helpText());
    if (!parsed)
        return error(tr("%1 (run trunk-migrator-cli %2 --help).").arg(second.errorText(), command));

    CliParseResult result;
    result.options.command = command;
    CliValueReader reader(second, *spec, &result.options);
    QString problem = reader.readGlobal();
    if (problem.isEmpty())
        problem = reader.readCommand();
    if (!problem.isEmpty())
        return error(problem);
    result.kind = CliParseResult::Kind::Run;
    return result;
}
