#pragma once

#include <QString>

class SandboxContext;

// Fills a fresh context with the demo account: credentials, an API key, the main trunk with
// every setting away from its default (recording, transfer, secure, CNAM, disaster recovery),
// three origination URLs, IP ACL, credential list and `numbers` phone numbers with varied voice
// and emergency settings, a small second trunk, and a few numbers on no trunk. Deterministic
// for a seed; see docs/SANDBOX.md for the exact contents.
class DemoSeeder
{
public:
    static constexpr int maxNumbers = 10000; // +6125550xxxx leaves four digits

    // Returns the main trunk's SID.
    static QString seed(SandboxContext &context, int numbers);

private:
    static void seedMainNumbers(SandboxContext &context, const QString &trunkSid, int count);
    static void seedEmergencyAddresses(SandboxContext &context, int count);
    static QString secret(SandboxContext &context);
};
