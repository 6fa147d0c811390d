#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Serverless v1 resources; `raw` keeps the whole answer.

struct ServerlessService
{
    QString sid;
    QString uniqueName;
    QString friendlyName;
    QString domainBase;
    QJsonObject raw;

    static ServerlessService fromJson(const QJsonObject &json);
};

struct ServerlessEnvironment
{
    QString sid;
    QString serviceSid;
    QString uniqueName;
    std::optional<QString> domainSuffix;
    QString domainName; // where the functions are served: https://<domainName><path>
    std::optional<QString> buildSid;
    QJsonObject raw;

    static ServerlessEnvironment fromJson(const QJsonObject &json);
};

struct ServerlessFunction
{
    QString sid;
    QString serviceSid;
    QString friendlyName;
    QJsonObject raw;

    static ServerlessFunction fromJson(const QJsonObject &json);
};

struct FunctionVersion
{
    QString sid;
    QString functionSid;
    QString path;
    QString visibility;
    QJsonObject raw;

    static FunctionVersion fromJson(const QJsonObject &json);
};

// What to upload as a new Function Version.
struct FunctionVersionUpload
{
    QString path;                                  // e.g. "/inboundHandler"
    QString visibility = QStringLiteral("public"); // public | protected | private
    QString fileName;                              // e.g. "inboundHandler.js"
    QByteArray content;                            // the JavaScript source
    QString check() const;
};

struct BuildDependency
{
    QString name;
    QString version;
};

struct BuildRequest
{
    QStringList functionVersionSids;
    QList<BuildDependency> dependencies;
    QString runtime; // e.g. "node18"; empty = Twilio's default
    QString check() const;
};

// A build, or its status (GET …/Builds/{ZB}/Status gives sid + status only).
struct ServerlessBuild
{
    QString sid;
    QString serviceSid;
    QString status; // building | completed | failed
    QString runtime;
    QJsonObject raw;

    static ServerlessBuild fromJson(const QJsonObject &json);
};

struct ServerlessDeployment
{
    QString sid;
    QString environmentSid;
    QString buildSid;
    QJsonObject raw;

    static ServerlessDeployment fromJson(const QJsonObject &json);
};

struct ServerlessVariable
{
    QString sid;
    QString environmentSid;
    QString key;
    QString value;
    QJsonObject raw;

    static ServerlessVariable fromJson(const QJsonObject &json);
};
