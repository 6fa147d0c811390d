#include "logredaction.h"

#include "secretredactor.h"

#include <QtGlobal>

namespace {

SecretRedactor g_redactor;
QtMessageHandler g_previous = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_previous(type, context, g_redactor.redact(message));
}

} // namespace

namespace LogRedaction {

void install(const SecretRedactor &redactor)
{
    g_redactor = redactor;
    if (!g_previous)
        g_previous = qInstallMessageHandler(redactingHandler);
}

} // namespace LogRedaction
