// Paging to the end over many pages, for both list formats (v2010 incoming numbers, v1 trunk
// numbers), every item exactly once.
#include "sandboxfixture.h"
#include "trunkingapi.h"
#include "voiceapi.h"

#include <QSet>

class TestClientPaging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void v2010ListOverManyPages_data();
    void v2010ListOverManyPages();
    void v1ListOverManyPages();

private:
    std::unique_ptr<SandboxFixture> f;
    QSet<QString> m_allNumbers; // read in one page of 1000
};

void TestClientPaging::initTestCase()
{
    f = std::make_unique<SandboxFixture>(); // 250 numbers by default
    const QString problem = f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), w.callback());
    TM_WAIT_OK(w);
    for (const IncomingPhoneNumber &number : w.value())
        m_allNumbers.insert(number.sid);
    QCOMPARE(m_allNumbers.size(), w.value().size());
    QVERIFY(m_allNumbers.size() >= 250); // the trunk's 250 and a few others
}

void TestClientPaging::cleanupTestCase()
{
    f.reset();
}

void TestClientPaging::v2010ListOverManyPages_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("7 per page") << 7;
    QTest::newRow("50 per page") << 50;
    QTest::newRow("1000 per page") << 1000;
}

void TestClientPaging::v2010ListOverManyPages()
{
    QFETCH(int, pageSize);
    f->client().setPageSize(pageSize);
    const quint64 sentBefore = f->client().counters().sent;
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), w.callback());
    TM_WAIT_OK(w);
    QSet<QString> sids;
    for (const IncomingPhoneNumber &number : w.value())
        sids.insert(number.sid);
    QCOMPARE(w.value().size(), m_allNumbers.size()); // none twice
    QCOMPARE(sids, m_allNumbers);                    // none missing
    const int pages = (m_allNumbers.size() + pageSize - 1) / pageSize;
    QCOMPARE(int(f->client().counters().sent - sentBefore), pages);
}

void TestClientPaging::v1ListOverManyPages()
{
    f->client().setPageSize(9);
    const quint64 sentBefore = f->client().counters().sent;
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().trunking().listTrunkPhoneNumbers(f->server().trunkSid(), f->context(),
                                                 w.callback());
    TM_WAIT_OK(w);
    QCOMPARE(w.value().size(), 250);
    QSet<QString> sids;
    for (const IncomingPhoneNumber &number : w.value())
        sids.insert(number.sid);
    QCOMPARE(sids.size(), 250);
    QCOMPARE(int(f->client().counters().sent - sentBefore), 28);
}

QTEST_GUILESS_MAIN(TestClientPaging)
#include "tst_clientpaging.moc"
