#include "serverlessresources.h"

#include "jsonfields.h"
#include "validation.h"
#include "wirefields.h"

#include <QCoreApplication>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TwilioResources)
};
} // namespace

using namespace JsonFields;

ServerlessService ServerlessService::fromJson(const QJsonObject &json)
{
    return ServerlessService{str(json, "sid"), str(json, "unique_name"), str(json, "friendly_name"),
                             str(json, "domain_base"), json};
}

ServerlessEnvironment ServerlessEnvironment::fromJson(const QJsonObject &json)
{
    using E = ServerlessEnvironment;
    static const WireField<E> fields[] = {
        {"sid", &E::sid},
        {"service_sid", &E::serviceSid},
        {"unique_name", &E::uniqueName},
        {"domain_suffix", &E::domainSuffix},
        {"domain_name", &E::domainName},
        {"build_sid", &E::buildSid},
    };
    ServerlessEnvironment environment = readFields(json, fields);
    environment.raw = json;
    return environment;
}

ServerlessFunction ServerlessFunction::fromJson(const QJsonObject &json)
{
    return ServerlessFunction{str(json, "sid"), str(json, "service_sid"),
                              str(json, "friendly_name"), json};
}

FunctionVersion FunctionVersion::fromJson(const QJsonObject &json)
{
    return FunctionVersion{str(json, "sid"), str(json, "function_sid"), str(json, "path"),
                           str(json, "visibility"), json};
}

QString FunctionVersionUpload::check() const
{
    if (path.isEmpty() || path.size() > 255)
        return Tr::tr("A function path must have 1 to 255 characters.");
    if (visibility != QLatin1String("public") && visibility != QLatin1String("protected") &&
        visibility != QLatin1String("private"))
        return Tr::tr("A function's visibility must be public, protected or private.");
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('"')) ||
        fileName.contains(QLatin1Char('/')))
        return Tr::tr("\"%1\" is not a usable file name.").arg(fileName.left(100));
    return {};
}

QString BuildRequest::check() const
{
    if (functionVersionSids.isEmpty())
        return Tr::tr("A build needs at least one function version.");
    for (const QString &sid : functionVersionSids) {
        const QString problem = Validation::checkSid(sid, "ZN", Tr::tr("A function version SID"));
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

ServerlessBuild ServerlessBuild::fromJson(const QJsonObject &json)
{
    return ServerlessBuild{str(json, "sid"), str(json, "service_sid"), str(json, "status"),
                           str(json, "runtime"), json};
}

ServerlessDeployment ServerlessDeployment::fromJson(const QJsonObject &json)
{
    return ServerlessDeployment{str(json, "sid"), str(json, "environment_sid"),
                                str(json, "build_sid"), json};
}

ServerlessVariable ServerlessVariable::fromJson(const QJsonObject &json)
{
    return ServerlessVariable{str(json, "sid"), str(json, "environment_sid"), str(json, "key"),
                              str(json, "value"), json};
}
