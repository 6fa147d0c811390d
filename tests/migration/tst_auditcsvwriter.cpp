// AuditCsvWriter: RFC 4180 output read back by an independent parser, formula neutralisation,
// and write errors.
#include "../common/filesizelimit.h"
#include "auditcsvwriter.h"
#include "csvparser.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
AuditRecord sample(const QString &before, const QString &after)
{
    return {QStringLiteral("2026-01-02T03:04:05.006Z"),
            QStringLiteral("ops"),
            QStringLiteral("AC0123456789abcdef0123456789abcdef"),
            QStringLiteral("set_voice_url"),
            QStringLiteral("+61255501234"),
            QStringLiteral("PN0123456789abcdef0123456789abcdef"),
            QStringLiteral("TK0123456789abcdef0123456789abcdef"),
            before,
            after,
            200,
            0,
            QStringLiteral("RQ0123456789abcdef0123456789abcdef"),
            QStringLiteral("success")};
}

// A device that takes `capacity` bytes and then fails, like a disk filling up.
class FullDevice : public QIODevice
{
public:
    explicit FullDevice(qint64 capacity)
        : m_capacity(capacity)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        if (m_written + len > m_capacity) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        m_written += len;
        return len;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};
} // namespace

class TestAuditCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void neutralise_data();
    void neutralise();
    void roundTrip();
    void headerOnlyWhenEmpty();
    void failingDevice();
    void fileReplacedAtomically();
    void fileErrors();
};

void TestAuditCsvWriter::neutralise_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");
    QTest::newRow("e164 kept") << "+61255501234"
                               << "+61255501234";
    QTest::newRow("short plus digits kept") << "+1"
                                            << "+1";
    QTest::newRow("formula") << "=HYPERLINK(\"http://x\",\"y\")"
                             << "'=HYPERLINK(\"http://x\",\"y\")";
    QTest::newRow("plus formula") << "+1+cmd|' /C calc'!A0"
                                  << "'+1+cmd|' /C calc'!A0";
    QTest::newRow("spaced number") << "+61 2 5550 1234"
                                   << "'+61 2 5550 1234";
    QTest::newRow("minus") << "-2+3"
                           << "'-2+3";
    QTest::newRow("at") << "@SUM(A1:A2)"
                        << "'@SUM(A1:A2)";
    QTest::newRow("tab") << "\t=1"
                         << "'\t=1";
    QTest::newRow("carriage return") << "\r=1"
                                     << "'\r=1";
    QTest::newRow("leading blanks") << "  =1"
                                    << "'  =1";
    QTest::newRow("too long for e164") << "+1234567890123456"
                                       << "'+1234567890123456";
    QTest::newRow("plain text") << "https://x.example/a=b"
                                << "https://x.example/a=b";
    QTest::newRow("inner equals") << "a=b"
                                  << "a=b";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("apostrophe") << "'quoted"
                                << "'quoted";
}

void TestAuditCsvWriter::neutralise()
{
    QFETCH(QString, cell);
    QFETCH(QString, expected);
    QCOMPARE(AuditCsvWriter::neutralise(cell), expected);
}

void TestAuditCsvWriter::roundTrip()
{
    const QString tricky = QStringLiteral("a,b \"quoted\"\r\nline2\nline3 é ✓ 日本 🙂");
    const QList<AuditRecord> records{sample(tricky, QStringLiteral("=1+1")),
                                     sample({}, QStringLiteral("plain"))};
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    AuditCsvWriter writer;
    QVERIFY2(writer.write(&buffer, records), qPrintable(writer.errorString()));
    const QByteArray bytes = buffer.data();

    QVERIFY(bytes.startsWith("time_utc,operator,account_sid,action,phone_number,number_sid,"
                             "trunk_sid,before,after,http_status,twilio_error_code,"
                             "twilio_request_id,outcome\r\n"));
    QVERIFY(bytes.endsWith("success\r\n"));
    QVERIFY(bytes.contains(",\"a,b \"\"quoted\"\"\r\nline2\nline3 "));
    QVERIFY(bytes.contains(",+61255501234,")); // unquoted and unprefixed

    const CsvParseResult parsed = parseCsv(bytes);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.rows.size(), 3);
    QCOMPARE(parsed.rows.at(0), AuditRecord::columnNames());
    QCOMPARE(parsed.rows.at(1).size(), 13);
    QCOMPARE(parsed.rows.at(1).at(7), tricky);
    QCOMPARE(parsed.rows.at(1).at(8), QStringLiteral("'=1+1"));
    QCOMPARE(parsed.rows.at(1).at(4), QStringLiteral("+61255501234"));
    QCOMPARE(parsed.rows.at(1).at(9), QStringLiteral("200"));
    QCOMPARE(parsed.rows.at(1).at(10), QString()); // no Twilio code: empty, not 0
    QCOMPARE(parsed.rows.at(2).at(7), QString());
}

void TestAuditCsvWriter::headerOnlyWhenEmpty()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    AuditCsvWriter writer;
    QVERIFY(writer.write(&buffer, {}));
    const CsvParseResult parsed = parseCsv(buffer.data());
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.rows.size(), 1);
}

void TestAuditCsvWriter::failingDevice()
{
    QList<AuditRecord> many;
    for (int i = 0; i < 2000; ++i)
        many.append(sample(QStringLiteral("before %1").arg(i), QStringLiteral("after")));
    for (const qint64 capacity : {qint64(0), qint64(100 * 1024)}) {
        FullDevice device(capacity);
        AuditCsvWriter writer;
        QVERIFY(!writer.write(&device, many));
        QVERIFY2(writer.errorString().contains(QLatin1String("No space left")),
                 qPrintable(writer.errorString()));
    }
    AuditCsvWriter writer;
    QBuffer closed;
    QVERIFY(!writer.write(&closed, many));
    QVERIFY(!writer.write(nullptr, many));
}

void TestAuditCsvWriter::fileReplacedAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    AuditCsvWriter writer;
    QVERIFY(writer.writeFile(path, {sample(QStringLiteral("old"), QStringLiteral("x"))}));
    QVERIFY(writer.writeFile(path, {sample(QStringLiteral("new"), QStringLiteral("y"))}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const CsvParseResult parsed = parseCsv(file.readAll());
    QCOMPARE(parsed.rows.size(), 2);
    QCOMPARE(parsed.rows.at(1).at(7), QStringLiteral("new"));
}

void TestAuditCsvWriter::fileErrors()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    AuditCsvWriter writer;
    QVERIFY(!writer.writeFile(blocker.fileName() + QStringLiteral("/audit.csv"), {}));
    QVERIFY(writer.errorString().contains(QLatin1String("Cannot create")));

    // A full disk: the earlier export stays whole and no partial file appears.
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    QVERIFY(writer.writeFile(path, {sample(QStringLiteral("old"), QStringLiteral("x"))}));
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    const QByteArray before = old.readAll();
    old.close();
    QList<AuditRecord> many;
    for (int i = 0; i < 500; ++i)
        many.append(sample(QStringLiteral("row %1").arg(i), QStringLiteral("y")));
    {
        const FileSizeLimit full(4096);
        QVERIFY(full.isActive());
        QVERIFY(!writer.writeFile(path, many));
    }
    QVERIFY2(!writer.errorString().isEmpty(), "no error for a full disk");
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // "file" and audit.csv only
}

QTEST_GUILESS_MAIN(TestAuditCsvWriter)
#include "tst_auditcsvwriter.moc"
