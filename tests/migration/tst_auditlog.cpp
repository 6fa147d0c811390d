// AuditLog: durable records in the journal database, CSV export, and secrets kept out of both.
#include "auditlog.h"
#include "csvparser.h"
#include "journal.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Account = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString Number = QStringLiteral("PN0123456789abcdef0123456789abcdef");
const QString Trunk = QStringLiteral("TK0123456789abcdef0123456789abcdef");
const QString Secret = QStringLiteral("0b5e55ed0b5e55ed0b5e55ed0b5e55ed");

AuditRecord change(const QString &before, const QString &after, const QString &outcome)
{
    AuditRecord record;
    record.accountSid = Account;
    record.action = QStringLiteral("set_voice_url");
    record.phoneNumber = QStringLiteral("+61255501234");
    record.numberSid = Number;
    record.trunkSid = Trunk;
    record.before = before;
    record.after = after;
    record.httpStatus = 200;
    record.requestId = QStringLiteral("RQ0123456789abcdef0123456789abcdef");
    record.outcome = outcome;
    return record;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void appendFillsTimeAndOperator();
    void badRecordStoresNothing();
    void survivesRestart();
    void exportParsesBack();
    void filterByAccount();
    void secretsNeverLeave();
    void exportFileErrors();
    void urlCredentialsOfNumbersAreRedacted();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("journal.db"));
}

void TestAuditLog::appendFillsTimeAndOperator()
{
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY2(
        log.append(change(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("success"))),
        qPrintable(log.errorString()));
    const AuditRecord stored = log.records().value(0);
    QVERIFY(stored.timeUtc.endsWith(u'Z'));
    const QDateTime time = QDateTime::fromString(stored.timeUtc, Qt::ISODateWithMs);
    QVERIFY(time.isValid() && time >= before && time.timeSpec() == Qt::UTC);
    QCOMPARE(stored.operatorName, AuditLog::currentOperator());
    QVERIFY(!stored.operatorName.isEmpty());
    QCOMPARE(stored.httpStatus, 200);
    QCOMPARE(stored.twilioCode, 0);

    log.setOperatorName(QStringLiteral("alice"));
    AuditRecord failed = change(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("failed"));
    failed.httpStatus = 429;
    failed.twilioCode = 20429;
    QVERIFY(log.append(failed));
    QCOMPARE(log.records().value(1).operatorName, QStringLiteral("alice"));
    QCOMPARE(log.records().value(1).twilioCode, 20429);
}

void TestAuditLog::badRecordStoresNothing()
{
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    AuditRecord record = change({}, {}, QStringLiteral("success"));
    record.accountSid = QStringLiteral("AC12");
    QVERIFY(!log.append(record));
    QVERIFY(log.errorString().contains(QLatin1String("account SID")));
    record = change({}, {}, QStringLiteral("success"));
    record.phoneNumber = QStringLiteral("=cmd|' /C calc'!A0");
    QVERIFY(!log.append(record));
    QVERIFY(log.errorString().contains(QLatin1String("E.164")));
    record = change({}, {}, QStringLiteral("success"));
    record.trunkSid = QStringLiteral("TKzz");
    QVERIFY(!log.append(record));
    record = change({}, {}, QString());
    QVERIFY(!log.append(record));
    QVERIFY(log.records().isEmpty());
}

void TestAuditLog::survivesRestart()
{
    {
        Journal journal;
        QVERIFY(journal.open(m_path));
        AuditLog log(journal.store());
        QVERIFY(log.append(
            change(QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("success"))));
    }
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    QCOMPARE(log.records().size(), 1);
    QCOMPARE(log.records().first().after, QStringLiteral("2"));
}

