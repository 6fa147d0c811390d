#pragma once

#include "outboundhandleroptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Produces the JavaScript of the two Twilio Functions from the templates in resources/handlers
// (":/handlers/..."), and writes them as files for accounts whose region has no Functions.
// Options reach the code as JSON, never as raw text, so no option value can change the code.
class HandlerGenerator
{
    Q_DECLARE_TR_FUNCTIONS(HandlerGenerator)

public:
    explicit HandlerGenerator(OutboundHandlerOptions options = {});

    // The source, or an empty array with errorString() set (bad options, missing template).
    QByteArray inboundSource();
    QByteArray outboundSource();

    // Writes inboundHandler.js, outboundHandler.js, README.md and, when pbxDomain is given, the
    // .env that sets PBX_DOMAIN. Each file is replaced atomically; on any error (bad domain,
    // unwritable folder, full disk) returns false with errorString() set.
    bool exportToDirectory(const QString &directory, const QString &pbxDomain = {});

    QString errorString() const { return m_error; }

    static constexpr auto InboundPath = "/inboundHandler";
    static constexpr auto OutboundPath = "/outboundHandler";
    static constexpr auto PbxDomainVariable = "PBX_DOMAIN";

private:
    QByteArray loadTemplate(const QString &name);
    QByteArray fill(const QString &name, const QByteArray &optionsJson);
    bool writeFile(const QString &path, const QByteArray &content);

    OutboundHandlerOptions m_options;
    QString m_error;
};
