// CliParser: every command line the CLI accepts becomes checked options; every malformed one
// becomes a one-line error before anything connects.
#include "cliparser.h"
#include "connectionconfig.h"

#include <QTest>

namespace {
const QString kTrunk = QStringLiteral("TK0123456789abcdef0123456789abcdef");
const QString kAccount = QStringLiteral("AC0123456789abcdef0123456789abcdef");

CliParseResult parse(const QStringList &args)
{
    return CliParser::parse(QStringList{QStringLiteral("trunk-migrator-cli")} + args);
}
} // namespace

class TestCliParser : public QObject
{
    Q_OBJECT
private slots:
    void rejects_data();
    void rejects();
    void migrateSelection();
    void settleIsReadForReverts();
    void optionsBeforeCommand();
    void setupOutboundEdgeMeaning();
    void revertPositionals();
    void callOptions();
    void secureDefaultsToTheTrunk();
    void help();
    void credentialsFromEnvironment_data();
    void credentialsFromEnvironment();
};

void TestCliParser::rejects_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment"); // part of the expected message
    const QString t = kTrunk;
    QTest::newRow("no command") << QStringList{} << "No command";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "Unknown command";
    QTest::newRow("bad trunk sid") << QStringList{"numbers", "--trunk", "TK123"} << "TK";
    QTest::newRow("trunk with wrong prefix")
        << QStringList{"numbers", "--trunk", "PN0123456789abcdef0123456789abcdef"} << "TK";
    QTest::newRow("missing trunk") << QStringList{"numbers"} << "--trunk";
    QTest::newRow("bad number") << QStringList{"plan", "--trunk", t, "--numbers", "0412345678"}
                                << "E.164";
    QTest::newRow("one bad number in list")
        << QStringList{"plan", "--trunk", t, "--numbers", "+61255501234,+6125550x"} << "+6125550x";
    QTest::newRow("no selection") << QStringList{"migrate", "--trunk", t} << "--all";
    QTest::newRow("both selections")
        << QStringList{"migrate", "--trunk", t, "--all", "--numbers", "+61255501234"} << "not both";
    QTest::newRow("http voice url to internet")
        << QStringList{"plan", "--trunk", t, "--all", "--voice-url", "http://example.com/v"}
        << "https";
    QTest::newRow("http base url to internet")
        << QStringList{"trunks", "--base-url", "http://example.com:8080"} << "https";
    QTest::newRow("base url with password")
        << QStringList{"trunks", "--base-url", "http://AC1:hunter2@127.0.0.1:1"} << "password";
    QTest::newRow("sandbox and base url")
        << QStringList{"trunks", "--sandbox", "--base-url", "http://127.0.0.1:1"} << "exclude";
    QTest::newRow("option of another command")
        << QStringList{"trunks", "--numbers", "+61255501234"} << "Unknown option";
    QTest::newRow("unexpected argument") << QStringList{"trunks", "extra"} << "extra";
    QTest::newRow("concurrency zero")
        << QStringList{"migrate", "--trunk", t, "--all", "--concurrency", "0"} << "--concurrency";
    QTest::newRow("settle too long") << QStringList{"rollback", "--settle", "3601"} << "--settle";
    QTest::newRow("settle not a number")
        << QStringList{"revert", "--settle", "soon", "+61255501234"} << "--settle";
    QTest::newRow("settle on migrate")
        << QStringList{"migrate", "--trunk", t, "--all", "--settle", "5"} << "Unknown option";
    QTest::newRow("bad region") << QStringList{"trunks", "--region", "Australia"} << "region";
    QTest::newRow("bad domain prefix")
        << QStringList{"setup-inbound", "--trunk", t, "--domain", "-bad-"} << "prefix";
    QTest::newRow("bad sip param")
        << QStringList{"setup-outbound", "--trunk", t, "--sip-param", "novalue"} << "key=value";
    QTest::newRow("calls without target") << QStringList{"calls"} << "NUMBER_OR_DOMAIN";
    QTest::newRow("calls bad target") << QStringList{"calls", "nonsense"} << "neither";
    QTest::newRow("revert nothing") << QStringList{"revert"} << "E164";
    QTest::newRow("audit without csv") << QStringList{"audit"} << "--csv";
    QTest::newRow("secure both ways")
        << QStringList{"setup-outbound", "--trunk", t, "--secure", "--no-secure"} << "not both";
    QTest::newRow("secure media both ways")
        << QStringList{"setup-inbound",  "--trunk",          t, "--domain", "acme",
                       "--secure-media", "--no-secure-media"}
        << "not both";
    QTest::newRow("ring timeout too long")
        << QStringList{"equivalence", "--trunk", t, "--ring-timeout", "601"} << "--ring-timeout";
    QTest::newRow("time limit too short")
        << QStringList{"setup-outbound", "--trunk", t, "--time-limit", "10"} << "--time-limit";
    QTest::newRow("fallback url not https")
        << QStringList{"equivalence", "--trunk", t, "--fallback-url", "http://example.com/f"}
        << "https";
    QTest::newRow("bad emergency caller")
        << QStringList{"setup-inbound",      "--trunk", t, "--domain", "acme",
                       "--emergency-caller", "PN12"}
        << "--emergency-caller";
    QTest::newRow("bad default caller id")
        << QStringList{"setup-inbound",       "--trunk",   t, "--domain", "acme",
                       "--default-caller-id", "0255501234"}
        << "E.164";
    QTest::newRow("equivalence without trunk") << QStringList{"equivalence"} << "--trunk";
    QTest::newRow("accept-change on revert")
        << QStringList{"revert", "--accept-change", "x", "+61255501234"} << "accept-change";
}

