#pragma once

#include <QString>

// How a keychain operation ended. The UI decides from this alone what to tell the user and
// whether to keep the secret in memory for the session (NoBackend).
enum class SecretStatus {
    Ok,
    NotFound,     // nothing stored under that key
    NoBackend,    // no keychain answers on this computer: keep the secret for this session only
    AccessDenied, // the keychain is locked or the user refused access
    OtherError,
};

// The result handed to a SecretStore callback. `secret` is filled only by a successful load;
// `message` is translated text fit to show as it is (empty on success).
struct SecretReply
{
    SecretStatus status = SecretStatus::OtherError;
    QString message;
    QString secret;

    bool ok() const { return status == SecretStatus::Ok; }
};
