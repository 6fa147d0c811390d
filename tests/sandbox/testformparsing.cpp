// Unit tests of the sandbox's body parsers: form encoding and multipart/form-data.
#include "formparams.h"
#include "multipartparser.h"

#include <QTest>

class TestFormParsing : public QObject
{
    Q_OBJECT
private slots:
    void plusIsSpaceAndEncodedPlusIsPlus()
    {
        const FormParams form = FormParams::parse("FriendlyName=Main+line&To=%2B61255500001");
        QCOMPARE(form.value(QStringLiteral("FriendlyName")), QStringLiteral("Main line"));
        QCOMPARE(form.value(QStringLiteral("To")), QStringLiteral("+61255500001"));
    }

    void repeatedKeysFormAList()
    {
        const FormParams form =
            FormParams::parse("FunctionVersions=ZN1&Runtime=node18&FunctionVersions=ZN2");
        QCOMPARE(form.values(QStringLiteral("FunctionVersions")),
                 (QStringList{QStringLiteral("ZN1"), QStringLiteral("ZN2")}));
        QCOMPARE(form.keys(),
                 (QStringList{QStringLiteral("FunctionVersions"), QStringLiteral("Runtime")}));
    }

    void emptyValueIsPresent()
    {
        const FormParams form = FormParams::parse("VoiceUrl=&Other");
        QVERIFY(form.contains(QStringLiteral("VoiceUrl")));
        QVERIFY(form.value(QStringLiteral("VoiceUrl")).isEmpty());
        QVERIFY(form.contains(QStringLiteral("Other")));
        QVERIFY(!form.contains(QStringLiteral("Missing")));
    }

    void operatorKeysSurvive()
    {
        const FormParams form = FormParams::parse("StartTime%3E=2024-05-01");
        QCOMPARE(form.value(QStringLiteral("StartTime>")), QStringLiteral("2024-05-01"));
    }

    void multipartParts()
    {
        const QByteArray body = "--XyZ\r\n"
                                "Content-Disposition: form-data; name=\"Path\"\r\n\r\n"
                                "/outboundHandler\r\n"
                                "--XyZ\r\n"
                                "Content-Disposition: form-data; name=\"Content\"; "
                                "filename=\"outboundHandler.js\"\r\n"
                                "Content-Type: application/javascript\r\n\r\n"
                                "exports.handler = () => {};\r\n\r\n"
                                "--XyZ--\r\n";
        QString error;
        const auto parts =
            MultipartParser::parse("multipart/form-data; boundary=XyZ", body, &error);
        QVERIFY2(parts, qPrintable(error));
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).name, QStringLiteral("Path"));
        QCOMPARE(parts->at(0).data, QByteArray("/outboundHandler"));
        QVERIFY(parts->at(0).fileName.isEmpty());
        QCOMPARE(parts->at(1).fileName, QStringLiteral("outboundHandler.js"));
        QCOMPARE(parts->at(1).contentType, QByteArray("application/javascript"));
        // The blank line inside the content is data, not a delimiter.
        QCOMPARE(parts->at(1).data, QByteArray("exports.handler = () => {};\r\n"));
    }

    void multipartRejectsBrokenBodies_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not multipart") << QByteArray("application/json") << QByteArray("{}");
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QByteArray("--a\r\n");
        QTest::newRow("truncated")
            << QByteArray("multipart/form-data; boundary=a")
            << QByteArray("--a\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue");
        QTest::newRow("nameless part")
            << QByteArray("multipart/form-data; boundary=a")
            << QByteArray("--a\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--a--\r\n");
        QTest::newRow("no delimiter")
            << QByteArray("multipart/form-data; boundary=a") << QByteArray("garbage");
    }

    void multipartRejectsBrokenBodies()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QString error;
        QVERIFY(!MultipartParser::parse(contentType, body, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFormParsing)
#include "testformparsing.moc"
