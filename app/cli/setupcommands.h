#pragma once

#include "clicommand.h"

// Steps 1 and 2: setup-inbound (SIP domain + /inboundHandler) and setup-outbound
// (/outboundHandler + one test number), and `equivalence`, the report of what both steps do
// with the trunk's call settings.
class SetupCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void setupInbound();
    void setupOutbound(const QString &testNumberSid);
    void showEquivalence();
};
