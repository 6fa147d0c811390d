// EquivalenceTableModel: model contract (QAbstractItemModelTester, fatal), the columns of an
// item, "Lost" said in words, the acknowledgement check boxes and what they report.
#include "equivalencetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using Model = EquivalenceTableModel;
using Carry = EquivalenceItem::Carry;

namespace {
EquivalenceItem item(const char *setting, const char *title, Carry carry, const char *change = "")
{
    EquivalenceItem i;
    i.setting = QLatin1String(setting);
    i.title = QLatin1String(title);
    i.onTrunk = QStringLiteral("on the trunk: ") + i.setting;
    i.after = QStringLiteral("after: ") + i.setting;
    i.change = QLatin1String(change);
    i.carry = carry;
    i.needsAcknowledgement = carry == Carry::Lost;
    return i;
}

EquivalenceReport report()
{
    EquivalenceReport r;
    r.trunkSid = QStringLiteral("TK0123456789abcdef0123456789abcdef");
    r.items = {item("failover", "Origination failover", Carry::Translated),
               item("answer-supervision", "Answer supervision", Carry::Same),
               item("fax-numbers", "Fax numbers", Carry::Lost, "Faxes stop arriving."),
               item("symmetric-rtp", "Symmetric RTP", Carry::Lost, "Audio may be lost.")};
    return r;
}
} // namespace

class TestEquivalenceTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_model = std::make_unique<Model>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model->setReport(report());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void columnsOfAnItem()
    {
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->columnCount(), int(Model::ColumnCount));
        QCOMPARE(m_model->index(0, Model::Setting).data().toString(),
                 QStringLiteral("Origination failover"));
        QCOMPARE(m_model->index(0, Model::OnTrunk).data().toString(),
                 QStringLiteral("on the trunk: failover"));
        QCOMPARE(m_model->index(0, Model::After).data().toString(),
                 QStringLiteral("after: failover"));
        QCOMPARE(m_model->index(1, Model::CallersNotice).data().toString(),
                 QStringLiteral("Nothing"));
        QCOMPARE(m_model->index(2, Model::CallersNotice).data().toString(),
                 QStringLiteral("Faxes stop arriving."));
        QCOMPARE(m_model->index(2, 0).data(Model::SettingKeyRole).toString(),
                 QStringLiteral("fax-numbers"));
        QCOMPARE(m_model->index(2, 0).data(Model::CarryRole).toInt(), int(Carry::Lost));
        QCOMPARE(m_model->headerData(Model::CallersNotice, Qt::Horizontal).toString(),
                 QStringLiteral("What callers notice"));
    }

    void lostSaysSoInWords()
    {
        QCOMPARE(m_model->index(2, Model::After).data().toString(),
                 QStringLiteral("Lost: after: fax-numbers"));
        QCOMPARE(m_model->index(2, Model::After).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Lost: after: fax-numbers"));
    }

    void onlyChangesToAcknowledgeAreCheckable()
    {
        const QModelIndex translated = m_model->index(0, Model::Accepted);
        const QModelIndex lost = m_model->index(2, Model::Accepted);
        QVERIFY(!(m_model->flags(translated) & Qt::ItemIsUserCheckable));
        QVERIFY(!translated.data(Qt::CheckStateRole).isValid());
        QVERIFY(translated.data().toString().isEmpty());
        QVERIFY(m_model->flags(lost) & Qt::ItemIsUserCheckable);
        QCOMPARE(lost.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QCOMPARE(lost.data().toString(), QStringLiteral("I accept this change"));
        QVERIFY(!(m_model->flags(m_model->index(2, Model::Setting)) & Qt::ItemIsUserCheckable));
        QVERIFY(!m_model->setData(translated, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(
            !m_model->setData(m_model->index(2, Model::Setting), Qt::Checked, Qt::CheckStateRole));
    }

    void tickingReportsTheAcceptedList()
    {
        QSignalSpy changed(m_model.get(), &Model::acceptedChanged);
        QSignalSpy data(m_model.get(), &QAbstractItemModel::dataChanged);
        QCOMPARE(m_model->unacknowledged(),
                 (QStringList{QStringLiteral("fax-numbers"), QStringLiteral("symmetric-rtp")}));
        QVERIFY(
            m_model->setData(m_model->index(3, Model::Accepted), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toStringList(),
                 QStringList{QStringLiteral("symmetric-rtp")});
        QCOMPARE(data.count(), 1);
        QCOMPARE(data.first().at(0).toModelIndex(), m_model->index(3, Model::Accepted));
        QVERIFY(m_model->setAccepted(QStringLiteral("fax-numbers"), true));
        // Report order, whatever the order of the ticks.
        QCOMPARE(m_model->accepted(),
                 (QStringList{QStringLiteral("fax-numbers"), QStringLiteral("symmetric-rtp")}));
        QVERIFY(m_model->unacknowledged().isEmpty());
        // The same tick again changes nothing and says nothing.
        QVERIFY(m_model->setAccepted(QStringLiteral("fax-numbers"), true));
        QCOMPARE(changed.count(), 2);
        QVERIFY(m_model->setData(m_model->index(2, Model::Accepted), Qt::Unchecked,
                                 Qt::CheckStateRole));
        QCOMPARE(m_model->accepted(), QStringList{QStringLiteral("symmetric-rtp")});
        QVERIFY(!m_model->setAccepted(QStringLiteral("failover"), true)); // nothing to accept
        QVERIFY(!m_model->setAccepted(QStringLiteral("no-such-setting"), true));
    }

    void newReportKeepsOnlyAcceptancesItAsksFor()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &Model::acceptedChanged);
        EquivalenceReport next = report();
        next.items.removeLast(); // symmetric RTP is no longer lost
        m_model->setReport(next, {QStringLiteral("symmetric-rtp"), QStringLiteral("fax-numbers"),
                                  QStringLiteral("failover")});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_model->accepted(), QStringList{QStringLiteral("fax-numbers")});
        QCOMPARE(
            m_model->index(2, Model::Accepted).data(Qt::CheckStateRole).value<Qt::CheckState>(),
            Qt::Checked);
    }

    void countsPerCarry()
    {
        QCOMPARE(m_model->countWithCarry(Carry::Same), 1);
        QCOMPARE(m_model->countWithCarry(Carry::Translated), 1);
        QCOMPARE(m_model->countWithCarry(Carry::Lost), 2);
        m_model->setReport({});
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->rowOfSetting(QStringLiteral("failover")), -1);
    }

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestEquivalenceTableModel)
#include "tst_equivalencetablemodel.moc"
