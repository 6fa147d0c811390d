#include "clivaluereader.h"

#include "clivaluechecks.h"
#include "validation.h"

bool CliValueReader::commandHasOption(const CliCommandSpec &spec, const QString &name)
{
    for (const QCommandLineOption &option : spec.options) {
        if (option.names().contains(name))
            return true;
    }
    return false;
}

CliValueReader::CliValueReader(const QCommandLineParser &parser, const CliCommandSpec &spec,
                               CliOptions *options)
    : m_parser(parser)
    , m_spec(spec)
    , m_options(options)
{}

QString CliValueReader::readGlobal()
{
    CliOptions &o = *m_options;
    o.keepSandbox = m_parser.isSet(QStringLiteral("keep-sandbox"));
    o.sandbox = m_parser.isSet(QStringLiteral("sandbox")) || o.keepSandbox;
    o.json = m_parser.isSet(QStringLiteral("json"));
    o.verbose = m_parser.isSet(QStringLiteral("verbose"));
    o.statePath = m_parser.value(QStringLiteral("state"));
    if (m_parser.isSet(QStringLiteral("state")) && o.statePath.isEmpty())
        return tr("--state needs a file name.");
    if (m_parser.isSet(QStringLiteral("base-url"))) {
        if (o.sandbox)
            return tr("--sandbox (or --keep-sandbox) and --base-url exclude each other.");
        o.baseUrl = QUrl(m_parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
        if (const QString e = CliChecks::checkBaseUrl(o.baseUrl); !e.isEmpty())
            return e;
    }
    if (m_parser.isSet(QStringLiteral("region"))) {
        o.region = m_parser.value(QStringLiteral("region"));
        if (const QString e = CliChecks::checkRegion(o.region); !e.isEmpty())
            return e;
    }
    // setup-outbound owns --edge (a SIP URI parameter); elsewhere it is the REST edge.
    const bool edgeIsGlobal = !commandHasOption(m_spec, QStringLiteral("edge"));
    for (const char *name : {"api-edge", "edge"}) {
        const QString key = QString::fromLatin1(name);
        if (!m_parser.isSet(key) || (key == QLatin1String("edge") && !edgeIsGlobal))
            continue;
        o.apiEdge = m_parser.value(key);
        if (const QString e = CliChecks::checkEdge(o.apiEdge); !e.isEmpty())
            return e;
    }
    if (m_parser.isSet(QStringLiteral("progress-interval"))) {
        const QString e =
            CliChecks::parseInt(m_parser.value(QStringLiteral("progress-interval")), 0, 60000,
                                tr("--progress-interval"), &o.progressIntervalMs);
        if (!e.isEmpty())
            return e;
    }
    return {};
}

QString CliValueReader::readCommand()
{
    CliOptions &o = *m_options;
    const QString &cmd = o.command;
    o.yes = has("yes");
    if (has("trunk")) {
        o.trunkSid = value("trunk");
        if (const QString e = Validation::checkSid(o.trunkSid, "TK", tr("The trunk SID"));
            !e.isEmpty())
            return e;
    } else if (commandHasOption(m_spec, QStringLiteral("trunk")) &&
               cmd != QLatin1String("revert")) {
        return tr("%1 needs --trunk TK....").arg(cmd);
    }
    if (const QString e = readSelection(); !e.isEmpty())
        return e;
    if (has("concurrency")) {
        const QString e =
            CliChecks::parseInt(value("concurrency"), 1, 64, tr("--concurrency"), &o.concurrency);
        if (!e.isEmpty())
            return e;
    }
    if (has("settle")) {
        const QString e =
            CliChecks::parseInt(value("settle"), 0, 3600, tr("--settle"), &o.settleSeconds);
        if (!e.isEmpty())
            return e;
    }
    if (const QString e = readCalls(); !e.isEmpty())
        return e;
    if (cmd == QLatin1String("setup-inbound"))
        return readInbound();
    if (cmd == QLatin1String("setup-outbound"))
        return readOutbound();
    if (cmd == QLatin1String("equivalence")) {
        if (const QString e = readSecure("secure", "no-secure", &o.secure); !e.isEmpty())
            return e;
        if (has("pbx-domain")) {
            o.calls.pbxDomain = value("pbx-domain");
            if (const QString e = CliChecks::checkHost(o.calls.pbxDomain); !e.isEmpty())
                return e;
        }
    }
    if (cmd == QLatin1String("audit")) {
        o.csvPath = value("csv");
        if (o.csvPath.isEmpty())
            return tr("audit needs --csv FILE.");
    }
    return readPositionals();
}

bool CliValueReader::has(const char *name) const
{
    return commandHasOption(m_spec, QString::fromLatin1(name)) &&
           m_parser.isSet(QString::fromLatin1(name));
}

QString CliValueReader::value(const char *name) const
{
    return m_parser.value(QString::fromLatin1(name));
}

QString CliValueReader::readSelection()
{
    CliOptions &o = *m_options;
    if (!commandHasOption(m_spec, QStringLiteral("all")))
        return {};
    o.allNumbers = has("all");
    if (has("numbers")) {
        if (o.allNumbers)
            return tr("Give either --numbers or --all, not both.");
        const QString e =
            CliChecks::parseNumberList(m_parser.values(QStringLiteral("numbers")), &o.phoneNumbers);
        if (!e.isEmpty())
            return e;
    } else if (!o.allNumbers && o.command != QLatin1String("verify")) {
        // verify without either checks the numbers already moved
        return tr("%1 needs --numbers E164,... or --all.").arg(o.command);
    }
    if (has("voice-url"))
        return CliChecks::checkWebhook(value("voice-url"), &o.voiceUrl);
    return {};
}

QString CliValueReader::readInbound()
{
    CliOptions &o = *m_options;
    o.domainPrefix = value("domain");
    if (o.domainPrefix.isEmpty())
        return tr("setup-inbound needs --domain PREFIX.");
    o.friendlyName = value("friendly-name");
    if (const QString e = readSecure("secure-media", "no-secure-media", &o.secureMedia);
        !e.isEmpty())
        return e;
    return CliChecks::checkDomainPrefix(o.domainPrefix);
}

QString CliValueReader::readOutbound()
{
    CliOptions &o = *m_options;
    if (const QString e = readSecure("secure", "no-secure", &o.secure); !e.isEmpty())
        return e;
    o.userToUser = has("uui");
    if (has("pbx-domain")) {
        o.pbxDomain = value("pbx-domain");
        if (const QString e = CliChecks::checkHost(o.pbxDomain); !e.isEmpty())
            return e;
    }
    if (has("edge")) {
        o.sipEdge = value("edge");
        if (const QString e = CliChecks::checkEdge(o.sipEdge); !e.isEmpty())
            return e;
    }
    for (const QString &text : m_parser.values(QStringLiteral("sip-param"))) {
        QPair<QString, QString> parameter;
        if (const QString e = CliChecks::parseSipParameter(text, &parameter); !e.isEmpty())
            return e;
        o.sipParameters.append(parameter);
    }
    if (has("test-number")) {
        o.testNumber = value("test-number");
        if (const QString e = Validation::checkE164(o.testNumber); !e.isEmpty())
            return e;
    }
    if (has("handler-url"))
        return CliChecks::checkWebhook(value("handler-url"), &o.handlerUrl);
    return {};
}

QString CliValueReader::readSecure(const char *on, const char *off, std::optional<bool> *to) const
{
    if (has(on) && has(off))
        return tr("Give either --%1 or --%2, not both.").arg(QLatin1String(on), QLatin1String(off));
    if (has(on))
        *to = true;
    else if (has(off))
        *to = false; // else unset: the trunk's own, as in the wizard
    return {};
}

QString CliValueReader::readCalls()
{
    CliOptions &o = *m_options;
    const QStringList acceptances = commandHasOption(m_spec, QStringLiteral("accept-change"))
                                        ? m_parser.values(QStringLiteral("accept-change"))
                                        : QStringList();
    for (const QString &text : acceptances)
        for (const QString &setting : text.split(u',', Qt::SkipEmptyParts))
            if (!o.acceptedChanges.contains(setting.trimmed()))
                o.acceptedChanges.append(setting.trimmed());
    if (!commandHasOption(m_spec, QStringLiteral("fallback-url")))
        return {};
    CallChoices &c = o.calls;
    if (has("fallback-url")) {
        QUrl url;
        if (const QString e = CliChecks::checkWebhook(value("fallback-url"), &url); !e.isEmpty())
            return e;
        c.fallbackUrl = url.toString(QUrl::FullyEncoded);
    }
    c.fallbackToDisasterRecovery = !has("no-dr-fallback");
    if (has("keep-number-fallback"))
        c.staleFallback = CallChoices::StaleUrl::Keep;
    if (has("keep-status-callback"))
        c.staleStatusCallback = CallChoices::StaleUrl::Keep;
    if (has("ring-timeout")) {
        if (const QString e = CliChecks::parseInt(value("ring-timeout"), 5, 600,
                                                  tr("--ring-timeout"), &c.ringTimeoutSeconds);
            !e.isEmpty())
            return e;
    }
    if (has("time-limit")) {
        if (const QString e = CliChecks::parseInt(value("time-limit"), 60, 86400,
                                                  tr("--time-limit"), &c.timeLimitSeconds);
            !e.isEmpty())
            return e;
    }
    if (has("country"))
        c.country = value("country").toUpper();
    if (has("emergency-caller")) {
        c.emergencyCallerSid = value("emergency-caller");
        if (const QString e =
                Validation::checkSid(c.emergencyCallerSid, "PN", tr("--emergency-caller"));
            !e.isEmpty())
            return e;
    }
    if (has("default-caller-id")) {
        c.defaultCallerId = value("default-caller-id");
        if (const QString e = Validation::checkE164(c.defaultCallerId); !e.isEmpty())
            return e;
    }
    for (const QString &text : m_parser.values(QStringLiteral("drop")))
        for (const QString &setting : text.split(u',', Qt::SkipEmptyParts))
            c.dropped.append(setting.trimmed());
    return {};
}

QString CliValueReader::readPositionals()
{
    CliOptions &o = *m_options;
    const QStringList args = m_parser.positionalArguments().mid(1);
    if (m_spec.positionalSyntax.isEmpty()) {
        if (!args.isEmpty())
            return tr("%1 takes no arguments; unexpected \"%2\".")
                .arg(o.command, args.constFirst().left(40));
        return {};
    }
    if (args.isEmpty())
        return tr("%1 needs %2.").arg(o.command, m_spec.positionalSyntax);
    if (o.command == QLatin1String("calls")) {
        if (args.size() > 1)
            return tr("calls takes one number or domain.");
        o.callTarget = args.constFirst();
        return CliChecks::checkCallTarget(o.callTarget);
    }
    return CliChecks::parseNumberList(args, &o.phoneNumbers);
}
