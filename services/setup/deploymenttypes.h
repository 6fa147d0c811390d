#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QVector>

// What FunctionDeployer deploys and what it reports back. Plain data, no secrets: the handler
// code and the variables it gets (PBX_DOMAIN) are configuration, not credentials.

// One Twilio Function: its friendly name (also the file name without ".js"), URL path and code.
struct FunctionSource
{
    QString name;       // e.g. "inboundHandler"
    QString path;       // e.g. "/inboundHandler"
    QByteArray content; // the JavaScript source
    // Twilio signs its webhook requests (X-Twilio-Signature), so a protected Function still
    // answers every call while refusing anyone else: a public /outboundHandler would tell
    // whoever POSTs to it the PBX's address and options.
    QString visibility = QStringLiteral("protected");
};

struct DeploymentSpec
{
    QString trunkSid;          // the journal run is kept per trunk
    QString serviceUniqueName; // reused when it exists (accounts are capped at 50 services)
    QString serviceFriendlyName;
    QString environmentUniqueName = QStringLiteral("production");
    QString environmentSuffix; // empty: the functions live at <domain_base>.twil.io
    QString runtime;           // empty: Twilio's default
    QVector<FunctionSource> functions;
    QVector<QPair<QString, QString>> variables; // set on the environment (create or update by key)

    // Empty when it can be deployed, else one translated sentence saying what is wrong.
    QString check() const;
    // The same for a service unique name alone (up to 50 letters, digits, '-' or '_').
    static QString checkServiceName(const QString &uniqueName);
    Q_DECLARE_TR_FUNCTIONS(DeploymentSpec)
};

struct DeploymentResult
{
    QString serviceSid;
    QString environmentSid;
    QString domainName;               // e.g. trunk-migrator-4821.twil.io
    QString buildSid;                 // the live build
    QString deploymentSid;            // empty when nothing had to be deployed
    QMap<QString, QUrl> functionUrls; // function name -> https://<domainName><path>
    bool changed = false;             // false: everything was already live as asked
};

Q_DECLARE_METATYPE(DeploymentResult)
