#pragma once

#include "callbehaviour.h"
#include "outboundhandleroptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

// Produces the JavaScript of the three Twilio Functions from the templates in resources/handlers
// (":/handlers/..."), and writes them as files for accounts whose region has no Functions.
// Options and the trunk's call behaviour reach the code as JSON, never as raw text, so no value
// can change the code.
class HandlerGenerator
{
    Q_DECLARE_TR_FUNCTIONS(HandlerGenerator)

public:
    explicit HandlerGenerator(OutboundHandlerOptions options = {}, CallBehaviour behaviour = {});

    // The source, or an empty array with errorString() set (bad options or behaviour, missing
    // template). The outbound handler needs both; the others only the behaviour.
    QByteArray inboundSource();
    QByteArray outboundSource();
    QByteArray referSource();

    // Writes inboundHandler.js, outboundHandler.js, referHandler.js, README.md and, when
    // pbxDomain is given, the .env that sets PBX_DOMAIN. Each file is replaced atomically; on
    // any error (bad domain, unwritable folder, full disk) returns false with errorString() set.
    bool exportToDirectory(const QString &directory, const QString &pbxDomain = {});

    QString errorString() const { return m_error; }

    static constexpr auto InboundPath = "/inboundHandler";
    static constexpr auto OutboundPath = "/outboundHandler";
    static constexpr auto ReferPath = "/referHandler";
    static constexpr auto PbxDomainVariable = "PBX_DOMAIN";

private:
    QByteArray loadTemplate(const QString &name);
    QByteArray fill(const QString &name, const QList<QPair<QByteArray, QByteArray>> &values);
    QByteArray behaviourJson();
    bool writeFile(const QString &path, const QByteArray &content);

    OutboundHandlerOptions m_options;
    CallBehaviour m_behaviour;
    QString m_error;
};
