#include "clicommandcatalog.h"

#include <QSet>

namespace {

QCommandLineOption valueOption(const QStringList &names, const QString &help,
                               const QString &valueName)
{
    return QCommandLineOption(names, help, valueName);
}

QCommandLineOption flag(const QStringList &names, const QString &help)
{
    return QCommandLineOption(names, help);
}

QCommandLineOption trunkOption()
{
    return valueOption({QStringLiteral("trunk")},
                       CliCommandCatalog::tr("The Elastic SIP Trunk (TK...)."),
                       QStringLiteral("TK"));
}

QList<QCommandLineOption> selectionOptions()
{
    return {trunkOption(),
            valueOption({QStringLiteral("numbers")},
                        CliCommandCatalog::tr("Comma-separated E.164 numbers on the trunk "
                                              "(repeatable)."),
                        QStringLiteral("E164,...")),
            flag({QStringLiteral("all")}, CliCommandCatalog::tr("Every number on the trunk.")),
            valueOption({QStringLiteral("voice-url")},
                        CliCommandCatalog::tr("Voice URL to set (default: the outbound handler "
                                              "deployed by setup-outbound)."),
                        QStringLiteral("URL"))};
}

QCommandLineOption acceptOption()
{
    return valueOption({QStringLiteral("accept-change")},
                       CliCommandCatalog::tr("Acknowledge a change the equivalence report lists "
                                             "as lost (repeatable or comma-separated: "
                                             "fax-numbers, failover, ...)."),
                       QStringLiteral("SETTING"));
}

QCommandLineOption yesOption()
{
    return flag({QStringLiteral("y"), QStringLiteral("yes")},
                CliCommandCatalog::tr("Do not ask for confirmation."));
}

QCommandLineOption settleOption()
{
    return valueOption({QStringLiteral("settle")},
                       CliCommandCatalog::tr("Seconds a number waits before it is reverted when "
                                             "its removal from the trunk failed (a request lost "
                                             "on the way could still land; default 120, 0 to "
                                             "3600)."),
                       QStringLiteral("SECONDS"));
}

// How the trunk's call settings are carried (issue 8); the same on steps 1 and 2 and on the
// `equivalence` report, so what the report says is what the steps do.
QList<QCommandLineOption> callOptions()
{
    using T = CliCommandCatalog;
    return {
        valueOption({QStringLiteral("fallback-url")},
                    T::tr("VoiceFallbackUrl for the SIP domain and the migrated numbers (default: "
                          "the trunk's disaster-recovery URL)."),
                    QStringLiteral("URL")),
        flag({QStringLiteral("no-dr-fallback")},
             T::tr("Do not use the trunk's disaster-recovery URL as the fallback URL.")),
        flag({QStringLiteral("keep-number-fallback")},
             T::tr("Keep a number's own voice fallback URL (the trunk ignored it).")),
        flag({QStringLiteral("keep-status-callback")},
             T::tr("Keep a number's own status callback (the trunk ignored it).")),
        valueOption({QStringLiteral("ring-timeout")},
                    T::tr("Seconds a call rings before it gives up (5-600, default 600)."),
                    QStringLiteral("S")),
        valueOption({QStringLiteral("time-limit")},
                    T::tr("Longest call in seconds (60-86400, default 86400)."),
                    QStringLiteral("S")),
        valueOption({QStringLiteral("country")},
                    T::tr("Country whose national numbers the PBX dials, e.g. AU (default: the "
                          "trunk numbers' country)."),
                    QStringLiteral("CC")),
        valueOption({QStringLiteral("emergency-caller")},
                    T::tr("Number SID used as caller for emergency calls without a usable "
                          "caller ID."),
                    QStringLiteral("PN")),
        valueOption({QStringLiteral("default-caller-id")},
                    T::tr("Caller ID for calls from extensions without a number (default: "
                          "such calls are refused)."),
                    QStringLiteral("E164")),
        valueOption({QStringLiteral("drop")},
                    T::tr("Do not carry a trunk setting: recording, transfers, "
                          "disaster-recovery, emergency, caller-name (repeatable; needs "
                          "--accept-change)."),
                    QStringLiteral("SETTING")),
        // Steps 1 and 2 apply the choices (step 2 moves its test number): what they lose is
        // acknowledged there as on migrate.
        acceptOption(),
    };
}

QList<CliCommandSpec> buildCommands()
{
    QList<CliCommandSpec> list;
    list.append({QStringLiteral("trunks"),
                 CliCommandCatalog::tr("List the account's SIP trunks."),
                 {},
                 {},
                 false,
                 {}});
    list.append({QStringLiteral("numbers"),
                 CliCommandCatalog::tr("List the phone numbers on a trunk."),
                 {},
                 {},
                 false,
                 {trunkOption()}});
    list.append(
        {QStringLiteral("setup-inbound"),
         CliCommandCatalog::tr(
             "Step 1: deploy /inboundHandler and create the SIP domain (PBX to PSTN)."),
         {},
         {},
         false,
         QList<QCommandLineOption>{
             trunkOption(),
             valueOption({QStringLiteral("domain")},
                         CliCommandCatalog::tr("Domain prefix: NAME gives NAME.sip.twilio.com."),
                         QStringLiteral("PREFIX")),
             valueOption({QStringLiteral("friendly-name")},
                         CliCommandCatalog::tr("Friendly name of the domain."),
                         QStringLiteral("NAME")),
             flag({QStringLiteral("secure-media")},
                  CliCommandCatalog::tr("Require TLS and SRTP on the domain (default: as the "
                                        "trunk).")),
             flag({QStringLiteral("no-secure-media")},
                  CliCommandCatalog::tr("Plain SIP and RTP even if the trunk is secure."))} +
             callOptions()});
    list.append(
        {QStringLiteral("setup-outbound"),
         CliCommandCatalog::tr(
             "Step 2: deploy /outboundHandler and point one test number at it (PSTN to PBX)."),
         {},
         {},
         false,
         QList<QCommandLineOption>{
             trunkOption(),
             valueOption(
                 {QStringLiteral("pbx-domain")},
                 CliCommandCatalog::tr("PBX host (default: the trunk's best origination URL)."),
                 QStringLiteral("HOST")),
             flag(
                 {QStringLiteral("secure")},
                 CliCommandCatalog::tr("Add ;secure=true to the SIP URI (default: as the trunk).")),
             flag({QStringLiteral("no-secure")},
                  CliCommandCatalog::tr("No ;secure=true even if the trunk is secure.")),
             valueOption({QStringLiteral("edge"), QStringLiteral("sip-edge")},
                         CliCommandCatalog::tr(
                             "Add ;edge=E to the SIP URI (use --api-edge for the REST edge)."),
                         QStringLiteral("E")),
             flag({QStringLiteral("uui")},
                  CliCommandCatalog::tr("Pass the Call SID as User-to-User.")),
             valueOption({QStringLiteral("sip-param")},
                         CliCommandCatalog::tr("Extra SIP URI parameter (repeatable)."),
                         QStringLiteral("k=v")),
             valueOption({QStringLiteral("test-number")},
                         CliCommandCatalog::tr("The number to point at the handler now."),
                         QStringLiteral("E164")),
             valueOption({QStringLiteral("handler-url")},
                         CliCommandCatalog::tr(
                             "A self-hosted outboundHandler, where Functions are unavailable."),
                         QStringLiteral("URL"))} +
             callOptions()});
    list.append(
        {QStringLiteral("equivalence"),
         CliCommandCatalog::tr("Report how each trunk setting is carried to Programmable Voice, "
                               "and what must be acknowledged before migrate."),
         {},
         {},
         false,
         QList<QCommandLineOption>{
             trunkOption(),
             flag({QStringLiteral("secure")}, CliCommandCatalog::tr("Secure (TLS + SRTP).")),
             flag({QStringLiteral("no-secure")}, CliCommandCatalog::tr("Not secure.")),
             valueOption({QStringLiteral("pbx-domain")},
                         CliCommandCatalog::tr("Dial this one PBX host instead of the trunk's "
                                               "origination URLs."),
                         QStringLiteral("HOST"))} +
             callOptions()});
    list.append({QStringLiteral("calls"),
                 CliCommandCatalog::tr("Latest calls to/from a number or on a SIP domain."),
                 QStringLiteral("NUMBER_OR_DOMAIN"),
                 CliCommandCatalog::tr("An E.164 number or a SIP domain name."),
                 true,
                 {}});
    list.append({QStringLiteral("cutover-sheet"),
                 CliCommandCatalog::tr("Step 3: what the PBX administrator must configure."),
                 {},
                 {},
                 false,
                 {}});
    list.append({QStringLiteral("plan"),
                 CliCommandCatalog::tr(
                     "Step 4 dry run: list every change migrate would make; changes nothing."),
                 {},
                 {},
                 false,
                 selectionOptions() << acceptOption()});
    list.append({QStringLiteral("verify"),
                 CliCommandCatalog::tr(
                     "Compare each number's route on the trunk with its route through the "
                     "deployed handlers, point by point; exit 6 on any difference. Default: "
                     "every number moved off the trunk."),
                 {},
                 {},
                 false,
                 {trunkOption(),
                  valueOption({QStringLiteral("numbers")},
                              CliCommandCatalog::tr("Comma-separated E.164 numbers of the trunk, "
                                                    "moved or not (repeatable)."),
                              QStringLiteral("E164,...")),
                  flag({QStringLiteral("all")},
                       CliCommandCatalog::tr("Every number of the trunk, moved or not."))}});
    QList<QCommandLineOption> migrateOptions = selectionOptions();
    migrateOptions.append(
        valueOption({QStringLiteral("concurrency")},
                    CliCommandCatalog::tr("Numbers migrated at once (default: the engine's)."),
                    QStringLiteral("N")));
    migrateOptions.append(yesOption());
    migrateOptions.append(acceptOption());
    list.append(
        {QStringLiteral("migrate"),
         CliCommandCatalog::tr("Step 4: set each number's voice URL, then take it off the trunk."),
         {},
         {},
         false,
         migrateOptions});
    list.append(
        {QStringLiteral("revert"),
         CliCommandCatalog::tr("Put migrated numbers back on the trunk with their old settings."),
         QStringLiteral("E164..."),
         CliCommandCatalog::tr("The numbers to revert."),
         true,
         {trunkOption(), settleOption()}});
    list.append(
        {QStringLiteral("status"),
         CliCommandCatalog::tr("Report an interrupted run recorded in the journal (exit code 5)."),
         {},
         {},
         false,
         {}});
    list.append(
        {QStringLiteral("resume"),
         CliCommandCatalog::tr("Finish an interrupted run."),
         {},
         {},
         false,
         {valueOption({QStringLiteral("concurrency")},
                      CliCommandCatalog::tr("Numbers handled at once."), QStringLiteral("N")),
          settleOption()}});
    list.append(
        {QStringLiteral("rollback"),
         CliCommandCatalog::tr("Undo an interrupted run: put its numbers back on the trunk."),
         {},
         {},
         false,
         {yesOption(), settleOption()}});
    list.append(
        {QStringLiteral("audit"),
         CliCommandCatalog::tr("Export the audit log as RFC 4180 CSV."),
         {},
         {},
         false,
         {valueOption({QStringLiteral("csv")}, CliCommandCatalog::tr("The CSV file to write."),
                      QStringLiteral("FILE"))}});
    list.append({QStringLiteral("delete-trunk"),
                 CliCommandCatalog::tr("Delete a trunk that holds no numbers any more."),
                 {},
                 {},
                 false,
                 {trunkOption(), yesOption()}});
    list.append({QStringLiteral("reset-sandbox"),
                 CliCommandCatalog::tr("Delete the kept sandbox account (--keep-sandbox, the "
                                       "wizard's \"Keep this sandbox\") and its journal."),
                 {},
                 {},
                 false,
                 {}});
    return list;
}

} // namespace

