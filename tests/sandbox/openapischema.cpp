#include "openapischema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

bool OpenApiSchema::load(const QString &folder, QString *error)
{
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        QFile file(QDir(folder).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(file.fileName());
            return false;
        }
        m_specs.insert(name, QJsonDocument::fromJson(file.readAll()).object());
    }
    if (m_specs.isEmpty())
        *error = QStringLiteral("no OpenAPI files in %1").arg(folder);
    return !m_specs.isEmpty();
}

QJsonObject OpenApiSchema::operation(const QString &specFile, const QString &path,
                                     const QByteArray &method) const
{
    return m_specs.value(specFile)
        .value(QLatin1String("paths"))
        .toObject()
        .value(path)
        .toObject()
        .value(QString::fromLatin1(method.toLower()))
        .toObject();
}

bool OpenApiSchema::hasOperation(const QString &specFile, const QString &path,
                                 const QByteArray &method) const
{
    return !operation(specFile, path, method).isEmpty();
}

QStringList OpenApiSchema::formParameters(const QString &specFile, const QString &path,
                                          const QByteArray &method) const
{
    return operation(specFile, path, method)
        .value(QLatin1String("requestBody"))
        .toObject()
        .value(QLatin1String("content"))
        .toObject()
        .value(QLatin1String("application/x-www-form-urlencoded"))
        .toObject()
        .value(QLatin1String("schema"))
        .toObject()
        .value(QLatin1String("properties"))
        .toObject()
        .keys();
}

QHash<QString, QString> OpenApiSchema::sidPrefixes(const QString &specFile, const QString &path,
                                                   const QByteArray &method) const
{
    static const QRegularExpression prefixPattern(QStringLiteral("^\\^([A-Z]{2})\\[0-9a-f"));
    QHash<QString, QString> prefixes;
    const QJsonArray parameters =
        operation(specFile, path, method).value(QLatin1String("parameters")).toArray();
    for (const QJsonValue &value : parameters) {
        const QJsonObject parameter = value.toObject();
        if (parameter.value(QLatin1String("in")).toString() != QLatin1String("path"))
            continue;
        const QString pattern = parameter.value(QLatin1String("schema"))
                                    .toObject()
                                    .value(QLatin1String("pattern"))
                                    .toString();
        const auto match = prefixPattern.match(pattern);
        if (match.hasMatch())
            prefixes.insert(parameter.value(QLatin1String("name")).toString(), match.captured(1));
    }
    return prefixes;
}

QJsonObject OpenApiSchema::resolve(const QString &specFile, const QJsonObject &schema) const
{
    const QString ref = schema.value(QLatin1String("$ref")).toString();
    if (ref.isEmpty())
        return schema;
    const QString name = ref.section(QLatin1Char('/'), -1);
    return m_specs.value(specFile)
        .value(QLatin1String("components"))
        .toObject()
        .value(QLatin1String("schemas"))
        .toObject()
        .value(name)
        .toObject();
}

void OpenApiSchema::checkValue(const QString &specFile, const QJsonObject &rawSchema,
                               const QJsonValue &value, const QString &where,
                               QStringList *problems) const
{
    const QJsonObject schema = resolve(specFile, rawSchema);
    const bool nullable = rawSchema.value(QLatin1String("nullable")).toBool() ||
                          schema.value(QLatin1String("nullable")).toBool();
    if (value.isNull()) {
        if (!nullable)
            problems->append(where + QStringLiteral(": null but the spec does not allow null"));
        return;
    }
    const QString type = schema.value(QLatin1String("type")).toString();
    const bool typeOk = type.isEmpty() || (type == QLatin1String("string") && value.isString()) ||
                        (type == QLatin1String("integer") && value.isDouble() &&
                         value.toDouble() == double(qint64(value.toDouble()))) ||
                        (type == QLatin1String("number") && value.isDouble()) ||
                        (type == QLatin1String("boolean") && value.isBool()) ||
                        (type == QLatin1String("object") && value.isObject()) ||
                        (type == QLatin1String("array") && value.isArray());
    if (!typeOk) {
        problems->append(
            where +
            QStringLiteral(": expected %1, got %2")
                .arg(type, QString::fromUtf8(
                               QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))));
        return;
    }
    const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
    if (!allowed.isEmpty() && !allowed.contains(value))
        problems->append(where + QStringLiteral(": %1 is not one of the spec's values")
                                     .arg(value.toVariant().toString()));
    if (value.isObject() && schema.contains(QLatin1String("properties"))) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonObject object = value.toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const QString field = where.isEmpty() ? it.key() : where + QLatin1Char('.') + it.key();
            if (!object.contains(it.key()))
                problems->append(field + QStringLiteral(": missing"));
            else
                checkValue(specFile, it.value().toObject(), object.value(it.key()), field,
                           problems);
        }
    }
    if (value.isArray() && schema.contains(QLatin1String("items"))) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            checkValue(specFile, schema.value(QLatin1String("items")).toObject(), items.at(i),
                       where + QStringLiteral("[%1]").arg(i), problems);
    }
}

QStringList OpenApiSchema::check(const QString &specFile, const QString &path,
                                 const QByteArray &method, int status,
                                 const QJsonObject &answer) const
{
    const QJsonObject response = operation(specFile, path, method)
                                     .value(QLatin1String("responses"))
                                     .toObject()
                                     .value(QString::number(status))
                                     .toObject();
    if (response.isEmpty())
        return {QStringLiteral("the spec has no %1 response").arg(status)};
    const QJsonObject schema = response.value(QLatin1String("content"))
                                   .toObject()
                                   .value(QLatin1String("application/json"))
                                   .toObject()
                                   .value(QLatin1String("schema"))
                                   .toObject();
    QStringList problems;
    if (!schema.isEmpty())
        checkValue(specFile, schema, answer, QString(), &problems);
    return problems;
}
