#pragma once

#include "clicommand.h"

// Recovery from the journal: status (exit 5 when a run was interrupted), resume, rollback.
class RecoveryCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void printStatus(const InterruptedRun &run);
};