void TestAuditLog::exportParsesBack()
{
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    const QString before = QStringLiteral("{\"voice_url\":\"https://pbx.example/a,b\",\"x\":null}");
    const QString after = QStringLiteral("-1 line\nsecond \"line\" ✓");
    QVERIFY(log.append(change(before, after, QStringLiteral("success"))));
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY2(log.exportCsv(&buffer), qPrintable(log.errorString()));
    const CsvParseResult parsed = parseCsv(buffer.data());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.rows.size(), 2);
    const QStringList row = parsed.rows.at(1);
    QCOMPARE(row.at(2), Account);
    QCOMPARE(row.at(3), QStringLiteral("set_voice_url"));
    QCOMPARE(row.at(4), QStringLiteral("+61255501234"));
    QCOMPARE(row.at(5), Number);
    QCOMPARE(row.at(6), Trunk);
    QCOMPARE(row.at(7), before);
    QCOMPARE(row.at(8), u'\'' + after); // starts with '-': neutralised
    QCOMPARE(row.at(9), QStringLiteral("200"));
    QCOMPARE(row.at(11), QStringLiteral("RQ0123456789abcdef0123456789abcdef"));
    QCOMPARE(row.at(12), QStringLiteral("success"));
}

void TestAuditLog::filterByAccount()
{
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    QVERIFY(log.append(change({}, {}, QStringLiteral("success"))));
    AuditRecord other = change({}, {}, QStringLiteral("success"));
    other.accountSid = QStringLiteral("AC1123456789abcdef0123456789abcdef");
    QVERIFY(log.append(other));
    QCOMPARE(log.records().size(), 2);
    QCOMPARE(log.records(other.accountSid).size(), 1);
    QCOMPARE(log.records(other.accountSid).first().accountSid, other.accountSid);
}

void TestAuditLog::secretsNeverLeave()
{
    const QString csvPath = m_dir->filePath(QStringLiteral("audit.csv"));
    {
        Journal journal;
        QVERIFY(journal.open(m_path));
        AuditLog log(journal.store());
        log.addSecretToRedact(Secret);
        log.addSecretToRedact(QString()); // ignored, must not blank everything
        QVERIFY(log.append(change(QStringLiteral("https://AC1:%1@x.example").arg(Secret),
                                  QStringLiteral("token=") + Secret, QStringLiteral("failed"))));
        const AuditRecord stored = log.records().first();
        QCOMPARE(stored.before, QStringLiteral("https://AC1:[redacted]@x.example"));
        QCOMPARE(stored.after, QStringLiteral("token=[redacted]"));
        QVERIFY(log.exportCsvFile(csvPath));

        // Registered after a record was stored: still kept out of the export.
        AuditLog late(journal.store());
        QVERIFY(
            late.append(change(QStringLiteral("late-secret-value"), {}, QStringLiteral("failed"))));
        late.addSecretToRedact(QStringLiteral("late-secret-value"));
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(late.exportCsv(&buffer));
        QVERIFY(!buffer.data().contains("late-secret-value"));
    }
    for (const QString &file : {m_path, m_path + QStringLiteral("-wal"), csvPath})
        QVERIFY2(!fileBytes(file).contains(Secret.toLatin1()), qPrintable(file));
    QVERIFY(fileBytes(csvPath).contains("[redacted]"));
}

void TestAuditLog::exportFileErrors()
{
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    QVERIFY(log.append(change({}, {}, QStringLiteral("success"))));
    QFile blocker(m_dir->filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!log.exportCsvFile(blocker.fileName() + QStringLiteral("/audit.csv")));
    QVERIFY2(log.errorString().contains(QLatin1String("Cannot create")),
             qPrintable(log.errorString()));
}

void TestAuditLog::urlCredentialsOfNumbersAreRedacted()
{
    // A number's old voice URL may log in to the customer's own system; the audit log keeps
    // where calls went, never the credentials (the journal's snapshot keeps them for revert).
    Journal journal;
    QVERIFY(journal.open(m_path));
    AuditLog log(journal.store());
    QVERIFY(log.append(change(
        QStringLiteral("voice_url=https://ops:hunter2@pbx.example.com/in?api_key=abc123&lang=de; "
                       "voice_method=GET"),
        QStringLiteral("voice_url=https://h.example.com/outboundHandler; voice_method=POST"),
        QStringLiteral("success"))));
    const QString csvPath = m_dir->filePath(QStringLiteral("audit.csv"));
    QVERIFY(log.exportCsvFile(csvPath));
    const QByteArray csv = fileBytes(csvPath);
    QVERIFY(!csv.contains("hunter2"));
    QVERIFY(!csv.contains("abc123"));
    QVERIFY2(csv.contains("https://ops:[redacted]@pbx.example.com/in?api_key=[redacted]&lang=de"),
             csv.constData());
    QVERIFY(csv.contains("https://h.example.com/outboundHandler"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
