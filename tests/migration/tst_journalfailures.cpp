// What the journal does when things go wrong: a kill -9, a corrupt or newer file, an
// uncreatable folder, a full database or disk. Nothing recorded before may be lost.
#include "../common/filesizelimit.h"
#include "auditlog.h"
#include "journal.h"
#include "journalfixture.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace JournalFixture;

namespace {
const char *const CrashEnv = "TM_JOURNAL_CRASH_PATH";

// The child side of crashSurvivesKill: record work, then die without closing anything.
int crashWriter(const QString &path)
{
    Journal journal;
    if (!journal.open(path))
        return 2;
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    const qint64 done = journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url"));
    journal.recordResult(done, {true, 200, 0, QStringLiteral("RQ1"), {}});
    journal.recordIntent(run, NumberA, QStringLiteral("remove_from_trunk"));
    std::raise(SIGKILL);
    return 3;
}
} // namespace

class TestJournalFailures : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void openRefusesCorruptFile();
    void openRefusesNewerSchema();
    void openRefusesUnwritableFolder();
    void openRefusesForeignSqliteFile();
    void filesArePrivate();
    void crashSurvivesKill();
    void fullDatabaseIsReported();
    void fullDiskLosesNothing();

private:
    QString path(const QString &name = QStringLiteral("journal.db")) const
    {
        return m_dir->filePath(name);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJournalFailures::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournalFailures::openRefusesCorruptFile()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray garbage = QByteArray(8192, 'x');
    file.write(garbage);
    file.close();
    Journal journal;
    QVERIFY(!journal.open(path()));
    QVERIFY2(journal.errorString().contains(QLatin1String("not a readable")),
             qPrintable(journal.errorString()));
    QVERIFY(!journal.isOpen());
    QCOMPARE(fileBytes(path()), garbage); // left as it was
}

void TestJournalFailures::openRefusesNewerSchema()
{
    {
        Journal journal;
        QVERIFY(journal.open(path()));
        QVERIFY(journal.store().exec(QStringLiteral("PRAGMA user_version=99"), QStringLiteral("")));
    }
    Journal journal;
    QVERIFY(!journal.open(path()));
    QVERIFY2(journal.errorString().contains(QLatin1String("newer")),
             qPrintable(journal.errorString()));
}

void TestJournalFailures::openRefusesUnwritableFolder()
{
    // Below a regular file: no folder can be made there, even as root.
    QFile blocker(path(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Journal journal;
    QVERIFY(!journal.open(blocker.fileName() + QStringLiteral("/journal.db")));
    QVERIFY2(journal.errorString().contains(QLatin1String("Cannot create the folder")),
             qPrintable(journal.errorString()));
}

void TestJournalFailures::openRefusesForeignSqliteFile()
{
    // Another program's SQLite database chosen by mistake: refused, and not one byte changed
    // (no schema added, no switch to WAL).
    const QString foreign = path(QStringLiteral("photos.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
        db.setDatabaseName(foreign);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE photos (id INTEGER, name TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO photos VALUES (1, 'x')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("f"));
    const QByteArray bytes = fileBytes(foreign);
    Journal journal;
    QVERIFY(!journal.open(foreign));
    QVERIFY2(journal.errorString().contains(QLatin1String("not a Trunk Migrator journal")),
             qPrintable(journal.errorString()));
    QCOMPARE(fileBytes(foreign), bytes);
    QVERIFY(!QFile::exists(foreign + QStringLiteral("-wal")));
}

void TestJournalFailures::filesArePrivate()
{
    // Owner, group and other bits (the "user" bits only mirror the owner's for us).
    constexpr int ModeBits = 0x7000 | 0x0077;
    // Folders it creates are 0700, the journal 0600 (and its WAL), the CSV export 0600.
    const QString folder = path(QStringLiteral("new/state"));
    const QString file = folder + QStringLiteral("/journal.sqlite");
    Journal journal;
    QVERIFY2(journal.open(file), qPrintable(journal.errorString()));
    QVERIFY(journal.beginRun(Account, Trunk, QStringLiteral("migrate")) != 0);
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    for (const QString &dir : {path(QStringLiteral("new")), folder})
        QCOMPARE(QFile::permissions(dir) & ModeBits, owner | QFileDevice::ExeOwner);
    QCOMPARE(QFile::permissions(file) & ModeBits, owner);
    QCOMPARE(QFile::permissions(file + QStringLiteral("-wal")) & ModeBits, owner);
    AuditLog audit(journal.store());
    const QString csv = path(QStringLiteral("audit.csv"));
    QVERIFY(audit.exportCsvFile(csv));
    QCOMPARE(QFile::permissions(csv) & ModeBits, owner);
    // An existing folder the user chose is left as it is.
    QVERIFY(QFile::permissions(m_dir->path()) & QFileDevice::ExeOwner);
}

void TestJournalFailures::crashSurvivesKill()
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(CrashEnv), path());
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit); // killed, nothing closed or checkpointed

    Journal journal;
    QVERIFY2(journal.open(path()), qPrintable(journal.errorString()));
    const JournalRun run = journal.unfinishedRun(Account).value();
    const QList<JournalStep> open = journal.openIntents(run.id);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().action, QStringLiteral("remove_from_trunk"));
    QCOMPARE(journal.lastDoneStep(NumberA)->action, QStringLiteral("set_voice_url"));
}

void TestJournalFailures::fullDatabaseIsReported()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    const qint64 run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
    const qint64 kept = journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url"));
    // Cap the file at its current size: the next pages cannot be allocated, as on a full disk.
    QSqlQuery q(journal.store().database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
    QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(q.value(0).toInt())));
    qint64 step = 1;
    for (int i = 0; i < 5000 && step != 0; ++i)
        step =
            journal.recordIntent(run, NumberB, QStringLiteral("set_voice_url"), QString(200, u'x'));
    QCOMPARE(step, 0);
    QVERIFY2(journal.errorString().contains(QLatin1String("full")),
             qPrintable(journal.errorString()));
    QCOMPARE(journal.openIntents(run).first().id, kept); // still readable
}

void TestJournalFailures::fullDiskLosesNothing()
{
    qint64 run = 0;
    {
        Journal journal;
        QVERIFY(journal.open(path()));
        run = journal.beginRun(Account, Trunk, QStringLiteral("migrate"));
        journal.recordIntent(run, NumberA, QStringLiteral("set_voice_url"));
        const FileSizeLimit full(1); // no file may grow any more
        QVERIFY(full.isActive());
        QCOMPARE(journal.recordIntent(run, NumberB, QStringLiteral("set_voice_url"),
                                      QString(5000, u'y')),
                 0);
        QVERIFY(!journal.errorString().isEmpty());
    }
    Journal reopened;
    QVERIFY2(reopened.open(path()), qPrintable(reopened.errorString()));
    const QList<JournalStep> open = reopened.openIntents(run);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().numberSid, NumberA);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (const QString crashPath = qEnvironmentVariable(CrashEnv); !crashPath.isEmpty())
        return crashWriter(crashPath);
    TestJournalFailures test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journalfailures.moc"
