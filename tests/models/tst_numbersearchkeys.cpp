// NumberSearchKeys: the precomputed filter text and sort keys behind the proxy.
#include "numbersearchkeys.h"

#include <QTest>

class TestNumberSearchKeys : public QObject
{
    Q_OBJECT
private slots:
    void fieldsAreLowerCaseAndSeparated();
    void separatorInsideAFieldCannotShiftFields();
    void lengthChangingCaseMappingKeepsBounds();
    void numbersCompareNumerically_data();
    void numbersCompareNumerically();
    void stateNumberKeyOrdersByStateThenNumber();

private:
    static NumberInfo row(const QString &number, const QString &name = {}, const QString &url = {});
};

NumberInfo TestNumberSearchKeys::row(const QString &number, const QString &name, const QString &url)
{
    NumberInfo r;
    r.phoneNumber = number;
    r.friendlyName = name;
    r.sid = QStringLiteral("PN0123456789abcdef0123456789ABCDEF");
    r.voiceUrl = url;
    r.state = NumberState::Failed;
    return r;
}

void TestNumberSearchKeys::fieldsAreLowerCaseAndSeparated()
{
    const NumberSearchKeys keys(row(QStringLiteral("+14155550100"), QStringLiteral("Front Desk"),
                                    QStringLiteral("https://PBX.example.com/In")));
    QCOMPARE(keys.friendlyName(), u"front desk");
    QCOMPARE(keys.voiceUrl(), u"https://pbx.example.com/in");
    QCOMPARE(keys.state(), NumberState::Failed);
    QVERIFY(keys.contains(u"0123456789abcdef0123456789abcdef"));
    QVERIFY(keys.contains(u"desk"));
    // A query never matches across the end of one field and the start of the next.
    QVERIFY(!keys.contains(u"deskpn"));
    QVERIFY(!keys.contains(u"desk pn"));
}

void TestNumberSearchKeys::separatorInsideAFieldCannotShiftFields()
{
    const NumberSearchKeys keys(row(QStringLiteral("+14155550100"), QStringLiteral("a\x1f b"),
                                    QStringLiteral("https://x.example/")));
    QCOMPARE(keys.friendlyName(), u"a  b");
    QCOMPARE(keys.voiceUrl(), u"https://x.example/");
}

void TestNumberSearchKeys::lengthChangingCaseMappingKeepsBounds()
{
    // U+0130 (capital I with dot) lower-cases to two code units.
    const NumberSearchKeys keys(row(QStringLiteral("+14155550100"), QStringLiteral("\u0130stanbul"),
                                    QStringLiteral("https://y.example/")));
    QCOMPARE(keys.voiceUrl(), u"https://y.example/");
    QVERIFY(keys.friendlyName().endsWith(u"stanbul"));
}

void TestNumberSearchKeys::numbersCompareNumerically_data()
{
    QTest::addColumn<QString>("smaller");
    QTest::addColumn<QString>("larger");
    QTest::newRow("shorter is smaller")
        << QStringLiteral("+61255501234") << QStringLiteral("+442055501234");
    QTest::newRow("same length") << QStringLiteral("+14155550100")
                                 << QStringLiteral("+14155550101");
    QTest::newRow("15 digits") << QStringLiteral("+999999999999998")
                               << QStringLiteral("+999999999999999");
    QTest::newRow("E.164 before anything else")
        << QStringLiteral("+999999999999999") << QStringLiteral("12");
    QTest::newRow("non-E.164 by length") << QStringLiteral("99") << QStringLiteral("100");
}

void TestNumberSearchKeys::numbersCompareNumerically()
{
    QFETCH(QString, smaller);
    QFETCH(QString, larger);
    const NumberSearchKeys a(row(smaller));
    const NumberSearchKeys b(row(larger));
    QVERIFY(NumberSearchKeys::compareNumbers(a, b) < 0);
    QVERIFY(NumberSearchKeys::compareNumbers(b, a) > 0);
    QCOMPARE(NumberSearchKeys::compareNumbers(a, a), 0);
}

void TestNumberSearchKeys::stateNumberKeyOrdersByStateThenNumber()
{
    NumberSearchKeys big(row(QStringLiteral("+999999999999999")));
    NumberSearchKeys small(row(QStringLiteral("+12")));
    NumberSearchKeys odd(row(QStringLiteral("not a number")));
    big.setState(NumberState::OnTrunk);
    small.setState(NumberState::Migrated);
    odd.setState(NumberState::OnTrunk);
    QCOMPARE(big.state(), NumberState::OnTrunk);
    QVERIFY(big.stateNumberKey() < small.stateNumberKey()); // state first
    QVERIFY(big.stateNumberKey() < odd.stateNumberKey());   // E.164 before the rest
    big.setState(NumberState::Reverted);
    QVERIFY(big.stateNumberKey() > small.stateNumberKey());
    small.setState(NumberState::Reverted);
    QVERIFY(small.stateNumberKey() < big.stateNumberKey()); // then by number
}

QTEST_GUILESS_MAIN(TestNumberSearchKeys)
#include "tst_numbersearchkeys.moc"
