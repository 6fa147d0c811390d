#pragma once

#include "sandboxserver.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

// Turns twilio-sandbox's flags into SandboxOptions, rejecting values out of range.
class SandboxCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCommandLine)
public:
    // nullopt with *error set on a bad flag or value; exits the process for --help.
    static std::optional<SandboxOptions> parse(const QStringList &arguments, QString *error);
};
