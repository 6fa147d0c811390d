#pragma once

#include "clicommandcatalog.h"
#include "clioptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

// Second half of CliParser: reads the values of a parsed command line into CliOptions and
// checks each one (SIDs, E.164, URLs, ranges). Every method returns "" or one error sentence.
class CliValueReader
{
    Q_DECLARE_TR_FUNCTIONS(CliParser)
public:
    CliValueReader(const QCommandLineParser &parser, const CliCommandSpec &spec,
                   CliOptions *options);

    QString readGlobal();  // connection, journal and output options
    QString readCommand(); // the command's own options and arguments

    static bool commandHasOption(const CliCommandSpec &spec, const QString &name);

private:
    bool has(const char *name) const; // set, and an option of this command
    QString value(const char *name) const;
    QString readSelection();
    QString readInbound();
    QString readOutbound();
    QString readCalls();
    // --on / --off into an optional: unset when neither is given.
    QString readSecure(const char *on, const char *off, std::optional<bool> *to) const;
    QString readPositionals();

    const QCommandLineParser &m_parser;
    const CliCommandSpec &m_spec;
    CliOptions *m_options;
};
