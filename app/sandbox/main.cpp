// twilio-sandbox: runs SandboxServer until killed. See docs/SANDBOX.md.
#include "sandboxcommandline.h"
#include "sandboxserver.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("twilio-sandbox"));

    QString error;
    const std::optional<SandboxOptions> options =
        SandboxCommandLine::parse(QCoreApplication::arguments(), &error);
    if (!options) {
        std::fprintf(stderr, "twilio-sandbox: %s\n", qPrintable(error));
        return 2;
    }
    SandboxServer server(*options);
    if (!server.start(&error)) {
        std::fprintf(stderr, "twilio-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    // The one line a parent process reads to find and authenticate to us.
    std::fprintf(stdout, "%s\n", server.startupJson().constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
