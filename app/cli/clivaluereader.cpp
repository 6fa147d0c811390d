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
    o.sandbox = m_parser.isSet(QStringLiteral("sandbox"));
    o.json = m_parser.isSet(QStringLiteral("json"));
    o.verbose = m_parser.isSet(QStringLiteral("verbose"));
    o.statePath = m_parser.value(QStringLiteral("state"));
    if (m_parser.isSet(QStringLiteral("state")) && o.statePath.isEmpty())
        return tr("--state needs a file name.");
    if (m_parser.isSet(QStringLiteral("base-url"))) {
        if (o.sandbox)
            return tr("--sandbox and --base-url exclude each other.");
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
    if (cmd == QLatin1String("setup-inbound"))
        return readInbound();
    if (cmd == QLatin1String("setup-outbound"))
        return readOutbound();
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
    } else if (!o.allNumbers) {
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
    o.secureMedia = has("secure-media");
    return CliChecks::checkDomainPrefix(o.domainPrefix);
}

QString CliValueReader::readOutbound()
{
    CliOptions &o = *m_options;
    o.secure = has("secure");
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
