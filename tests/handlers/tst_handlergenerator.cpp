// HandlerGenerator without Node.js: option checks, template filling and the file export.
#include "../common/filesizelimit.h"
#include "handlergenerator.h"
#include "validation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestHandlerGenerator : public QObject
{
    Q_OBJECT

private slots:
    void badOptions_data();
    void badOptions();
    void goodOptions();
    void sourcesFilled();
    void pbxDomain_data();
    void pbxDomain();
    void exportWritesFiles();
    void exportRefusesBadInput();
    void exportReportsUnwritableFolder();
    void exportReportsFullDisk();
};

void TestHandlerGenerator::badOptions_data()
{
    QTest::addColumn<QString>("edge");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown edge") << "mars"
                                  << ""
                                  << ""
                                  << "not a Twilio edge";
    QTest::newRow("edge case") << "Sydney"
                               << ""
                               << ""
                               << "not a Twilio edge";
    QTest::newRow("edge injection") << "sydney;x=1"
                                    << ""
                                    << ""
                                    << "not a Twilio edge";
    QTest::newRow("space in name") << ""
                                   << "a b"
                                   << "1"
                                   << "not a valid SIP parameter name";
    QTest::newRow("equals in name") << ""
                                    << "a=b"
                                    << "1"
                                    << "not a valid SIP parameter name";
    QTest::newRow("semicolon in name") << ""
                                       << "a;b"
                                       << "1"
                                       << "not a valid SIP parameter name";
    QTest::newRow("percent in name") << ""
                                     << "a%20"
                                     << "1"
                                     << "not a valid SIP parameter name";
    QTest::newRow("quote in name") << ""
                                   << "a\""
                                   << "1"
                                   << "not a valid SIP parameter name";
    QTest::newRow("non-ascii name") << ""
                                    << "é"
                                    << "1"
                                    << "not a valid SIP parameter name";
    QTest::newRow("empty name") << ""
                                << ""
                                << "1"
                                << "not a valid SIP parameter name";
    QTest::newRow("long name") << "" << QString(49, u'a') << "1"
                               << "not a valid SIP parameter name";
    QTest::newRow("long value") << ""
                                << "x" << QString(49, u'v') << "longer than 48";
    QTest::newRow("secure as param") << ""
                                     << "Secure"
                                     << "true"
                                     << "its own option";
    QTest::newRow("edge as param") << ""
                                   << "edge"
                                   << "sydney"
                                   << "its own option";
}

void TestHandlerGenerator::badOptions()
{
    QFETCH(QString, edge);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, message);
    OutboundHandlerOptions options;
    options.edge = edge;
    if (!name.isEmpty() || !value.isEmpty())
        options.sipParameters = {{name, value}};
    QVERIFY(options.check().contains(message));
    HandlerGenerator generator(options);
    QVERIFY(generator.outboundSource().isEmpty());
    QVERIFY2(generator.errorString().contains(message), qPrintable(generator.errorString()));
    // The inbound handler has no options and stays available.
    QVERIFY(!generator.inboundSource().isEmpty());
}

void TestHandlerGenerator::goodOptions()
{
    OutboundHandlerOptions options;
    for (const QString &edge : OutboundHandlerOptions::allowedEdges()) {
        options.edge = edge;
        QVERIFY2(options.check().isEmpty(), qPrintable(edge));
    }
    options.sipParameters = {{QStringLiteral("x-a.b!c*d_e+f'g~"), QStringLiteral("any;thing")},
                             {QStringLiteral("transport"), QStringLiteral("tls")}};
    QVERIFY(options.check().isEmpty());
    options.sipParameters.append({QStringLiteral("TRANSPORT"), QStringLiteral("udp")});
    QVERIFY(options.check().contains(QLatin1String("given twice")));
    options.sipParameters.clear();
    for (int i = 0; i <= OutboundHandlerOptions::MaxParameters; ++i)
        options.sipParameters.append({QStringLiteral("p%1").arg(i), QString()});
    QVERIFY(options.check().contains(QLatin1String("At most")));
}

void TestHandlerGenerator::sourcesFilled()
{
    OutboundHandlerOptions options;
    options.secure = true;
    options.edge = QStringLiteral("tokyo");
    options.sipParameters = {{QStringLiteral("x-q"), QStringLiteral("a\"b\\c")}};
    HandlerGenerator generator(options);
    const QByteArray outbound = generator.outboundSource();
    QVERIFY2(!outbound.isEmpty(), qPrintable(generator.errorString()));
    // Every marker replaced; the options appear as JSON, the value's quote escaped.
    QVERIFY(!outbound.contains("__TM_OPTIONS__"));
    QVERIFY(!outbound.contains("@@TM_COMMON@@"));
    QVERIFY(outbound.contains(
        R"(const OPTIONS = {"edge":"tokyo","parameters":[["x-q","a\"b\\c"]],"secure":true,)"
        R"("userToUser":true};)"));
    QVERIFY(outbound.contains("context || {}).PBX_DOMAIN"));
    QVERIFY(!outbound.contains("SIP_DOMAIN"));
    QVERIFY(outbound.contains("const BEHAVIOUR = {\"country\":\"\","));
    QVERIFY(!outbound.contains("__TM_BEHAVIOUR__"));
    const QByteArray inbound = generator.inboundSource();
    QVERIFY(inbound.contains("function e164From"));
    QVERIFY(inbound.contains("exports.handler"));
    QVERIFY(!inbound.contains("@@TM_COMMON@@"));
    QVERIFY(!inbound.contains("__TM_BEHAVIOUR__"));
    QVERIFY(inbound.contains("const BEHAVIOUR = {"));
    const QByteArray refer = generator.referSource();
    QVERIFY(refer.contains("exports.handler"));
    QVERIFY(!refer.contains("__TM_BEHAVIOUR__"));
    // The portable subset (docs/HANDLERS.md): nothing Node-only or newer than QJSEngine knows.
    for (const QByteArray &source : {inbound, outbound, refer}) {
        for (const char *banned : {"Buffer.", "require(", "(?<", ".groups", ".padStart("})
            QVERIFY2(!source.contains(banned), banned);
    }
}

