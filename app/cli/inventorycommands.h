#pragma once

#include "clicommand.h"

// Read-only commands: trunks, numbers, calls, cutover-sheet.
class InventoryCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void listTrunks();
    void listNumbers();
    void listCalls();
    void printCutoverSheet();
};
