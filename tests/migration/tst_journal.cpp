// The journal: schema, runs, intents and results, snapshots, set-up values, secrets.
#include "journal.h"
#include "journalfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace JournalFixture;

class TestJournal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void openCreatesSchema();
    void severalJournalsInOneProcess();
    void runs();
    void badInputChangesNothing();
    void intentsAndResults();
    void transactionRollsBack();
    void snapshots();
    void setupValues();
    void secretsAreRedacted();
    void commitLatency();

private:
    QString path(const QString &name = QStringLiteral("journal.db")) const
    {
        return m_dir->filePath(name);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournal::openCreatesSchema()
{
    Journal journal;
    QVERIFY2(journal.open(path(QStringLiteral("new/sub/journal.db"))),
             qPrintable(journal.errorString()));
    QSqlQuery q(journal.store().database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), SqliteStore::SchemaVersion);
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2); // FULL
    // Opening again keeps what is there.
    QVERIFY(journal.setSetupValue(Account, QStringLiteral("service_sid"), QStringLiteral("ZS1")));
    journal.close();
    QVERIFY(journal.open(path(QStringLiteral("new/sub/journal.db"))));
    QCOMPARE(journal.setupValue(Account, QStringLiteral("service_sid")).value_or(QString()),
             QStringLiteral("ZS1"));
}

void TestJournal::severalJournalsInOneProcess()
{
    Journal first;
    Journal second;
    Journal sameFile;
    QVERIFY(first.open(path(QStringLiteral("a.db"))));
    QVERIFY(second.open(path(QStringLiteral("b.db"))));
    QVERIFY(sameFile.open(path(QStringLiteral("a.db"))));
    QVERIFY(first.store().database().connectionName() !=
            second.store().database().connectionName());
    const qint64 run = first.beginRun(Account, Trunk, QStringLiteral("migrate"));
    QVERIFY(run > 0);
    QVERIFY(!second.unfinishedRun(Account).has_value());
    QCOMPARE(sameFile.unfinishedRun(Account).value().id, run);
}

void TestJournal::runs()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    QVERIFY(!journal.unfinishedRun(Account).has_value());
    const qint64 first = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    const qint64 second = journal.beginRun(Account, Trunk, QStringLiteral("revert"));
    QVERIFY(first > 0 && second > first);
    const JournalRun newest = journal.unfinishedRun(Account).value();
    QCOMPARE(newest.id, second);
    QCOMPARE(newest.kind, QStringLiteral("revert"));
    QCOMPARE(newest.status, QStringLiteral("running"));
    QCOMPARE(newest.trunkSid, Trunk);
    QVERIFY(newest.startedAt.isValid() && !newest.finishedAt.isValid());
    QVERIFY(journal.finishRun(second, QStringLiteral("cancelled")));
    QCOMPARE(journal.unfinishedRun(Account).value().id, first);
    QVERIFY(journal.finishRun(first, QStringLiteral("finished")));
    QVERIFY(!journal.unfinishedRun(Account).has_value());
    QVERIFY(journal.run(first).value().finishedAt.isValid());
    QVERIFY(!journal.finishRun(12345, QStringLiteral("finished")));
    QVERIFY(journal.errorString().contains(QLatin1String("no run")));
}

void TestJournal::badInputChangesNothing()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    QCOMPARE(journal.beginRun(QStringLiteral("AC123"), Trunk, QStringLiteral("migrate")), 0);
    QVERIFY(journal.errorString().contains(QLatin1String("account SID")));
    QCOMPARE(journal.beginRun(Account, QStringLiteral("PN0123456789abcdef0123456789abcdef"),
                              QStringLiteral("migrate")),
             0);
    QCOMPARE(journal.beginRun(Account, Trunk, QStringLiteral("DROP TABLE runs;")), 0);
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    QCOMPARE(journal.recordIntent(run, QStringLiteral("PNxyz"), QStringLiteral("set_voice_url")),
             0);
    QCOMPARE(journal.recordIntent(run, NumberA, QStringLiteral("Set Voice URL")), 0);
    QCOMPARE(journal.recordIntent(run + 100, NumberA, QStringLiteral("set_voice_url")), 0);
    QVERIFY(!journal.finishRun(run, QStringLiteral("running")));
    QVERIFY(!journal.setSetupValue(Account, QStringLiteral("bad key"), QStringLiteral("v")));
    QVERIFY(journal.openIntents().isEmpty());
    QSqlQuery q(journal.store().database());
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM runs), (SELECT COUNT(*) FROM "
                                  "steps), (SELECT COUNT(*) FROM setup)")) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toInt(), 0);
    QCOMPARE(q.value(2).toInt(), 0);
}

