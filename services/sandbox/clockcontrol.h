#pragma once

#include "sandboxmessage.h"

class SandboxContext;

// GET/POST /_sandbox/Clock: the sandbox's clock (record dates, call start times, how long a
// Build stays "building"). POST advance_ms=N moves it on by N ms (0 to one year), so a test or
// a script skips a wait instead of sleeping through it. The clock never goes back.
namespace ClockControl {
SandboxResponse handle(SandboxContext &context, const SandboxRequest &request);
}
