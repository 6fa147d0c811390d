#pragma once

class SecretRedactor;

// Routes every Qt log message (ours and the engine's) through a SecretRedactor before the
// default handler prints it: a secret must not reach stderr even by way of a debug line.
namespace LogRedaction {
void install(const SecretRedactor &redactor);
} // namespace LogRedaction
