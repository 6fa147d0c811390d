#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Asks the D-Bus session bus, without blocking, whether a freedesktop Secret Service answers.
// QtKeychain cannot tell "no keychain on this computer" from any other failure on Linux (both
// come back as OtherError), so SecretStore asks first and reports NoBackend plainly.
class SecretServiceProbe : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(bool available, const QString &detail)>;

    explicit SecretServiceProbe(QObject *parent = nullptr);

    // `done` is always called later from the event loop (never from inside probe()), at most
    // `timeoutMs` after the call, unless this probe is destroyed first.
    void probe(int timeoutMs, Callback done);
};
