// The Choose-trunk page: what the table shows, selection gating Next, and a failed listing.
#include "dialogseam.h"
#include "wizardharness.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

class TestTrunkPage : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void tableShowsWhatMigrates()
    {
        WizardHarness h;
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        auto *table = h.find<QTableWidget>(QStringLiteral("trunkTable"));
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Acme PBX Sydney"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("TK0123456789abcdef0123456789abcdef"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("12"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("acme-pbx.pstn.twilio.com"));
        const QString origination = table->item(0, 4)->text();
        QCOMPARE(origination,
                 QStringLiteral("sip:pbx1.acme.example:5060;transport=tcp (priority 10)\n"
                                "sip:pbx2.acme.example:5060 (priority 20)"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("Acme office"));
        QCOMPARE(table->item(0, 6)->text(), QStringLiteral("Acme PBX"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Lab trunk"));

        // Below the table, the selected trunk in full.
        auto *details = h.find<QLabel>(QStringLiteral("trunkDetails"));
        QVERIFY(details->text().isEmpty());
        table->selectRow(0);
        QVERIFY(details->text().contains(
            QStringLiteral("Origination URLs: sip:pbx1.acme.example:5060;transport=tcp (priority "
                           "10); sip:pbx2.acme.example:5060 (priority 20)")));
        QVERIFY(details->text().contains(QStringLiteral("IP access control lists: Acme office")));
        table->selectRow(1);
        QVERIFY(details->text().contains(QStringLiteral("Credential lists: none")));
    }

    void nextNeedsASelection()
    {
        WizardHarness h;
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        auto *table = h.find<QTableWidget>(QStringLiteral("trunkTable"));
        QTRY_COMPARE(table->rowCount(), 2);
        QVERIFY(!h.nextButton()->isEnabled()); // two trunks: nothing chosen for the user
        table->selectRow(1);
        QVERIFY(h.nextButton()->isEnabled());
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Calls);
        QCOMPARE(h.wizard->state()->trunk().friendlyName, QStringLiteral("Lab trunk"));
    }

    void singleTrunkIsPreselected()
    {
        WizardHarness h;
        h.backend.trunks.removeLast();
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QTRY_VERIFY(h.nextButton()->isEnabled());
    }

    void failedListingOffersReload()
    {
        WizardHarness h;
        h.backend.failNext.insert(MigrationBackend::Operation::LoadTrunks,
                                  ScriptedBackend::error(403, 20403,
                                                         QStringLiteral("This key may not list "
                                                                        "trunks.")));
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        auto *status = h.find<QLabel>(QStringLiteral("trunkStatus"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("This key may not list trunks.")));
        QVERIFY(status->text().contains(QStringLiteral("Twilio error 20403")));
        QVERIFY(!h.nextButton()->isEnabled());
        auto *reload = h.find<QPushButton>(QStringLiteral("reloadTrunksButton"));
        QVERIFY(reload->isEnabled());
        WizardHarness::click(reload);
        QTRY_COMPARE(h.find<QTableWidget>(QStringLiteral("trunkTable"))->rowCount(), 2);
        QCOMPARE(h.backend.log.count(QStringLiteral("loadTrunks")), 2);
    }
};

QTEST_MAIN(TestTrunkPage)
#include "tst_trunkpage.moc"
