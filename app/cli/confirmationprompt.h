#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

// Asks a yes/no question on a terminal without blocking the event loop (the embedded sandbox
// and the engine share this thread): reads one line from a file descriptor via
// QSocketNotifier. Only "y" or "yes" counts as yes; end of input counts as no.
class ConfirmationPrompt : public QObject
{
    Q_OBJECT
public:
    explicit ConfirmationPrompt(int fd, QObject *parent = nullptr);

    // Starts reading; answered() follows once.
    void start();
    static bool isTerminal(int fd);

signals:
    void answered(bool yes);

private:
    void readAvailable();
    void finish(bool yes);

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_line;
    bool m_done = false;
};
