#pragma once

#include <QString>

class SandboxContext;

// Fills a fresh context with the demo account: credentials, an API key, the main trunk with
// its origination URLs, IP ACL, credential list and `numbers` phone numbers with varied voice
// settings, a small second trunk, and a few numbers on no trunk. Deterministic for a seed.
class DemoSeeder
{
public:
    static constexpr int maxNumbers = 10000; // +6125550xxxx leaves four digits

    // Returns the main trunk's SID.
    static QString seed(SandboxContext &context, int numbers);

private:
    static void seedMainNumbers(SandboxContext &context, const QString &trunkSid, int count);
    static QString secret(SandboxContext &context);
};
