#pragma once

#include "clicommand.h"

// audit (CSV export of the audit log) and delete-trunk (the optional last step).
class MaintenanceCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void exportAudit();
    void deleteTrunk();
};