void TestCliParser::rejects()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);
    const CliParseResult result = parse(args);
    QCOMPARE(result.kind, CliParseResult::Kind::Error);
    QVERIFY2(result.text.contains(fragment), qPrintable(result.text));
    QVERIFY2(!result.text.contains(QLatin1Char('\n')), "errors are one line");
    QVERIFY(!result.text.contains(QLatin1String("hunter2")));
}

void TestCliParser::migrateSelection()
{
    const CliParseResult result =
        parse({"migrate", "--trunk", kTrunk, "--numbers", "+61255501234, +61255501235", "--numbers",
               "+61255501234", "--concurrency", "8", "--yes", "--voice-url",
               "https://h.example.com/outboundHandler"});
    QCOMPARE(result.kind, CliParseResult::Kind::Run);
    const CliOptions &o = result.options;
    QCOMPARE(o.command, QStringLiteral("migrate"));
    QCOMPARE(o.trunkSid, kTrunk);
    QCOMPARE(o.phoneNumbers, (QStringList{"+61255501234", "+61255501235"}));
    QCOMPARE(o.concurrency, 8);
    QCOMPARE(o.settleSeconds, -1); // the engine's default unless given
    QVERIFY(o.yes);
    QVERIFY(!o.allNumbers);
    QCOMPARE(o.voiceUrl, QUrl(QStringLiteral("https://h.example.com/outboundHandler")));
}

void TestCliParser::settleIsReadForReverts()
{
    QCOMPARE(parse({"rollback", "--settle", "0"}).options.settleSeconds, 0);
    QCOMPARE(parse({"resume", "--settle", "30"}).options.settleSeconds, 30);
    QCOMPARE(parse({"revert", "--settle", "3600", "+61255501234"}).options.settleSeconds, 3600);
}

