// A kept sandbox account (SandboxOptions::statePath): what one server wrote, the next one on the
// same file serves, and two processes never serve one account at once.
#include "sandboxserver.h"
#include "sandboxstatefile.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TestSandboxKept : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;

    QString statePath() const { return dir.filePath(QStringLiteral("account.sqlite")); }
    SandboxOptions keptOptions(quint32 seed = 7) const
    {
        SandboxOptions options;
        options.numbers = 12;
        options.seed = seed;
        options.statePath = statePath();
        return options;
    }
    static QStringList numberSids(SandboxTestClient &client)
    {
        QStringList sids;
        const auto r = client.get(client.accountPath() +
                                  QStringLiteral("/IncomingPhoneNumbers.json?PageSize=1000"));
        for (const QJsonValue &n : r.json.value(QLatin1String("incoming_phone_numbers")).toArray())
            sids.append(n.toObject().value(QLatin1String("sid")).toString());
        return sids;
    }
    static QString createDomain(SandboxTestClient &client, const QByteArray &name)
    {
        const auto r = client.post(client.accountPath() + QStringLiteral("/SIP/Domains.json"),
                                   "DomainName=" + name + ".sip.twilio.com");
        return r.status == 201 ? r.json.value(QLatin1String("sid")).toString() : QString();
    }

private slots:
    void init()
    {
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY2(SandboxStateFile::remove(statePath(), &error), qPrintable(error));
    }

    void accountOutlivesTheServer()
    {
        QString numberSid, domainSid, accountSid, token, trunkSid;
        QStringList order;
        QDateTime clockAfter;
        {
            SandboxServer first(keptOptions());
            QVERIFY(first.start());
            QVERIFY(!first.isKeptAccount()); // a fresh account, seeded and written out
            SandboxTestClient client(first);
            order = numberSids(client);
            QVERIFY(order.size() > 12); // the demo's spare numbers too
            numberSid = order.at(2);
            const QString number = client.accountPath() + QStringLiteral("/IncomingPhoneNumbers/") +
                                   numberSid + QStringLiteral(".json");
            QCOMPARE(client.post(number, "VoiceUrl=https%3A%2F%2Fh.example.com%2Fout").status, 200);
            QCOMPARE(client
                         .del(QStringLiteral("/v1/Trunks/") + first.trunkSid() +
                              QStringLiteral("/PhoneNumbers/") + numberSid)
                         .status,
                     204);
            domainSid = createDomain(client, "kept-one");
            QVERIFY(!domainSid.isEmpty());
            QCOMPARE(client.post(QStringLiteral("/_sandbox/Clock"), "advance_ms=3600000").status,
                     200);
            clockAfter = first.currentTime();
            accountSid = first.accountSid();
            token = first.authToken();
            trunkSid = first.trunkSid();
        }

        SandboxServer second(keptOptions());
        QVERIFY(second.start());
        QVERIFY(second.isKeptAccount());
        QCOMPARE(second.accountSid(), accountSid);
        QCOMPARE(second.authToken(), token);
        QCOMPARE(second.trunkSid(), trunkSid);
        QVERIFY(second.currentTime() >= clockAfter); // the clock never goes back
        SandboxTestClient client(second);
        QCOMPARE(numberSids(client), order); // Twilio's list order kept
        const QJsonObject number =
            client
                .get(client.accountPath() + QStringLiteral("/IncomingPhoneNumbers/") + numberSid +
                     QStringLiteral(".json"))
                .json;
        QCOMPARE(number.value(QLatin1String("voice_url")).toString(),
                 QStringLiteral("https://h.example.com/out"));
        QVERIFY(number.value(QLatin1String("trunk_sid")).isNull());
        const auto onTrunk = client.get(QStringLiteral("/v1/Trunks/") + trunkSid +
                                        QStringLiteral("/PhoneNumbers?PageSize=1000"));
        QCOMPARE(onTrunk.json.value(QLatin1String("phone_numbers")).toArray().size(), 11);
        // SIDs go on where they stopped: a new resource never takes an existing one's SID.
        const QString next = createDomain(client, "kept-two");
        QVERIFY(!next.isEmpty());
        QVERIFY(next != domainSid);
    }

    void secondServerOnTheSameAccountIsRefused()
    {
        SandboxServer first(keptOptions());
        QVERIFY(first.start());
        SandboxServer second(keptOptions());
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QLatin1String("in use by another process")), qPrintable(error));
        QVERIFY(!SandboxStateFile::remove(statePath(), &error)); // no reset under its feet
        QVERIFY(QFile::exists(statePath()));
    }

    void otherSeedIsRefused()
    {
        {
            SandboxServer first(keptOptions(7));
            QVERIFY(first.start());
        }
        SandboxServer other(keptOptions(8));
        QString error;
        QVERIFY(!other.start(&error));
        QVERIFY2(error.contains(QLatin1String("seed 7")), qPrintable(error));
    }

    void resetStartsAFreshAccount()
    {
        {
            SandboxServer first(keptOptions());
            QVERIFY(first.start());
            SandboxTestClient client(first);
            QVERIFY(!createDomain(client, "before-reset").isEmpty());
        }
        QString error;
        QVERIFY2(SandboxStateFile::remove(statePath(), &error), qPrintable(error));
        QVERIFY(!QFile::exists(statePath()));
        SandboxServer fresh(keptOptions());
        QVERIFY(fresh.start());
        QVERIFY(!fresh.isKeptAccount());
        SandboxTestClient client(fresh);
        const auto domains = client.get(client.accountPath() + QStringLiteral("/SIP/Domains.json"));
        for (const QJsonValue &d : domains.json.value(QLatin1String("domains")).toArray())
            QVERIFY(d.toObject().value(QLatin1String("domain_name")).toString() !=
                    QStringLiteral("before-reset.sip.twilio.com"));
    }

    void damagedFileIsRefusedAndKept()
    {
        QFile file(statePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database");
        file.close();
        SandboxServer server(keptOptions());
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("this is not a database")); // nothing overwritten
    }
};

QTEST_GUILESS_MAIN(TestSandboxKept)
#include "testsandboxkept.moc"
