// The twilio-sandbox executable: its startup JSON line, serving with the printed credentials,
// and rejecting bad flags with exit code 2.
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestSandboxExecutable : public QObject
{
    Q_OBJECT
private:
    const QString program = QStringLiteral(TM_BINARY_DIR "/app/sandbox/twilio-sandbox");

    static bool startSandbox(QProcess &process, const QStringList &arguments, QJsonObject *info)
    {
        process.start(QStringLiteral(TM_BINARY_DIR "/app/sandbox/twilio-sandbox"), arguments);
        if (!process.waitForStarted(5000))
            return false;
        while (!process.canReadLine())
            if (!process.waitForReadyRead(10000))
                return false;
        *info = QJsonDocument::fromJson(process.readLine()).object();
        return !info->value(QLatin1String("base_url")).toString().isEmpty();
    }
    static QNetworkRequest authorized(const QJsonObject &info, const QUrl &url)
    {
        QNetworkRequest request(url);
        const QByteArray user =
            (info.value(QLatin1String("account_sid")).toString() + QLatin1Char(':') +
             info.value(QLatin1String("auth_token")).toString())
                .toUtf8();
        request.setRawHeader("Authorization", "Basic " + user.toBase64());
        return request;
    }

private slots:
    void printsJsonLineAndServes()
    {
        QProcess process;
        process.start(program,
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--numbers"),
                       QStringLiteral("7"), QStringLiteral("--seed"), QStringLiteral("42")});
        QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        const QByteArray line = process.readLine();
        QVERIFY(line.endsWith('\n'));
        const QJsonObject info = QJsonDocument::fromJson(line).object();
        for (const char *key : {"base_url", "account_sid", "auth_token", "trunk_sid"})
            QVERIFY2(!info.value(QLatin1String(key)).toString().isEmpty(), key);

        QNetworkAccessManager nam;
        QNetworkRequest request(
            QUrl(info.value(QLatin1String("base_url")).toString() + QStringLiteral("/v1/Trunks")));
        const QByteArray user =
            (info.value(QLatin1String("account_sid")).toString() + QLatin1Char(':') +
             info.value(QLatin1String("auth_token")).toString())
                .toUtf8();
        request.setRawHeader("Authorization", "Basic " + user.toBase64());
        const auto result = SandboxTestClient::finish(nam.get(request));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json.value(QLatin1String("trunks"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("sid")),
                 info.value(QLatin1String("trunk_sid")));

        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }

    void rejectsBadFlags_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("fail rate")
            << QStringList{QStringLiteral("--fail-rate"), QStringLiteral("2")};
        QTest::newRow("drop rate")
            << QStringList{QStringLiteral("--drop-rate"), QStringLiteral("x")};
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("numbers") << QStringList{QStringLiteral("--numbers"), QStringLiteral("-1")};
        QTest::newRow("latency") << QStringList{QStringLiteral("--latency-ms"),
                                                QStringLiteral("1.5")};
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")};
    }

    void rejectsBadFlags()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(program, arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(process.readAllStandardError().startsWith("twilio-sandbox: "));
    }

    void keptAccountSurvivesKill9()
    {
        // Every write the sandbox answered is in its file, whenever the process dies.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList arguments{
            QStringLiteral("--port"),    QStringLiteral("0"),
            QStringLiteral("--numbers"), QStringLiteral("20"),
            QStringLiteral("--state"),   dir.filePath(QStringLiteral("a.sqlite"))};
        QJsonObject info;
        QProcess first;
        QVERIFY(startSandbox(first, arguments, &info));
        QNetworkAccessManager nam;
        const QString numbers = info.value(QLatin1String("base_url")).toString() +
                                QStringLiteral("/2010-04-01/Accounts/") +
                                info.value(QLatin1String("account_sid")).toString() +
                                QStringLiteral("/IncomingPhoneNumbers");
        const auto listed = SandboxTestClient::finish(
            nam.get(authorized(info, QUrl(numbers + QStringLiteral(".json?PageSize=100")))));
        const QJsonArray all = listed.json.value(QLatin1String("incoming_phone_numbers")).toArray();
        QVERIFY(all.size() >= 10);
        QStringList written;
        for (int i = 0; i < 10; ++i) {
            const QString sid = all.at(i).toObject().value(QLatin1String("sid")).toString();
            QNetworkRequest request =
                authorized(info, QUrl(numbers + u'/' + sid + QStringLiteral(".json")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            const auto r = SandboxTestClient::finish(nam.post(
                request, "VoiceUrl=https%3A%2F%2Fkept.example.com%2F" + QByteArray::number(i)));
            QCOMPARE(r.status, 200);
            written.append(sid);
        }
        first.kill(); // SIGKILL: no destructor, no flush
        QVERIFY(first.waitForFinished(5000));

        QProcess second;
        QJsonObject again;
        QVERIFY(startSandbox(second, arguments, &again));
        QCOMPARE(again.value(QLatin1String("account_sid")),
                 info.value(QLatin1String("account_sid")));
        const QString base = again.value(QLatin1String("base_url")).toString();
        const QString numbersAgain =
            QString(numbers).replace(info.value(QLatin1String("base_url")).toString(), base);
        for (int i = 0; i < written.size(); ++i) {
            const auto r = SandboxTestClient::finish(nam.get(authorized(
                again, QUrl(numbersAgain + u'/' + written.at(i) + QStringLiteral(".json")))));
            QCOMPARE(r.json.value(QLatin1String("voice_url")).toString(),
                     QStringLiteral("https://kept.example.com/%1").arg(i));
        }
        second.terminate();
        QVERIFY(second.waitForFinished(5000));
    }

    void helpExitsZero()
    {
        QProcess process;
        process.start(program, {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("--rate-limit-concurrency"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxExecutable)
#include "testsandboxexecutable.moc"
