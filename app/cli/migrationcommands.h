#pragma once

#include "clicommand.h"

// Step 4: plan (changes nothing), migrate and revert. Numbers are resolved on the trunk first,
// so an unknown number stops the command before any change.
class MigrationCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void withSelection(std::function<void(const QStringList &sids)> next);
    void withTrunk(std::function<void(const QString &trunkSid)> next);
    void plan(const QStringList &sids);
    void migrate(const QStringList &sids);
    void revert();
    void printPlan(const MigrationPlan &plan);
};
