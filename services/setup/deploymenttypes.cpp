#include "deploymenttypes.h"

#include "validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
// Twilio's unique names and function names: URL-friendly, so no dots, spaces or slashes.
bool isName(const QString &value, int maxLength)
{
    // anchoredPattern, not ^...$: '$' would also match before a final "\n".
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_-]*")));
    return !value.isEmpty() && value.size() <= maxLength && re.match(value).hasMatch();
}
} // namespace

QString DeploymentSpec::check() const
{
    if (!Validation::isSid(trunkSid, "TK"))
        return Validation::checkSid(trunkSid, "TK", tr("The trunk SID"));
    if (const QString problem = checkServiceName(serviceUniqueName); !problem.isEmpty())
        return problem;
    if (!isName(environmentUniqueName, 100) ||
        (!environmentSuffix.isEmpty() && !isName(environmentSuffix, 16)))
        return tr("The Functions environment needs a name of letters, digits, '-' or '_'.");
    if (functions.isEmpty())
        return tr("There is no function to deploy.");
    QStringList names;
    for (const FunctionSource &function : functions) {
        if (!isName(function.name, 100) || names.contains(function.name))
            return tr("\"%1\" cannot be a function name.").arg(function.name.left(64));
        names.append(function.name);
        if (!function.path.startsWith(u'/') || !isName(function.path.mid(1), 254))
            return tr("\"%1\" cannot be a function path.").arg(function.path.left(64));
        if (function.content.isEmpty())
            return tr("The code of %1 is empty.").arg(function.name);
    }
    for (const auto &[key, value] : variables) {
        if (!isName(key, 128) || value.isEmpty() || value.toUtf8().size() > 450)
            return tr("The environment variable \"%1\" needs a name of letters, digits or '_' and "
                      "a value of 1 to 450 bytes.")
                .arg(key.left(64));
    }
    return {};
}

QString DeploymentSpec::checkServiceName(const QString &uniqueName)
{
    if (isName(uniqueName, 50))
        return {};
    return tr("\"%1\" cannot be a Functions service name: use up to 50 letters, digits, '-' or "
              "'_'.")
        .arg(uniqueName.left(64));
}
