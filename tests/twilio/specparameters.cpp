#include "specparameters.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
const QLatin1String kForm("application/x-www-form-urlencoded");

QString names(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(", "));
}
} // namespace

bool SpecParameters::load(const QString &folder, QString *error)
{
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        QFile file(QDir(folder).filePath(name));
        QJsonParseError parseError;
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(file.fileName());
            return false;
        }
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!document.isObject()) {
            *error = QStringLiteral("%1: %2").arg(file.fileName(), parseError.errorString());
            return false;
        }
        m_specs.insert(name, document.object());
    }
    if (m_specs.isEmpty())
        *error = QStringLiteral("no OpenAPI files in %1").arg(folder);
    return !m_specs.isEmpty();
}

QJsonObject SpecParameters::resolve(const QString &specFile, const QJsonObject &object) const
{
    // Follows local references ("#/components/schemas/X", "#/components/parameters/Y", ...),
    // chains included. Anything else resolves to nothing, so the check reports it as missing
    // instead of passing silently.
    QJsonObject current = object;
    for (int depth = 0; depth < 16 && current.contains(QLatin1String("$ref")); ++depth) {
        const QString ref = current.value(QLatin1String("$ref")).toString();
        if (!ref.startsWith(QLatin1String("#/")))
            return {};
        QJsonValue node = m_specs.value(specFile);
        const QStringList steps = ref.mid(2).split(QLatin1Char('/'));
        for (QString step : steps) {
            step.replace(QLatin1String("~1"), QLatin1String("/"));
            step.replace(QLatin1String("~0"), QLatin1String("~"));
            node = node.toObject().value(step);
        }
        current = node.toObject();
    }
    return current.contains(QLatin1String("$ref")) ? QJsonObject() : current;
}

QJsonObject SpecParameters::operation(const QString &specFile, const QString &path,
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

bool SpecParameters::hasOperation(const QString &specFile, const QString &path,
                                  const QByteArray &method) const
{
    return !operation(specFile, path, method).isEmpty();
}

QString SpecParameters::pathTemplate(const QString &specFile, const QString &concretePath,
                                     const QByteArray &method) const
{
    const QJsonObject paths = m_specs.value(specFile).value(QLatin1String("paths")).toObject();
    static const QRegularExpression parameter(QStringLiteral("\\\\\\{[^}]+\\\\\\}"));
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        // "{Param}" stands for one path segment (a SID or a name, never a '/').
        QString pattern = QRegularExpression::escape(it.key());
        pattern.replace(parameter, QStringLiteral("[^/]+"));
        if (QRegularExpression(QRegularExpression::anchoredPattern(pattern))
                .match(concretePath)
                .hasMatch() &&
            hasOperation(specFile, it.key(), method))
            return it.key();
    }
    return {};
}

QSet<int> SpecParameters::successStatuses(const QString &specFile, const QString &path,
                                          const QByteArray &method) const
{
    QSet<int> statuses;
    const QJsonObject responses =
        operation(specFile, path, method).value(QLatin1String("responses")).toObject();
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        const int status = it.key().toInt();
        if (status >= 200 && status < 300)
            statuses.insert(status);
    }
    return statuses;
}

QJsonObject SpecParameters::formSchema(const QString &specFile, const QString &path,
                                       const QByteArray &method) const
{
    const QJsonObject body = resolve(
        specFile, operation(specFile, path, method).value(QLatin1String("requestBody")).toObject());
    const QJsonObject schema = resolve(specFile, body.value(QLatin1String("content"))
                                                     .toObject()
                                                     .value(kForm)
                                                     .toObject()
                                                     .value(QLatin1String("schema"))
                                                     .toObject());
    const QJsonArray parts = schema.value(QLatin1String("allOf")).toArray();
    if (parts.isEmpty())
        return schema;
    // allOf: the union of the parts' properties and required lists.
    QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    QJsonArray required = schema.value(QLatin1String("required")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject resolved = resolve(specFile, part.toObject());
        const QJsonObject more = resolved.value(QLatin1String("properties")).toObject();
        for (auto it = more.begin(); it != more.end(); ++it)
            properties.insert(it.key(), it.value());
        const QJsonArray moreRequired = resolved.value(QLatin1String("required")).toArray();
        for (const QJsonValue &name : moreRequired)
            required.append(name);
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), required}};
}

