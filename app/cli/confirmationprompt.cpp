#include "confirmationprompt.h"

#include <QSocketNotifier>

#include <unistd.h>

ConfirmationPrompt::ConfirmationPrompt(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{}

bool ConfirmationPrompt::isTerminal(int fd)
{
    return ::isatty(fd) == 1;
}

void ConfirmationPrompt::start()
{
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ConfirmationPrompt::readAvailable);
}

void ConfirmationPrompt::readAvailable()
{
    char buffer[256];
    const ssize_t count = ::read(m_fd, buffer, sizeof buffer);
    if (count <= 0) { // end of input or an error: never take silence for consent
        finish(false);
        return;
    }
    m_line.append(buffer, int(count));
    const int newline = m_line.indexOf('\n');
    if (newline < 0 && m_line.size() < 1024)
        return;
    const QByteArray answer = m_line.left(newline).trimmed().toLower();
    finish(answer == "y" || answer == "yes");
}

void ConfirmationPrompt::finish(bool yes)
{
    if (m_done)
        return;
    m_done = true;
    m_notifier->setEnabled(false);
    emit answered(yes);
}