const QList<CliCommandSpec> &CliCommandCatalog::commands()
{
    static const QList<CliCommandSpec> list = buildCommands();
    return list;
}

const CliCommandSpec *CliCommandCatalog::find(const QString &name)
{
    for (const CliCommandSpec &spec : commands()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QList<QCommandLineOption> CliCommandCatalog::globalOptions()
{
    return {
        flag({QStringLiteral("h"), QStringLiteral("help")}, tr("Show help (per command too).")),
        flag({QStringLiteral("sandbox")},
             tr("Use a built-in sandbox account that lives only as long as this process.")),
        flag({QStringLiteral("keep-sandbox")},
             tr("Use the built-in sandbox account kept between runs (with the wizard's), so "
                "one command can continue what another left; reset it with reset-sandbox.")),
        valueOption({QStringLiteral("base-url")},
                    tr("A standalone twilio-sandbox (http only to this computer)."),
                    QStringLiteral("URL")),
        valueOption({QStringLiteral("region")}, tr("Twilio region, e.g. au1 (or TWILIO_REGION)."),
                    QStringLiteral("R")),
        valueOption({QStringLiteral("api-edge")},
                    tr("Twilio edge, e.g. sydney (or TWILIO_EDGE); --edge works too, except "
                       "with setup-outbound."),
                    QStringLiteral("E")),
        valueOption({QStringLiteral("state")},
                    tr("The journal file (default: journal.sqlite in the user's data folder)."),
                    QStringLiteral("FILE")),
        flag({QStringLiteral("json")}, tr("Print results as JSON.")),
        flag({QStringLiteral("v"), QStringLiteral("verbose")},
             tr("Log what the engine does on stderr (SIDs only, never secrets).")),
        valueOption({QStringLiteral("progress-interval")},
                    tr("Milliseconds between progress lines on stderr (default 250)."),
                    QStringLiteral("MS")),
    };
}

QList<QCommandLineOption> CliCommandCatalog::allOptions()
{
    QList<QCommandLineOption> all = globalOptions();
    // The global --edge: listed once here; setup-outbound gives the same name another meaning.
    all.append(
        QCommandLineOption({QStringLiteral("edge")}, tr("Twilio edge."), QStringLiteral("E")));
    QSet<QString> seen;
    for (const QCommandLineOption &option : std::as_const(all))
        seen.insert(option.names().constFirst());
    for (const CliCommandSpec &spec : commands()) {
        for (const QCommandLineOption &option : spec.options) {
            bool known = false;
            for (const QString &name : option.names())
                known = known || seen.contains(name);
            if (known)
                continue;
            for (const QString &name : option.names())
                seen.insert(name);
            all.append(option);
        }
    }
    return all;
}

QString CliCommandCatalog::overview()
{
    QString text = tr("Usage: trunk-migrator-cli [global options] COMMAND [options]\n\n"
                      "Moves a Twilio account from Elastic SIP Trunking to Programmable Voice.\n\n"
                      "Commands:\n");
    for (const CliCommandSpec &spec : commands())
        text += QStringLiteral("  %1%2\n").arg(spec.name, -16).arg(spec.summary);
    text += tr("\nGlobal options:\n");
    for (const QCommandLineOption &option : globalOptions()) {
        QString names;
        for (const QString &name : option.names())
            names += (names.isEmpty() ? QString() : QStringLiteral(", ")) +
                     (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
        if (!option.valueName().isEmpty())
            names += QLatin1Char(' ') + option.valueName();
        text += QStringLiteral("  %1%2\n").arg(names, -26).arg(option.description());
    }
    text += tr("\nCredentials come from the environment, never from the command line:\n"
               "  TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or\n"
               "  TWILIO_ACCOUNT_SID with TWILIO_API_KEY and TWILIO_API_SECRET.\n"
               "\nExit codes: 0 ok, 1 some numbers failed, 2 bad usage or input (nothing "
               "changed),\n3 credentials or connection, 4 API error, 5 interrupted run needs "
               "resume or rollback,\n130 cancelled (SIGINT/SIGTERM).\n"
               "\nRun `trunk-migrator-cli COMMAND --help` for a command's options.\n");
    return text;
}
