#pragma once

#include "secretreply.h"
#include "secretstore.h"

#include <QRandomGenerator>
#include <QString>
#include <QTest>

#include <memory>
#include <optional>

// Shared by the keychain tests: fresh SIDs per run (so runs never see each other's entries)
// and a way to wait for one asynchronous reply.
namespace SecretTest {

inline QString randomSid(const char *prefix)
{
    QString sid = QLatin1String(prefix, 2);
    for (int i = 0; i < 4; ++i)
        sid += QStringLiteral("%1").arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
    return sid;
}

inline QString randomSecret()
{
    return QStringLiteral("tm-test-secret-%1%2")
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'))
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
}

// Runs `start` with a callback and spins the event loop until it answers (nullopt on timeout).
// Also refuses a callback that runs inside the starting call: the store promises not to.
template<typename Start> std::optional<SecretReply> await(Start start, int timeoutMs = 30000)
{
    struct State
    {
        std::optional<SecretReply> reply;
        bool inCall = true;
        bool calledInside = false;
    };
    // Shared, so a reply arriving after a timeout does not write to a dead stack frame.
    auto state = std::make_shared<State>();
    start([state](const SecretReply &r) {
        state->calledInside = state->inCall;
        state->reply = r;
    });
    state->inCall = false;
    if (!QTest::qWaitFor([&] { return state->reply.has_value(); }, timeoutMs))
        qWarning("no keychain reply within %d ms", timeoutMs);
    if (state->calledInside)
        qWarning("callback ran inside the starting call");
    return state->calledInside ? std::nullopt : state->reply;
}

} // namespace SecretTest
