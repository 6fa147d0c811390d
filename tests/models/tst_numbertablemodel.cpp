// NumberTableModel: model contract (QAbstractItemModelTester, fatal), the signals each change
// must emit and no more, check marks, counts per state.
#include "numberfixture.h"
#include "numbertablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using Model = NumberTableModel;

class TestNumberTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void setRowsResetsAndFillsColumns();
    void setAllCheckedEmitsOneDataChanged();
    void setCheckedAndSetData();
    void checkRowsSpansChangedRowsOnly();
    void updateRowEmitsForThatRowOnly();
    void setStateEmitsForThatRowWithItsRoles();
    void unknownSidIsRejected();
    void countsPerStateFollowChanges();
    void errorTextAndToolTip();

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestNumberTableModel::init()
{
    m_model = std::make_unique<Model>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_model->setRows(NumberFixture::makeRows(50));
}

void TestNumberTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestNumberTableModel::setRowsResetsAndFillsColumns()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setAllChecked(true);
    const QVector<NumberInfo> rows = NumberFixture::makeRows(7);
    m_model->setRows(rows);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 7);
    QCOMPARE(m_model->columnCount(), int(Model::ColumnCount));
    QCOMPARE(m_model->checkedCount(), 0); // new rows start unchecked

    const NumberInfo &row = rows.at(3);
    QCOMPARE(m_model->index(3, Model::Number).data().toString(), row.phoneNumber);
    QCOMPARE(m_model->index(3, Model::FriendlyName).data().toString(), row.friendlyName);
    QCOMPARE(m_model->index(3, Model::Sid).data().toString(), row.sid);
    QCOMPARE(m_model->index(3, Model::VoiceUrl).data().toString(), row.voiceUrl);
    QCOMPARE(m_model->index(3, Model::State).data().toString(), numberStateText(row.state));
    QCOMPARE(m_model->index(3, Model::Sid).data(Model::SidRole).toString(), row.sid);
    QCOMPARE(m_model->index(3, Model::Sid).data(Model::StateRole).toInt(), int(row.state));
    QCOMPARE(m_model->index(3, 0).data(Model::RowDataRole).value<NumberInfo>(), row);
    QCOMPARE(m_model->rowOfSid(row.sid), 3);
    QCOMPARE(m_model->headerData(Model::VoiceUrl, Qt::Horizontal).toString(),
             QStringLiteral("Current voice URL"));
    QVERIFY(m_model->flags(m_model->index(0, Model::Number)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(m_model->flags(m_model->index(0, Model::Sid)) & Qt::ItemIsUserCheckable));
}

void TestNumberTableModel::setAllCheckedEmitsOneDataChanged()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy count(m_model.get(), &Model::checkedCountChanged);
    m_model->setAllChecked(true);
    QCOMPARE(changed.count(), 1);
    const auto args = changed.takeFirst();
    QCOMPARE(args.at(0).toModelIndex(), m_model->index(0, Model::Number));
    QCOMPARE(args.at(1).toModelIndex(), m_model->index(49, Model::Number));
    QCOMPARE(args.at(2).value<QList<int>>(), QList<int>{Qt::CheckStateRole});
    QCOMPARE(count.count(), 1);
    QCOMPARE(count.takeFirst().at(0).toInt(), 50);
    QCOMPARE(m_model->checkedCount(), 50);
    QCOMPARE(m_model->checkedSids().size(), 50);
    QCOMPARE(m_model->index(49, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

    m_model->setAllChecked(false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->checkedCount(), 0);
    QVERIFY(m_model->checkedSids().isEmpty());
}

void TestNumberTableModel::setCheckedAndSetData()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QString sid = NumberFixture::sidFor(4);
    QVERIFY(m_model->setChecked(sid, true));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(4, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(4, 0));
    QCOMPARE(m_model->checkedSids(), QStringList{sid});

    // Checking a checked row changes nothing and says nothing.
    QVERIFY(m_model->setChecked(sid, true));
    QCOMPARE(changed.count(), 1);

    // The view's path: setData on the first column only.
    QVERIFY(m_model->setData(m_model->index(9, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!m_model->setData(m_model->index(9, Model::Sid), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!m_model->setData(m_model->index(9, 0), QStringLiteral("x"), Qt::EditRole));
    QCOMPARE(m_model->checkedCount(), 2);
    QCOMPARE(m_model->checkedSids(), (QStringList{sid, NumberFixture::sidFor(9)}));
    QVERIFY(m_model->setChecked(sid, false));
    QCOMPARE(m_model->checkedCount(), 1);
}

void TestNumberTableModel::checkRowsSpansChangedRowsOnly()
{
    m_model->setChecked(NumberFixture::sidFor(30), true);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // Unordered, with an already-checked row at the far end that must not widen the range.
    m_model->checkRows({12, 5, 30, 20}, true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(5, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(20, 0));
    QCOMPARE(m_model->checkedCount(), 4);
    QVERIFY(m_model->isChecked(12));
    QVERIFY(!m_model->isChecked(13));

    changed.clear();
    m_model->checkRows({31, 32}, false); // nothing to change
    QCOMPARE(changed.count(), 0);
    m_model->checkRows({5, 30}, false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->checkedCount(), 2);
}

void TestNumberTableModel::updateRowEmitsForThatRowOnly()
{
    NumberInfo row = m_model->rowAt(17);
    row.voiceUrl = QStringLiteral("https://handler.example.twil.io/outboundHandler");
    row.state = NumberState::Migrated;
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->updateRow(row));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(17, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(17, Model::ColumnCount - 1));
    QCOMPARE(m_model->rowAt(17), row);
    QVERIFY(m_model->searchText(17).contains(u"handler.example.twil.io/outboundhandler"));

    // The same values again: nothing to announce.
    QVERIFY(m_model->updateRow(row));
    QCOMPARE(changed.count(), 1);
}

void TestNumberTableModel::setStateEmitsForThatRowWithItsRoles()
{
    const QString sid = NumberFixture::sidFor(8);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setState(sid, NumberState::Migrating));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(8, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(8, Model::ColumnCount - 1));
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(roles.contains(Model::StateRole));
    QVERIFY(!roles.contains(Qt::CheckStateRole));
    QCOMPARE(m_model->rowAt(8).state, NumberState::Migrating);
    QVERIFY(m_model->rowAt(8).lastError.isNull());
}

void TestNumberTableModel::unknownSidIsRejected()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    NumberInfo stranger = NumberFixture::makeRow(999, 1000);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown number SID")));
    QVERIFY(!m_model->updateRow(stranger));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown number SID")));
    QVERIFY(!m_model->setState(stranger.sid, NumberState::Failed));
    QVERIFY(!m_model->setChecked(stranger.sid, true));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->rowOfSid(stranger.sid), -1);
}

