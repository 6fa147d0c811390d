#include "connectionconfig.h"

#include "clivaluechecks.h"
#include "validation.h"

#include <QDir>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

QString ConnectionConfig::build(const CliOptions &options, const QProcessEnvironment &environment,
                                ConnectionSettings *settings)
{
    *settings = ConnectionSettings();
    settings->sandbox = options.sandbox;
    settings->keepSandbox = options.keepSandbox;
    settings->region = options.region;
    settings->edge = options.apiEdge;
    // Like twilio-node: the command line wins, TWILIO_REGION / TWILIO_EDGE fill the gaps.
    if (settings->region.isEmpty() && environment.contains(QStringLiteral("TWILIO_REGION"))) {
        settings->region = environment.value(QStringLiteral("TWILIO_REGION"));
        if (const QString e = CliChecks::checkRegion(settings->region); !e.isEmpty())
            return tr("TWILIO_REGION: %1").arg(e);
    }
    if (settings->edge.isEmpty() && environment.contains(QStringLiteral("TWILIO_EDGE"))) {
        settings->edge = environment.value(QStringLiteral("TWILIO_EDGE"));
        if (const QString e = CliChecks::checkEdge(settings->edge); !e.isEmpty())
            return tr("TWILIO_EDGE: %1").arg(e);
    }
    if (options.sandbox)
        return {}; // the embedded sandbox makes up its own account

    settings->baseUrl = options.baseUrl;
    settings->accountSid = environment.value(QStringLiteral("TWILIO_ACCOUNT_SID"));
    if (settings->accountSid.isEmpty())
        return tr("Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and "
                  "TWILIO_API_SECRET), or use --sandbox.");
    if (const QString e =
            Validation::checkSid(settings->accountSid, "AC", tr("TWILIO_ACCOUNT_SID"));
        !e.isEmpty())
        return e;

    const QString apiKey = environment.value(QStringLiteral("TWILIO_API_KEY"));
    if (!apiKey.isEmpty()) {
        if (const QString e = Validation::checkSid(apiKey, "SK", tr("TWILIO_API_KEY"));
            !e.isEmpty())
            return e;
        settings->apiKeySid = apiKey;
        settings->secret = environment.value(QStringLiteral("TWILIO_API_SECRET"));
        if (settings->secret.isEmpty())
            return tr("TWILIO_API_KEY is set but TWILIO_API_SECRET is empty.");
        return {};
    }
    settings->secret = environment.value(QStringLiteral("TWILIO_AUTH_TOKEN"));
    if (settings->secret.isEmpty())
        return tr("TWILIO_AUTH_TOKEN is empty (or set TWILIO_API_KEY and TWILIO_API_SECRET).");
    return {};
}

QString ConnectionConfig::journalPath(const CliOptions &options)
{
    if (!options.statePath.isEmpty())
        return QDir::current().absoluteFilePath(options.statePath);
    // The same folder the wizard uses (same organisation and application name), so a run
    // interrupted in one front end can be resumed from the other.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).absoluteFilePath(QStringLiteral("journal.sqlite"));
}

QString ConnectionConfig::operatorName()
{
    // getpwuid rather than $USER: sudo and cron environments often leave $USER stale or unset.
    if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}