void TestCliParser::optionsBeforeCommand()
{
    // A command option before the command word must not be mistaken for the command.
    const CliParseResult result = parse({"--base-url", "http://127.0.0.1:4000", "--trunk", kTrunk,
                                         "--json", "numbers", "--api-edge", "sydney"});
    QCOMPARE(result.kind, CliParseResult::Kind::Run);
    QCOMPARE(result.options.command, QStringLiteral("numbers"));
    QCOMPARE(result.options.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:4000")));
    QCOMPARE(result.options.apiEdge, QStringLiteral("sydney"));
    QVERIFY(result.options.json);
}

void TestCliParser::setupOutboundEdgeMeaning()
{
    const CliParseResult outbound =
        parse({"setup-outbound", "--trunk", kTrunk, "--edge", "sydney", "--api-edge", "dublin",
               "--sip-param", "x-team=a b", "--uui", "--test-number", "+61255501234"});
    QCOMPARE(outbound.kind, CliParseResult::Kind::Run);
    QCOMPARE(outbound.options.sipEdge, QStringLiteral("sydney"));
    QCOMPARE(outbound.options.apiEdge, QStringLiteral("dublin"));
    QCOMPARE(outbound.options.sipParameters.size(), 1);
    QCOMPARE(outbound.options.sipParameters.first().second, QStringLiteral("a b"));
    QVERIFY(outbound.options.userToUser);

    const CliParseResult trunks = parse({"trunks", "--edge", "sydney"});
    QCOMPARE(trunks.kind, CliParseResult::Kind::Run);
    QCOMPARE(trunks.options.apiEdge, QStringLiteral("sydney"));
}

void TestCliParser::callOptions()
{
    const CliParseResult result = parse({"setup-outbound",
                                         "--trunk",
                                         kTrunk,
                                         "--fallback-url",
                                         "https://fallback.example.net/voice",
                                         "--no-dr-fallback",
                                         "--keep-status-callback",
                                         "--ring-timeout",
                                         "45",
                                         "--time-limit",
                                         "3600",
                                         "--country",
                                         "au",
                                         "--emergency-caller",
                                         "PN0123456789abcdef0123456789abcdef",
                                         "--default-caller-id",
                                         "+61255501000",
                                         "--drop",
                                         "recording,transfers",
                                         "--drop",
                                         "caller-name"});
    QCOMPARE(result.kind, CliParseResult::Kind::Run);
    const CallChoices &c = result.options.calls;
    QCOMPARE(c.fallbackUrl, QStringLiteral("https://fallback.example.net/voice"));
    QVERIFY(!c.fallbackToDisasterRecovery);
    QCOMPARE(c.staleFallback, CallChoices::StaleUrl::Replace);
    QCOMPARE(c.staleStatusCallback, CallChoices::StaleUrl::Keep);
    QCOMPARE(c.ringTimeoutSeconds, 45);
    QCOMPARE(c.timeLimitSeconds, 3600);
    QCOMPARE(c.country, QStringLiteral("AU"));
    QCOMPARE(c.emergencyCallerSid, QStringLiteral("PN0123456789abcdef0123456789abcdef"));
    QCOMPARE(c.defaultCallerId, QStringLiteral("+61255501000"));
    QCOMPARE(c.dropped, (QStringList{"recording", "transfers", "caller-name"}));

    const CliParseResult migrate = parse({"migrate", "--trunk", kTrunk, "--all", "--accept-change",
                                          "fax-numbers,failover", "--accept-change", "secure"});
    QCOMPARE(migrate.kind, CliParseResult::Kind::Run);
    QCOMPARE(migrate.options.acceptedChanges, (QStringList{"fax-numbers", "failover", "secure"}));
}

void TestCliParser::secureDefaultsToTheTrunk()
{
    // Unset means the trunk's own, as the wizard does; only a flag overrides it.
    QVERIFY(!parse({"setup-outbound", "--trunk", kTrunk}).options.secure.has_value());
    QCOMPARE(parse({"setup-outbound", "--trunk", kTrunk, "--no-secure"}).options.secure,
             std::optional<bool>(false));
    QCOMPARE(parse({"setup-outbound", "--trunk", kTrunk, "--secure"}).options.secure,
             std::optional<bool>(true));
    QVERIFY(!parse({"setup-inbound", "--trunk", kTrunk, "--domain", "acme"})
                 .options.secureMedia.has_value());
    QCOMPARE(parse({"setup-inbound", "--trunk", kTrunk, "--domain", "acme", "--no-secure-media"})
                 .options.secureMedia,
             std::optional<bool>(false));
}

void TestCliParser::revertPositionals()
{
    const CliParseResult result = parse({"revert", "+61255501234", "+61255501235"});
    QCOMPARE(result.kind, CliParseResult::Kind::Run);
    QCOMPARE(result.options.phoneNumbers.size(), 2);
    QVERIFY(result.options.trunkSid.isEmpty());
}

void TestCliParser::help()
{
    const CliParseResult overview = parse({"--help"});
    QCOMPARE(overview.kind, CliParseResult::Kind::Help);
    for (const char *command : {"trunks", "migrate", "resume", "rollback", "delete-trunk"})
        QVERIFY(overview.text.contains(QLatin1String(command)));
    QVERIFY(overview.text.contains(QLatin1String("TWILIO_AUTH_TOKEN")));

    const CliParseResult migrate = parse({"migrate", "--help"});
    QCOMPARE(migrate.kind, CliParseResult::Kind::Help);
    QVERIFY(migrate.text.contains(QLatin1String("--concurrency")));
    QVERIFY(!migrate.text.contains(QLatin1String("--csv")));
}

void TestCliParser::credentialsFromEnvironment_data()
{
    QTest::addColumn<QStringList>("env"); // KEY=VALUE
    QTest::addColumn<QString>("error");   // fragment, empty = accepted
    QTest::addColumn<QString>("apiKey");
    QTest::newRow("token") << QStringList{"TWILIO_ACCOUNT_SID=" + kAccount,
                                          "TWILIO_AUTH_TOKEN=s3cret"}
                           << QString() << QString();
    const QString key = QStringLiteral("SK0123456789abcdef0123456789abcdef");
    QTest::newRow("api key") << QStringList{"TWILIO_ACCOUNT_SID=" + kAccount,
                                            "TWILIO_API_KEY=" + key, "TWILIO_API_SECRET=s3cret",
                                            "TWILIO_AUTH_TOKEN=other"}
                             << QString() << key;
    QTest::newRow("nothing") << QStringList{} << "TWILIO_ACCOUNT_SID" << QString();
    QTest::newRow("bad account") << QStringList{"TWILIO_ACCOUNT_SID=AC12",
                                                "TWILIO_AUTH_TOKEN=s3cret"}
                                 << "AC" << QString();
    QTest::newRow("key without secret")
        << QStringList{"TWILIO_ACCOUNT_SID=" + kAccount, "TWILIO_API_KEY=" + key} << "SECRET"
        << QString();
    QTest::newRow("bad env region")
        << QStringList{"TWILIO_REGION=mars", "TWILIO_ACCOUNT_SID=" + kAccount,
                       "TWILIO_AUTH_TOKEN=s3cret"}
        << "TWILIO_REGION" << QString();
}

void TestCliParser::credentialsFromEnvironment()
{
    QFETCH(QStringList, env);
    QFETCH(QString, error);
    QFETCH(QString, apiKey);
    QProcessEnvironment environment;
    for (const QString &pair : env)
        environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    const CliParseResult parsed = parse({"trunks", "--base-url", "http://127.0.0.1:9"});
    QCOMPARE(parsed.kind, CliParseResult::Kind::Run);
    ConnectionSettings settings;
    const QString problem = ConnectionConfig::build(parsed.options, environment, &settings);
    QVERIFY(!problem.contains(QLatin1String("s3cret")));
    if (!error.isEmpty()) {
        QVERIFY2(problem.contains(error), qPrintable(problem));
        return;
    }
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!settings.sandbox);
    QCOMPARE(settings.accountSid, kAccount);
    QCOMPARE(settings.apiKeySid, apiKey);
    QCOMPARE(settings.secret, QStringLiteral("s3cret"));
    QCOMPARE(settings.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
}

QTEST_GUILESS_MAIN(TestCliParser)
#include "tst_cliparser.moc"
