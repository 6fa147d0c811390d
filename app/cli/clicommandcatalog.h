#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

// What each command accepts, in one table: the parser builds its QCommandLineParser from it and
// --help prints it, so the two cannot drift apart.
struct CliCommandSpec
{
    QString name;
    QString summary;
    QString positionalSyntax; // e.g. "E164..."; empty when the command takes none
    QString positionalHelp;
    bool positionalRequired = false;
    QList<QCommandLineOption> options;
};

class CliCommandCatalog
{
    Q_DECLARE_TR_FUNCTIONS(CliCommandCatalog)
public:
    static const QList<CliCommandSpec> &commands();
    static const CliCommandSpec *find(const QString &name);
    // Options every command takes (connection, journal, output).
    static QList<QCommandLineOption> globalOptions();
    // Every option of every command, each name once: lets a first pass find the command word
    // wherever the options stand, without mistaking an option's value for it.
    static QList<QCommandLineOption> allOptions();
    // The general --help text: usage, commands, environment, exit codes.
    static QString overview();
};