void TestNumberTableModel::countsPerStateFollowChanges()
{
    auto expected = [this](NumberState state) {
        int n = 0;
        for (int r = 0; r < m_model->rowCount(); ++r)
            n += m_model->rowAt(r).state == state ? 1 : 0;
        return n;
    };
    auto checkAll = [&] {
        int total = 0;
        for (int s = 0; s < NumberStateCount; ++s) {
            QCOMPARE(m_model->countInState(NumberState(s)), expected(NumberState(s)));
            total += m_model->countInState(NumberState(s));
        }
        QCOMPARE(total, m_model->rowCount());
    };
    checkAll();
    QCOMPARE(m_model->countInState(NumberState::OnTrunk), 7); // rows 0, 8, ..., 48

    QSignalSpy counts(m_model.get(), &Model::stateCountsChanged);
    QVERIFY(m_model->setState(NumberFixture::sidFor(0), NumberState::Migrated));
    QVERIFY(m_model->setState(NumberFixture::sidFor(8), NumberState::Failed,
                              NumberFixture::error(QStringLiteral("x"))));
    NumberInfo row = m_model->rowAt(16);
    row.state = NumberState::Reverted;
    QVERIFY(m_model->updateRow(row));
    QCOMPARE(counts.count(), 3);
    QCOMPARE(m_model->countInState(NumberState::OnTrunk), 4);
    checkAll();

    // Same state with a new error: counts do not move and are not announced.
    QVERIFY(m_model->setState(NumberFixture::sidFor(8), NumberState::Failed,
                              NumberFixture::error(QStringLiteral("y"))));
    QCOMPARE(counts.count(), 3);
    checkAll();
}

void TestNumberTableModel::errorTextAndToolTip()
{
    const QString sid = NumberFixture::sidFor(2);
    OperationError error = NumberFixture::error(QStringLiteral("Number is not valid"), 21211);
    error.httpStatus = 400;
    error.requestId = QStringLiteral("RQ0123456789abcdef0123456789abcdef");
    QVERIFY(m_model->setState(sid, NumberState::Failed, error));
    const QString shown = m_model->index(2, Model::LastError).data().toString();
    QVERIFY(shown.contains(u"Number is not valid"));
    QVERIFY(shown.contains(u"21211"));
    const QString tip = m_model->index(2, Model::State).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(u"https://www.twilio.com/docs/errors/21211"));
    QVERIFY(tip.contains(u"HTTP status 400"));
    QVERIFY(tip.contains(u"RQ0123456789abcdef0123456789abcdef")); // for Twilio support
    QCOMPARE(m_model->index(2, 0).data(Model::ErrorCodeRole).toInt(), 21211);
    QCOMPARE(m_model->index(2, 0).data(Model::MoreInfoUrlRole).toUrl(),
             QUrl(QStringLiteral("https://www.twilio.com/docs/errors/21211")));
    QVERIFY(!m_model->index(2, Model::Number).data(Qt::ToolTipRole).isValid());

    QVERIFY(m_model->setState(sid, NumberState::Migrated));
    QVERIFY(!m_model->index(2, Model::State).data(Qt::ToolTipRole).isValid());
    QCOMPARE(m_model->index(2, Model::LastError).data().toString(), QString());
}

QTEST_GUILESS_MAIN(TestNumberTableModel)
#include "tst_numbertablemodel.moc"
