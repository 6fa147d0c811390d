#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal. The POSIX handler only write()s one byte to a
// socket pair (async-signal-safe); a QSocketNotifier reads it on the event loop, where it is
// safe to call into the engine. One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // False when the socket pair or the handlers could not be set up (then signals keep their
    // default action: the journal still covers an abrupt end).
    bool isActive() const { return m_notifier != nullptr; }

signals:
    void signalReceived(int signalNumber);

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};