QSet<QString> SpecParameters::formFields(const QString &specFile, const QString &path,
                                         const QByteArray &method) const
{
    const QStringList keys =
        formSchema(specFile, path, method).value(QLatin1String("properties")).toObject().keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QSet<QString> SpecParameters::requiredFormFields(const QString &specFile, const QString &path,
                                                 const QByteArray &method) const
{
    QSet<QString> required;
    const QJsonArray names =
        formSchema(specFile, path, method).value(QLatin1String("required")).toArray();
    for (const QJsonValue &name : names)
        required.insert(name.toString());
    return required;
}

QSet<QString> SpecParameters::queryParameters(const QString &specFile, const QString &path,
                                              const QByteArray &method) const
{
    const QJsonObject pathItem =
        m_specs.value(specFile).value(QLatin1String("paths")).toObject().value(path).toObject();
    QJsonArray parameters = pathItem.value(QLatin1String("parameters")).toArray();
    const QJsonArray own =
        operation(specFile, path, method).value(QLatin1String("parameters")).toArray();
    for (const QJsonValue &parameter : own)
        parameters.append(parameter);
    QSet<QString> query;
    for (const QJsonValue &value : parameters) {
        const QJsonObject parameter = resolve(specFile, value.toObject());
        if (parameter.value(QLatin1String("in")).toString() == QLatin1String("query"))
            query.insert(parameter.value(QLatin1String("name")).toString());
    }
    return query;
}

QStringList SpecParameters::uploadPartNames()
{
    return {QStringLiteral("Path"), QStringLiteral("Visibility"), QStringLiteral("Content")};
}

bool SpecParameters::isUpload(const SandboxRouteInfo &route)
{
    return route.method == "POST" && route.specFile.isEmpty() &&
           route.pathTemplate.endsWith(QLatin1String("/Functions/{FunctionSid:ZH}/Versions"));
}

QStringList SpecParameters::checkUpload(const SandboxRequestRecord &record,
                                        const QString &where) const
{
    QStringList problems;
    if (!record.bodyProblem.isEmpty())
        problems.append(where + QStringLiteral(": multipart body unreadable: ") +
                        record.bodyProblem);
    if (record.multipartNames != uploadPartNames())
        problems.append(where + QStringLiteral(": multipart parts are [%1], twilio-api.md §4.4 "
                                               "documents exactly [%2]")
                                    .arg(names(record.multipartNames), names(uploadPartNames())));
    if (!record.formKeys.isEmpty() || !record.queryKeys.isEmpty())
        problems.append(where + QStringLiteral(": the upload takes no form or query keys, got "
                                               "[%1]")
                                    .arg(names(record.formKeys + record.queryKeys)));
    return problems;
}

QStringList SpecParameters::check(const SandboxRequestRecord &record) const
{
    const QString where = QString::fromLatin1(record.method) + QLatin1Char(' ') + record.path;
    if (!record.routed)
        return {where + QStringLiteral(": no sandbox route serves it, so no spec operation")};
    if (isUpload(record.route))
        return checkUpload(record, where);
    const QString file = record.route.specFile;
    const QString path = record.route.specPath();
    const QByteArray method = record.route.method;
    const QString operationName = QStringLiteral("%1 %2 (%3)")
                                      .arg(QString::fromLatin1(method), path,
                                           file.isEmpty() ? QStringLiteral("no spec file") : file);
    if (file.isEmpty() || !hasOperation(file, path, method))
        return {where +
                QStringLiteral(": %1 is not an operation of the OpenAPI files").arg(operationName)};

    QStringList problems;
    const QSet<QString> query = queryParameters(file, path, method);
    for (const QString &key : record.queryKeys) {
        if (!query.contains(key))
            problems.append(where + QStringLiteral(": query parameter \"%1\" is not declared by %2")
                                        .arg(key, operationName));
    }
    const QSet<QString> form = formFields(file, path, method);
    for (const QString &key : record.formKeys) {
        if (!form.contains(key))
            problems.append(where + QStringLiteral(": form field \"%1\" is not declared by %2")
                                        .arg(key, operationName));
    }
    const QSet<QString> required = requiredFormFields(file, path, method);
    for (const QString &key : required) {
        if (!record.formKeys.contains(key))
            problems.append(where + QStringLiteral(": required form field \"%1\" of %2 not sent")
                                        .arg(key, operationName));
    }
    const QByteArray mediaType = record.contentType.split(';').constFirst().trimmed().toLower();
    if (!form.isEmpty() && mediaType != QByteArray(kForm.data(), kForm.size()))
        problems.append(where + QStringLiteral(": %1 takes a form body, sent as \"%2\"")
                                    .arg(operationName, QString::fromLatin1(record.contentType)));
    if (!record.multipartNames.isEmpty())
        problems.append(where + QStringLiteral(": multipart parts [%1] sent to %2, which declares "
                                               "no multipart body")
                                    .arg(names(record.multipartNames), operationName));
    return problems;
}
