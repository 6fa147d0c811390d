#pragma once

#include "clicommand.h"

// `verify`: the route of each chosen number on the trunk against its route through the
// deployed handlers (MigrationBackend::verify, docs/VERIFY.md). Prints "same" or each
// difference as number, field, on the trunk, now; exits 6 (ExitCode::Differs) on any.
class VerifyCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void verify(const QStringList &sids);
    void print(const VerifyReport &report);
};