void TestHandlerGenerator::pbxDomain_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("host") << "pbx.example.net" << true;
    QTest::newRow("single label") << "pbx" << true;
    QTest::newRow("ip") << "203.0.113.5" << true;
    QTest::newRow("port") << "pbx.example.net:5061" << true;
    QTest::newRow("max port") << "pbx.example.net:65535" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("port 0") << "pbx.example.net:0" << false;
    QTest::newRow("port too big") << "pbx.example.net:65536" << false;
    QTest::newRow("port leading zero") << "pbx.example.net:05060" << false;
    QTest::newRow("port sign") << "pbx.example.net:+5060" << false;
    QTest::newRow("empty port") << "pbx.example.net:" << false;
    QTest::newRow("scheme") << "sip:pbx.example.net" << false;
    QTest::newRow("params") << "pbx.example.net;transport=tls" << false;
    QTest::newRow("user") << "a@pbx.example.net" << false;
    QTest::newRow("space") << "pbx example.net" << false;
    QTest::newRow("leading hyphen") << "-pbx.example.net" << false;
    QTest::newRow("quote") << "pbx\".example.net" << false;
    QTest::newRow("trailing newline") << "pbx.example.net\n" << false;
    QTest::newRow("env injection") << "pbx.example.net\nNODE_OPTIONS=x" << false;
    QTest::newRow("tab") << "pbx.example.net\t" << false;
}

void TestHandlerGenerator::pbxDomain()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(Validation::checkPbxDomain(value).isEmpty(), valid);
}

void TestHandlerGenerator::exportWritesFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("handlers/out"));
    HandlerGenerator generator;
    QVERIFY2(generator.exportToDirectory(folder, QStringLiteral("pbx.example.net:5061")),
             qPrintable(generator.errorString()));
    const auto read = [&](const QString &name) {
        QFile file(folder + u'/' + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QCOMPARE(read(QStringLiteral("inboundHandler.js")), generator.inboundSource());
    QCOMPARE(read(QStringLiteral("outboundHandler.js")), generator.outboundSource());
    const QByteArray refer = read(QStringLiteral("referHandler.js"));
    QVERIFY(refer.contains("ReferTransferTarget"));
    QCOMPARE(refer, generator.referSource());
    QCOMPARE(read(QStringLiteral(".env")), QByteArray("PBX_DOMAIN=pbx.example.net:5061\n"));
    QVERIFY(read(QStringLiteral("README.md")).contains("`pbx.example.net:5061`"));
    // Private: 0600 files in 0700 folders it created (owner, group and other bits).
    constexpr int ModeBits = 0x7000 | 0x0077;
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    for (const char *name :
         {"inboundHandler.js", "outboundHandler.js", "referHandler.js", ".env", "README.md"})
        QCOMPARE(QFile::permissions(folder + u'/' + QLatin1String(name)) & ModeBits, owner);
    for (const QString &created : {dir.filePath(QStringLiteral("handlers")), folder})
        QCOMPARE(QFile::permissions(created) & ModeBits, owner | QFileDevice::ExeOwner);
    // Exported again over the same files: replaced, nothing left behind.
    QVERIFY(generator.exportToDirectory(folder));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 5);
    QVERIFY(read(QStringLiteral("README.md")).contains("(not chosen yet)"));
}

void TestHandlerGenerator::exportRefusesBadInput()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("never"));
    HandlerGenerator generator;
    QVERIFY(!generator.exportToDirectory(folder, QStringLiteral("pbx.example.net;x=1")));
    QVERIFY(generator.errorString().contains(QLatin1String("not a host name")));
    OutboundHandlerOptions options;
    options.edge = QStringLiteral("nowhere");
    HandlerGenerator badOptions(options);
    QVERIFY(!badOptions.exportToDirectory(folder, QStringLiteral("pbx.example.net")));
    QVERIFY(badOptions.errorString().contains(QLatin1String("edge")));
    QVERIFY(!QFileInfo::exists(folder)); // nothing created on bad input
}

void TestHandlerGenerator::exportReportsUnwritableFolder()
{
    // A path below a regular file cannot be created, even by root (CI runs as root, which
    // ignores permission bits).
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    HandlerGenerator generator;
    QVERIFY(!generator.exportToDirectory(blocker.fileName() + QStringLiteral("/sub")));
    QVERIFY2(generator.errorString().contains(QLatin1String("Could not create the folder")),
             qPrintable(generator.errorString()));
}

void TestHandlerGenerator::exportReportsFullDisk()
{
    QTemporaryDir dir;
    HandlerGenerator generator;
    QVERIFY(generator.exportToDirectory(dir.path(), QStringLiteral("old.example.net")));
    QFile readme(dir.filePath(QStringLiteral("README.md")));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QByteArray before = readme.readAll();
    readme.close();
    {
        const FileSizeLimit full(512); // smaller than any handler file
        QVERIFY(full.isActive());
        QVERIFY(!generator.exportToDirectory(dir.path(), QStringLiteral("new.example.net")));
    }
    QVERIFY2(generator.errorString().contains(QLatin1String("Could not write")),
             qPrintable(generator.errorString()));
    // The earlier files are whole, and no temporary file is left behind.
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QCOMPARE(readme.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 5);
}

QTEST_GUILESS_MAIN(TestHandlerGenerator)
#include "tst_handlergenerator.moc"