void TestJournal::intentsAndResults()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    const qint64 setUrl = journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url"),
                                               QStringLiteral("https://x.example/outbound"));
    QVERIFY(journal.recordResult(setUrl, {true, 200, 0, QStringLiteral("RQa"), {}}));
    const qint64 remove = journal.recordIntent(run, NumberA, QStringLiteral("remove_from_trunk"));
    const qint64 failed = journal.recordIntent(run, NumberB, QStringLiteral("set_voice_url"));
    QVERIFY(journal.recordResult(
        failed, {false, 503, 20503, QStringLiteral("RQb"), QStringLiteral("Service unavailable")}));
    const qint64 deploy = journal.recordIntent(run, {}, QStringLiteral("deploy_outbound"));
    QVERIFY(remove > 0 && deploy > 0);

    const QList<JournalStep> open = journal.openIntents(run);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).id, remove);
    QCOMPARE(open.at(0).numberSid, NumberA);
    QCOMPARE(open.at(1).id, deploy);
    QVERIFY(open.at(1).numberSid.isEmpty());
    QCOMPARE(journal.openIntents().size(), 2);
    QCOMPARE(journal.openIntents(run + 1).size(), 0);

    QCOMPARE(journal.lastStep(NumberA)->id, remove);
    QCOMPARE(journal.lastStep(NumberA)->state, StepState::Intent);
    const JournalStep lastDone = journal.lastDoneStep(NumberA).value();
    QCOMPARE(lastDone.action, QStringLiteral("set_voice_url"));
    QCOMPARE(lastDone.detail, QStringLiteral("https://x.example/outbound"));
    QCOMPARE(lastDone.result.httpStatus, 200);
    QCOMPARE(lastDone.result.requestId, QStringLiteral("RQa"));
    QVERIFY(lastDone.finishedAt >= lastDone.startedAt);

    const JournalStep failedStep = journal.lastStep(NumberB).value();
    QCOMPARE(failedStep.state, StepState::Failed);
    QCOMPARE(failedStep.result.twilioCode, 20503);
    QCOMPARE(failedStep.result.errorMessage, QStringLiteral("Service unavailable"));
    QVERIFY(!journal.lastDoneStep(NumberB).has_value());

    const QList<JournalStep> last = journal.lastStepsOfRun(run);
    QCOMPARE(last.size(), 2);
    QCOMPARE(last.at(0).id, remove);
    QCOMPARE(last.at(1).id, failed);

    // A result is recorded once; a second one for the same step is refused.
    QVERIFY(!journal.recordResult(setUrl, {false, 500, 0, {}, QStringLiteral("late")}));
    QCOMPARE(journal.lastDoneStep(NumberA)->id, setUrl);
    QVERIFY(!journal.recordResult(999999, {true, 200, 0, {}, {}}));
}

