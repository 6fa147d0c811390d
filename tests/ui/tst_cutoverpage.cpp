// Step 3: the cut-over sheet as shown and copied, and the checklist that gates Next.
#include "dialogseam.h"
#include "wizardharness.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

class TestCutoverPage : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void sheetIsReadable()
    {
        WizardHarness h;
        h.backend.sheet.tlsRequired = true;
        h.backend.sheet.srtpRequired = true;
        QVERIFY(h.driveTo(PageId::Cutover));
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("sheetUriValue"))->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.twilio.com"));
        auto *edges = h.find<QListWidget>(QStringLiteral("sheetEdgeUrisList"));
        QCOMPARE(edges->count(), 8);
        QCOMPARE(edges->item(1)->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.ashburn.twilio.com"));
        QCOMPARE(h.find<QLabel>(QStringLiteral("sheetPort"))->text(),
                 QStringLiteral("5061, TLS required"));
        QVERIFY(h.find<QLabel>(QStringLiteral("sheetMedia"))
                    ->text()
                    .startsWith(QStringLiteral("SRTP required")));
        QCOMPARE(h.find<QLabel>(QStringLiteral("sheetIpAcls"))->text(),
                 QStringLiteral("Acme office (AL00000000000000000000000000000001)"));
        QCOMPARE(h.find<QLabel>(QStringLiteral("sheetCredentials"))->text(),
                 QStringLiteral("Acme PBX (CL00000000000000000000000000000001)"));
    }

    void plainSheetOffersBothPorts()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Cutover));
        QCOMPARE(h.find<QLabel>(QStringLiteral("sheetPort"))->text(),
                 QStringLiteral("5060 (UDP or TCP), or 5061 with TLS"));
        QCOMPARE(h.find<QLabel>(QStringLiteral("sheetMedia"))->text(),
                 QStringLiteral("RTP; SRTP not required"));
    }

    void copyButtons()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Cutover));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("sheetUriCopy")));
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.twilio.com"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("sheetEdgeUrisCopy")));
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.sydney.twilio.com"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("sheetEdgeUrisCopyAll")));
        QCOMPARE(QApplication::clipboard()->text().split(u'\n'), h.backend.sheet.sipUris.mid(1));
        auto *sheet = h.find<QPushButton>(QStringLiteral("copySheetButton"));
        const QString label = sheet->text();
        WizardHarness::click(sheet);
        QCOMPARE(QApplication::clipboard()->text(), h.backend.sheet.asText());
        // The click is acknowledged on the button, which then reads as before.
        QCOMPARE(sheet->text(), QStringLiteral("Copied"));
        QTRY_COMPARE_WITH_TIMEOUT(sheet->text(), label, 5000);
    }

    void enterMeansNextEvenFromACopyButton()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Cutover));
        for (const char *name : {"checkPbxTrunk", "checkPbxToPstn", "checkPstnToPbx"})
            WizardHarness::click(h.find<QCheckBox>(QString::fromLatin1(name)));
        QApplication::clipboard()->clear();
        QApplication::setActiveWindow(h.wizard);
        auto *sheet = h.find<QPushButton>(QStringLiteral("copySheetButton"));
        sheet->setFocus();
        QTRY_VERIFY(sheet->hasFocus());
        // Space presses the focused button; Enter is the wizard's Next.
        QTest::keyClick(sheet, Qt::Key_Space);
        QCOMPARE(QApplication::clipboard()->text(), h.backend.sheet.asText());
        QApplication::clipboard()->clear();
        QTest::keyClick(sheet, Qt::Key_Return);
        QTRY_COMPARE(h.currentPage(), PageId::Numbers);
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }

    void checklistGatesNext()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Cutover));
        const QStringList names{QStringLiteral("checkPbxTrunk"), QStringLiteral("checkPbxToPstn"),
                                QStringLiteral("checkPstnToPbx")};
        QVERIFY(h.find<QCheckBox>(names.last())->text().contains(QStringLiteral("+61255509000")));
        for (const QString &name : names) {
            QVERIFY(!h.nextButton()->isEnabled());
            WizardHarness::click(h.find<QCheckBox>(name));
        }
        QVERIFY(h.nextButton()->isEnabled());
        WizardHarness::click(h.find<QCheckBox>(names.at(1)));
        QVERIFY(!h.nextButton()->isEnabled());
    }
};

QTEST_MAIN(TestCutoverPage)
#include "tst_cutoverpage.moc"
