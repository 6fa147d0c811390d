#pragma once

#include "sandboxserver.h"
#include "twilioclient.h"

#include <QObject>
#include <QTest>

#include <memory>
#include <optional>

// An in-process sandbox and a client configured for it, on the test's event loop.
class SandboxFixture
{
public:
    explicit SandboxFixture(const SandboxOptions &options = {});

    // Starts the sandbox and configures the client; empty on success, else why not.
    QString start();
    SandboxServer &server() { return *m_server; }
    TwilioClient &client() { return *m_client; }
    QObject *context() { return &m_context; }
    TwilioCredentials credentials() const;
    TwilioEndpoint endpoint() const;
    // Twilio-style SID with the given prefix that the sandbox does not know.
    static QString unknownSid(const char prefix[3]);

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    QObject m_context;
};

// Collects the one callback of an operation; wait() spins the event loop (tests only).
template<class T> struct Waiter
{
    std::optional<TwilioResult<T>> result;
    int calls = 0;

    TwilioCallback<T> callback()
    {
        return [this](const TwilioResult<T> &r) {
            ++calls;
            result = r;
        };
    }
    bool wait(int timeoutMs = 15000)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, timeoutMs);
    }
    const T &value() const { return result->value; }
    const TwilioError &error() const { return result->error; }
};

// Waits for the callback and fails the test with Twilio's message unless it succeeded.
#define TM_WAIT_OK(waiter)                                                                         \
    do {                                                                                           \
        QVERIFY2((waiter).wait(), "no callback");                                                  \
        QVERIFY2((waiter).result->ok(), qPrintable((waiter).error().toDisplayString()));           \
    } while (false)
