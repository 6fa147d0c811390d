// NumberFilterProxyModel: filter and sort correctness, "check all filtered", and the model
// contract of the proxy (QAbstractItemModelTester, fatal) while the source changes under it.
#include "numberfilterproxymodel.h"
#include "numberfixture.h"
#include "numbertablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Model = NumberTableModel;

class TestNumberFilterProxyModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void filterMatchesEachField_data();
    void filterMatchesEachField();
    void stateFilterCombinesWithText();
    void sortsNumbersNumerically();
    void sortsByStateThenNumber();
    void sortsTextCaseInsensitively();
    void checkAllFilteredChecksOnlyThoseRows();
    void followsSourceUpdates();

private:
    QStringList proxyColumn(int column) const;
    // Brute-force reference for the filter: which source rows should pass.
    int expectedMatches(const QString &needle) const;

    std::unique_ptr<Model> m_model;
    std::unique_ptr<NumberFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestNumberFilterProxyModel::init()
{
    m_model = std::make_unique<Model>();
    m_model->setRows(NumberFixture::makeRows(300));
    m_proxy = std::make_unique<NumberFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestNumberFilterProxyModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
}

QStringList TestNumberFilterProxyModel::proxyColumn(int column) const
{
    QStringList values;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        values.append(m_proxy->index(r, column).data().toString());
    return values;
}

int TestNumberFilterProxyModel::expectedMatches(const QString &needle) const
{
    int n = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const NumberInfo &row = m_model->rowAt(r);
        const bool hit = row.phoneNumber.contains(needle, Qt::CaseInsensitive) ||
                         row.friendlyName.contains(needle, Qt::CaseInsensitive) ||
                         row.sid.contains(needle, Qt::CaseInsensitive) ||
                         row.voiceUrl.contains(needle, Qt::CaseInsensitive);
        n += hit ? 1 : 0;
    }
    return n;
}

void TestNumberFilterProxyModel::filterMatchesEachField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("atLeast");
    QTest::newRow("number prefix") << QStringLiteral("+4420") << 100;
    QTest::newRow("friendly name, other case") << QStringLiteral("SALES line") << 150;
    QTest::newRow("sid, upper case") << NumberFixture::sidFor(0x12b).toUpper() << 1;
    QTest::newRow("voice url") << QStringLiteral("demo.twilio.com") << 60;
    QTest::newRow("surrounding spaces") << QStringLiteral("  support desk ") << 150;
    QTest::newRow("no match") << QStringLiteral("nothing like this") << 0;
}

void TestNumberFilterProxyModel::filterMatchesEachField()
{
    QFETCH(QString, text);
    QFETCH(int, atLeast);
    m_proxy->setSearchText(text);
    const int expected = expectedMatches(text.trimmed());
    QCOMPARE(m_proxy->rowCount(), expected);
    QVERIFY(expected >= atLeast);
    for (const int source : m_proxy->acceptedSourceRows())
        QVERIFY(m_model->searchText(source).contains(text.trimmed().toLower()));

    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
}

void TestNumberFilterProxyModel::stateFilterCombinesWithText()
{
    m_proxy->setStateFilter(NumberState::Failed);
    QCOMPARE(m_proxy->rowCount(), m_model->countInState(NumberState::Failed));
    m_proxy->setSearchText(QStringLiteral("+1415"));
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QCOMPARE(m_proxy->index(r, 0).data(Model::StateRole).toInt(), int(NumberState::Failed));
        QVERIFY(m_proxy->index(r, 0).data().toString().startsWith(u"+1415"));
    }
    QVERIFY(m_proxy->rowCount() > 0);
    QVERIFY(m_proxy->rowCount() < m_model->countInState(NumberState::Failed));
    m_proxy->clearStateFilter();
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 300);
}