void TestJournal::transactionRollsBack()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    QVERIFY(journal.store().begin());
    QVERIFY(journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url")) > 0);
    QVERIFY(journal.recordIntent(run, NumberB, QStringLiteral("set_voice_url")) > 0);
    journal.store().rollback();
    QVERIFY(journal.openIntents(run).isEmpty());
    QVERIFY(journal.store().begin());
    QVERIFY(journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url")) > 0);
    QVERIFY(journal.store().commit());
    QCOMPARE(journal.openIntents(run).size(), 1);
}

void TestJournal::snapshots()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    const QJsonObject prior =
        QJsonDocument::fromJson(R"({"voice_url":"https://pbx.example/a?x=1&y=é",
            "voice_method":"POST","voice_fallback_url":null,"voice_application_sid":null,
            "status_callback":"","trunk_sid":"TK0123456789abcdef0123456789abcdef"})")
            .object();
    QVERIFY(prior.value(QLatin1String("voice_fallback_url")).isNull());
    QVERIFY(journal.saveBackup(run, Account,
                               {NumberA, QStringLiteral("+61255501234"), prior, Trunk, 0, {}}));
    NumberBackup read = journal.backup(Account, NumberA).value();
    QCOMPARE(read.priorSettings, prior);
    QVERIFY(read.priorSettings.contains(QLatin1String("voice_application_sid")));
    QCOMPARE(read.phoneNumber, QStringLiteral("+61255501234"));
    QCOMPARE(read.priorTrunkSid, Trunk);
    QCOMPARE(read.runId, run);

    // A later snapshot (say, of an already-migrated number on resume) does not replace it.
    QJsonObject migrated = prior;
    migrated.insert(QLatin1String("voice_url"), QStringLiteral("https://fn.example/outbound"));
    QVERIFY(journal.saveBackup(run, Account,
                               {NumberA, QStringLiteral("+61255501234"), migrated, {}, 0, {}}));
    QCOMPARE(journal.backup(Account, NumberA)->priorSettings, prior);
    QVERIFY(journal.forgetBackup(Account, NumberA));
    QVERIFY(!journal.backup(Account, NumberA).has_value());
    QVERIFY(journal.saveBackup(run, Account,
                               {NumberA, QStringLiteral("+61255501234"), migrated, {}, 0, {}}));
    QVERIFY(journal.backup(Account, NumberA)->priorTrunkSid.isEmpty());

    QVERIFY(!journal.saveBackup(run, Account,
                                {NumberB, QStringLiteral("0255501234"), prior, {}, 0, {}}));
    QVERIFY(journal.errorString().contains(QLatin1String("E.164")));
    QVERIFY(!journal.backup(Account, NumberB).has_value());
}

void TestJournal::setupValues()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    QVERIFY(!journal.setupValue(Account, QStringLiteral("domain_sid")).has_value());
    QVERIFY(journal.setSetupValue(Account, QStringLiteral("domain_sid"), QStringLiteral("SD1")));
    QVERIFY(journal.setSetupValue(Account, QStringLiteral("domain_sid"), QStringLiteral("SD2")));
    QCOMPARE(journal.setupValue(Account, QStringLiteral("domain_sid")).value(),
             QStringLiteral("SD2"));
    const QString other = QStringLiteral("AC1123456789abcdef0123456789abcdef");
    QVERIFY(!journal.setupValue(other, QStringLiteral("domain_sid")).has_value());
}

void TestJournal::secretsAreRedacted()
{
    const QString secret = QStringLiteral("f00dfeedf00dfeedf00dfeedf00dfeed");
    {
        Journal journal;
        QVERIFY(journal.open(path()));
        journal.redactor().addSecret(secret);
        const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
        const qint64 step =
            journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url"),
                                 QStringLiteral("https://u:%1@x.example").arg(secret));
        QVERIFY(
            journal.recordResult(step, {false, 401, 20003, {}, QStringLiteral("bad ") + secret}));
        QVERIFY(journal.setSetupValue(Account, QStringLiteral("note"), secret));
        QCOMPARE(journal.lastStep(NumberA)->detail,
                 QStringLiteral("https://u:[redacted]@x.example"));
    }
    for (const QString &file : {path(), path() + QStringLiteral("-wal")})
        QVERIFY2(!fileBytes(file).contains(secret.toLatin1()), qPrintable(file));
}

void TestJournal::commitLatency()
{
    // A figure, not a limit: one intent plus one result, each its own synchronous commit.
    Journal journal;
    QVERIFY(journal.open(path()));
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    constexpr int Steps = 200;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Steps; ++i) {
        const qint64 step = journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url"));
        QVERIFY(journal.recordResult(step, {true, 200, 0, QStringLiteral("RQ"), {}}));
    }
    qInfo("intent + result: %.3f ms per step (synchronous=FULL, WAL)",
          double(timer.nsecsElapsed()) / 1e6 / Steps);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
