#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Reads Twilio's OpenAPI files and checks a JSON answer against an operation's response
// schema: every listed property present, with the listed JSON type (null only where nullable).
class OpenApiSchema
{
public:
    // Loads every *.json under `folder`; false with *error when one cannot be read.
    bool load(const QString &folder, QString *error);

    bool hasOperation(const QString &specFile, const QString &path, const QByteArray &method) const;
    // The problems found, each naming the field ("trunks[0].auth_type: ..."). A missing
    // response for `status` is itself a problem.
    QStringList check(const QString &specFile, const QString &path, const QByteArray &method,
                      int status, const QJsonObject &answer) const;
    // The form parameters the operation's request body declares ("FriendlyName", ...).
    QStringList formParameters(const QString &specFile, const QString &path,
                               const QByteArray &method) const;
    // Path parameters whose pattern fixes a SID prefix: {"TrunkSid": "TK", ...}.
    QHash<QString, QString> sidPrefixes(const QString &specFile, const QString &path,
                                        const QByteArray &method) const;

private:
    QJsonObject resolve(const QString &specFile, const QJsonObject &schema) const;
    void checkValue(const QString &specFile, const QJsonObject &schema, const QJsonValue &value,
                    const QString &where, QStringList *problems) const;
    QJsonObject operation(const QString &specFile, const QString &path,
                          const QByteArray &method) const;

    QHash<QString, QJsonObject> m_specs;
};