void TestNumberFilterProxyModel::sortsNumbersNumerically()
{
    m_proxy->sort(Model::Number, Qt::AscendingOrder);
    const QStringList numbers = proxyColumn(Model::Number);
    QCOMPARE(numbers.size(), 300);
    for (int i = 1; i < numbers.size(); ++i) {
        const QString &a = numbers.at(i - 1);
        const QString &b = numbers.at(i);
        // Numeric order: +612... (11 digits) and +1415... (11) before +4420... (12 digits).
        QVERIFY2(a.size() < b.size() || (a.size() == b.size() && a < b),
                 qPrintable(a + QLatin1String(" > ") + b));
    }
    QVERIFY(numbers.first().startsWith(u"+1415"));
    QVERIFY(numbers.last().startsWith(u"+4420"));

    m_proxy->sort(Model::Number, Qt::DescendingOrder);
    QVERIFY(m_proxy->index(0, Model::Number).data().toString().startsWith(u"+4420"));
}

void TestNumberFilterProxyModel::sortsByStateThenNumber()
{
    m_proxy->sort(Model::State, Qt::AscendingOrder);
    int previousState = -1;
    QString previousNumber;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const int state = m_proxy->index(r, 0).data(Model::StateRole).toInt();
        const QString number = m_proxy->index(r, Model::Number).data().toString();
        QVERIFY(state >= previousState); // lifecycle order, not the alphabet of the labels
        if (state == previousState)
            QVERIFY(number.size() > previousNumber.size() ||
                    (number.size() == previousNumber.size() && number > previousNumber));
        previousState = state;
        previousNumber = number;
    }
    QCOMPARE(m_proxy->index(0, 0).data(Model::StateRole).toInt(), int(NumberState::OnTrunk));
}

void TestNumberFilterProxyModel::sortsTextCaseInsensitively()
{
    m_proxy->sort(Model::FriendlyName, Qt::AscendingOrder);
    const QStringList names = proxyColumn(Model::FriendlyName);
    for (int i = 1; i < names.size(); ++i)
        QVERIFY(names.at(i - 1).compare(names.at(i), Qt::CaseInsensitive) <= 0);
    // "Sales ..." sorts before "support ..." despite the capital letter.
    QVERIFY(names.first().startsWith(u"Sales"));
    QVERIFY(names.last().startsWith(u"support"));
}

void TestNumberFilterProxyModel::checkAllFilteredChecksOnlyThoseRows()
{
    m_proxy->setSearchText(QStringLiteral("demo.twilio.com"));
    const QVector<int> accepted = m_proxy->acceptedSourceRows();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_proxy->setAllAcceptedChecked(true);
    QCOMPARE(changed.count(), 1); // one update for the model, however many rows
    QCOMPARE(m_model->checkedCount(), accepted.size());
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->isChecked(r), accepted.contains(r));

    // The filter is unaffected by check marks, and unchecking the filtered rows undoes it.
    QCOMPARE(m_proxy->rowCount(), accepted.size());
    m_proxy->setAllAcceptedChecked(false);
    QCOMPARE(m_model->checkedCount(), 0);

    // With no filter, "all filtered" is everything.
    m_proxy->setSearchText(QString());
    m_proxy->setAllAcceptedChecked(true);
    QCOMPARE(m_model->checkedCount(), 300);
}

void TestNumberFilterProxyModel::followsSourceUpdates()
{
    m_proxy->sort(Model::State, Qt::AscendingOrder);
    m_proxy->setStateFilter(NumberState::Migrated);
    const int before = m_proxy->rowCount();
    const QString sid = NumberFixture::sidFor(0); // OnTrunk
    QVERIFY(m_model->setState(sid, NumberState::Migrated));
    QCOMPARE(m_proxy->rowCount(), before + 1);
    QVERIFY(m_model->setState(sid, NumberState::Failed,
                              NumberFixture::error(QStringLiteral("boom"), 20500)));
    QCOMPARE(m_proxy->rowCount(), before);

    m_proxy->clearStateFilter();
    m_proxy->setSearchText(QStringLiteral("moved.example.com"));
    QCOMPARE(m_proxy->rowCount(), 0);
    NumberInfo row = m_model->rowAt(5);
    row.voiceUrl = QStringLiteral("https://moved.example.com/voice");
    QVERIFY(m_model->updateRow(row));
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, Model::Sid).data().toString(), row.sid);

    m_model->setAllChecked(true);
    QCOMPARE(m_proxy->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    m_model->setRows(NumberFixture::makeRows(10));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 10);
}

QTEST_GUILESS_MAIN(TestNumberFilterProxyModel)
#include "tst_numberfilterproxymodel.moc"
