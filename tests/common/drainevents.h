#pragma once

#include <QCoreApplication>
#include <QEventLoop>

// Delivers the events already posted, and those they post in turn (queued signals, deferred
// deletes, layout requests), for a bounded number of rounds: what "nothing else follows" means
// in a test, without waiting on the clock. Calls still in flight on the network are not
// covered: wait for the client to be idle first (its counters().operations == 0).
inline void drainPostedEvents(int rounds = 10)
{
    for (int i = 0; i < rounds; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}
