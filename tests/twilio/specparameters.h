#pragma once

#include "sandboxrequestrecord.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

// Reads Twilio's OpenAPI files and checks the parameter names a client sends against the
// operation they reach: form keys against the operation's requestBody
// (application/x-www-form-urlencoded schema `properties`, $ref resolved into components) and
// query keys against its `in: query` parameters, path-level parameters included.
//
// The Serverless upload (multipart on serverless-upload.twilio.com) is not in the spec; its part
// names are checked against Twilio's documented upload form (Path, Visibility, Content) instead
// (uploadPartNames()).
class SpecParameters
{
public:
    // Loads every *.json under `folder`; false with *error when none can be read.
    bool load(const QString &folder, QString *error);

    bool hasOperation(const QString &specFile, const QString &path, const QByteArray &method) const;
    // The spec's path template ("/v1/Trunks/{Sid}") that a concrete path matches for `method`
    // in `specFile`; empty when none does.
    QString pathTemplate(const QString &specFile, const QString &concretePath,
                         const QByteArray &method) const;
    // The 2xx statuses the operation declares.
    QSet<int> successStatuses(const QString &specFile, const QString &path,
                              const QByteArray &method) const;
    // Property names of the form body; empty when the operation takes no form body.
    QSet<QString> formFields(const QString &specFile, const QString &path,
                             const QByteArray &method) const;
    // The subset of formFields() the schema lists as `required`.
    QSet<QString> requiredFormFields(const QString &specFile, const QString &path,
                                     const QByteArray &method) const;
    QSet<QString> queryParameters(const QString &specFile, const QString &path,
                                  const QByteArray &method) const;

    // Every problem with one observed request, each naming the request and the key; empty
    // when every name it sent is declared (and every required form field is there).
    QStringList check(const SandboxRequestRecord &record) const;

    // Path, Visibility, Content, in that order (twilio-api.md §4.4).
    static QStringList uploadPartNames();
    // The POST …/Functions/{ZH}/Versions route of the upload host.
    static bool isUpload(const SandboxRouteInfo &route);

private:
    QJsonObject resolve(const QString &specFile, const QJsonObject &object) const;
    QJsonObject operation(const QString &specFile, const QString &path,
                          const QByteArray &method) const;
    QJsonObject formSchema(const QString &specFile, const QString &path,
                           const QByteArray &method) const;
    QStringList checkUpload(const SandboxRequestRecord &record, const QString &where) const;

    QHash<QString, QJsonObject> m_specs;
};
