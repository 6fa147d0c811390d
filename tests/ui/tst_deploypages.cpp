// Steps 1 and 2: options prefilled from the trunk, deploy with progress, the result to copy,
// failures shown on the page, and the recent-calls list.
#include "../common/drainevents.h"
#include "copylist.h"
#include "dialogseam.h"
#include "wizardharness.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

#include <algorithm>

using Op = MigrationBackend::Operation;

class TestDeployPages : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void inboundPrefillsFromTrunk()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Inbound));
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("domainPrefixEdit"))->text(),
                 QStringLiteral("acme-pbx-sydney"));
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("domainFriendlyNameEdit"))->text(),
                 QStringLiteral("Acme PBX Sydney (Programmable Voice)"));
        QVERIFY(!h.nextButton()->isEnabled()); // nothing deployed yet
    }

    void inboundPrefixChecked()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Inbound));
        auto *prefix = h.find<QLineEdit>(QStringLiteral("domainPrefixEdit"));
        auto *deploy = h.find<QPushButton>(QStringLiteral("deployInboundButton"));
        prefix->clear();
        QTest::keyClicks(prefix, QStringLiteral("Acme PBX"));
        QVERIFY(h.find<QLabel>(QStringLiteral("domainPrefixEditMessage"))->isVisible());
        QVERIFY(!deploy->isEnabled());
        prefix->clear();
        QTest::keyClicks(prefix, QStringLiteral("acme-voice"));
        QVERIFY(deploy->isEnabled());
    }

    void inboundDeployShowsProgressThenResult()
    {
        WizardHarness h;
        h.backend.delayMs = 40;
        QVERIFY(h.driveTo(PageId::Inbound));
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("secureMediaCheck")));
        auto *bar = h.find<QProgressBar>(QStringLiteral("inboundProgressBar"));
        QSignalSpy values(bar, &QProgressBar::valueChanged);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        QVERIFY(bar->isVisible());
        // The job's first progress comes from the event loop, before its end.
        const auto shown = [&values](int value) {
            return std::any_of(values.cbegin(), values.cend(),
                               [value](const QList<QVariant> &v) { return v.first() == value; });
        };
        QTRY_VERIFY(shown(1));
        QVERIFY(!h.find<QPushButton>(QStringLiteral("deployInboundButton"))->isEnabled());
        QVERIFY(!h.nextButton()->isEnabled());
        QCOMPARE(h.backend.lastInbound.domainPrefix, QStringLiteral("acme-pbx-sydney"));
        QCOMPARE(h.backend.lastInbound.secureMedia, std::optional<bool>(true));
        QCOMPARE(h.backend.lastInbound.trunkSid, h.backend.trunks.first().sid);

        QTRY_VERIFY(h.nextButton()->isEnabled());
        QVERIFY(!bar->isVisible());
        auto *domain = h.find<QLineEdit>(QStringLiteral("inboundResult-domainValue"));
        QCOMPARE(domain->text(), QStringLiteral("acme-pbx-sydney.sip.twilio.com"));
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("inboundResult-sipUriValue"))->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.twilio.com"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("inboundResult-sipUriCopy")));
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.twilio.com"));

        // The eight edge variants: one list, its first row selected, Copy and Copy all.
        auto *edges = h.find<QListWidget>(QStringLiteral("inboundResult-edgeUrisList"));
        QCOMPARE(edges->count(), 8);
        QCOMPARE(edges->item(0)->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.sydney.twilio.com"));
        edges->setCurrentRow(7);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("inboundResult-edgeUrisCopy")));
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.sao-paulo.twilio.com"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("inboundResult-edgeUrisCopyAll")));
        QCOMPARE(QApplication::clipboard()->text(),
                 h.backend.inboundResult.sipUris.mid(1).join(u'\n'));
        edges->setCurrentRow(1);
        edges->setFocus();
        QTest::keySequence(edges, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("sip:acme-pbx-sydney.sip.ashburn.twilio.com"));
    }

    void inboundResultNeverSqueezed()
    {
        // At the smallest window size the result and the calls scroll; no line edit, list or
        // button gets less than the height it needs for its text.
        WizardHarness h;
        h.wizard->resize(h.wizard->minimumSize());
        QVERIFY(h.driveTo(PageId::Inbound));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        QTRY_VERIFY(h.nextButton()->isEnabled());
        drainPostedEvents(); // layout requests are posted events
        auto *page = h.find<QWidget>(QStringLiteral("inboundPage"));
        QStringList squeezed;
        const QList<QWidget *> widgets = page->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QPushButton *>(w) ||
                                 qobject_cast<QListWidget *>(w);
            // What a layout must give it: its minimum when one is set, else its minimum hint.
            const int need =
                w->minimumHeight() > 0 ? w->minimumHeight() : w->minimumSizeHint().height();
            if (control && w->isVisibleTo(page) && w->height() < need)
                squeezed.append(w->objectName());
        }
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(QStringLiteral(", "))));
        auto *edges = h.find<QListWidget>(QStringLiteral("inboundResult-edgeUrisList"));
        QVERIFY(edges->height() >= CopyList::MaxVisibleRows * edges->sizeHintForRow(0));
        auto *value = h.find<QLineEdit>(QStringLiteral("inboundResult-handlerValue"));
        QVERIFY(value->height() >= value->sizeHint().height());
    }

    void inboundSelfHostedNote()
    {
        WizardHarness h;
        h.backend.inboundResult.selfHosted = true;
        h.backend.inboundResult.exportedTo = QStringLiteral("/home/admin/handlers");
        QVERIFY(h.driveTo(PageId::Inbound));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        auto *note = h.find<QLabel>(QStringLiteral("inboundResultNote"));
        QTRY_VERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("/home/admin/handlers")));
    }

    void inboundFailureShownOnPage()
    {
        WizardHarness h;
        h.backend.failNext.insert(Op::SetupInbound,
                                  ScriptedBackend::error(400, 21232,
                                                         QStringLiteral("The domain name is "
                                                                        "already taken.")));
        QVERIFY(h.driveTo(PageId::Inbound));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        auto *error = h.find<QLabel>(QStringLiteral("inboundError"));
        QTRY_VERIFY(error->text().contains(QStringLiteral("already taken")));
        QVERIFY(error->text().contains(QStringLiteral("docs/errors/21232")));
        QVERIFY(!h.nextButton()->isEnabled());
        QVERIFY(h.find<QPushButton>(QStringLiteral("deployInboundButton"))->isEnabled());
    }

    void inboundRecentCalls()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Inbound));
        auto *refresh = h.find<QPushButton>(QStringLiteral("inboundCallsRefresh"));
        QVERIFY(!refresh->isEnabled()); // nothing to list before the domain exists
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployInboundButton")));
        QTRY_VERIFY(refresh->isEnabled());
        WizardHarness::click(refresh);
        auto *table = h.find<QTableWidget>(QStringLiteral("inboundCallsTable"));
        QTRY_COMPARE(table->rowCount(), 2);
        QVERIFY(h.backend.log.contains(
            QStringLiteral("loadRecentCalls acme-pbx-sydney.sip.twilio.com")));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("completed"));
        QVERIFY(table->item(1, 6)->text().contains(QStringLiteral("CA000")));
    }

    void outboundPrefillsAndValidates()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Outbound));
        // Priority 10 wins over 20, whatever the order Twilio listed them in.
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("pbxDomainEdit"))->text(),
                 QStringLiteral("pbx1.acme.example"));
        auto *numbers = h.find<QComboBox>(QStringLiteral("testNumberCombo"));
        QTRY_COMPARE(numbers->count(), 1 + 1 + 12); // the spare one, a separator, the trunk's
        QCOMPARE(numbers->itemText(0),
                 QStringLiteral("+61255509000 (Spare line) — spare, on no trunk"));
        QCOMPARE(numbers->itemText(2),
                 QStringLiteral("+61255501001 (Reception 1) — on the trunk: leaves it"));
        auto *deploy = h.find<QPushButton>(QStringLiteral("deployOutboundButton"));
        QVERIFY(deploy->isEnabled());

        auto *parameters = h.find<QLineEdit>(QStringLiteral("customParametersEdit"));
        QTest::keyClicks(parameters, QStringLiteral("x-site=syd; bad key=1"));
        QVERIFY(h.find<QLabel>(QStringLiteral("customParametersEditMessage"))->isVisible());
        QVERIFY(!deploy->isEnabled());
        parameters->clear();
        QTest::keyClicks(parameters, QStringLiteral("edge=dublin"));
        QVERIFY(!deploy->isEnabled()); // edge has its own checkbox
        parameters->clear();
        QTest::keyClicks(parameters, QStringLiteral("x-site=syd;x-tenant=42"));
        QVERIFY(deploy->isEnabled());

        // host:port is a PBX domain too; a colon with no port is not.
        auto *domain = h.find<QLineEdit>(QStringLiteral("pbxDomainEdit"));
        domain->clear();
        QTest::keyClicks(domain, QStringLiteral("pbx1.acme.example:"));
        QVERIFY(!deploy->isEnabled());
        QTest::keyClicks(domain, QStringLiteral("5080"));
        QVERIFY(deploy->isEnabled());
    }

    void outboundKeepsANonDefaultPort()
    {
        WizardHarness h;
        h.backend.trunks[0].originationUrls[1].sipUrl =
            QStringLiteral("sip:pbx1.acme.example:5080;transport=tcp");
        QVERIFY(h.driveTo(PageId::Outbound));
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("pbxDomainEdit"))->text(),
                 QStringLiteral("pbx1.acme.example:5080"));
        auto *deploy = h.find<QPushButton>(QStringLiteral("deployOutboundButton"));
        QTRY_VERIFY(deploy->isEnabled());
        WizardHarness::click(deploy);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        // The proposed host stands for the whole origination table: it is not sent, so the
        // handler keeps every URL (and its failover).
        QVERIFY(h.backend.lastOutbound.pbxDomain.isEmpty());

        // A host the administrator types replaces the table.
        auto *domain = h.find<QLineEdit>(QStringLiteral("pbxDomainEdit"));
        domain->clear();
        QTest::keyClicks(domain, QStringLiteral("SBC.acme.example:5080"));
        QTRY_VERIFY(deploy->isEnabled());
        WizardHarness::click(deploy);
        QTRY_COMPARE(h.backend.lastOutbound.pbxDomain, QStringLiteral("sbc.acme.example:5080"));
        QTRY_VERIFY(h.nextButton()->isEnabled());
        QCOMPARE(h.wizard->state()->outboundOptions().pbxDomain,
                 QStringLiteral("sbc.acme.example:5080"));
    }

    void testNumberPrefersASpareOneAndConfirmsATrunkNumber()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Outbound));
        auto *numbers = h.find<QComboBox>(QStringLiteral("testNumberCombo"));
        QTRY_COMPARE(numbers->count(), 14);
        QCOMPARE(numbers->currentIndex(), 0); // the spare number, chosen for the user

        // A trunk number, picked with the keyboard: deploying says what it costs first.
        numbers->setFocus();
        QTest::keyClick(numbers, Qt::Key_Down); // past the separator, to the trunk's first
        QCOMPARE(numbers->currentData().toString(), h.backend.numbers.at(0).sid);
        auto *deploy = h.find<QPushButton>(QStringLiteral("deployOutboundButton"));
        DialogSeam::setNextChoice(1); // Cancel
        WizardHarness::click(deploy);
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 1);
        QVERIFY2(DialogSeam::askedQuestions().constFirst().contains(
                     QStringLiteral("moves it off the trunk now")),
                 qPrintable(DialogSeam::askedQuestions().constFirst()));
        drainPostedEvents(); // the answer is delivered; a deploy would be logged at once
        QVERIFY(!h.backend.log.contains(QStringLiteral("setupOutbound")));

        // Back to the spare number: nothing to confirm, and nothing leaves the trunk.
        QTest::keyClick(numbers, Qt::Key_Home);
        QCOMPARE(numbers->currentIndex(), 0);
        WizardHarness::click(deploy);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        QCOMPARE(DialogSeam::askedQuestions().size(), 1);
        QCOMPARE(h.backend.lastOutbound.testNumberSid, h.backend.spareNumbers.at(0).sid);
        for (const NumberInfo &n : std::as_const(h.backend.numbers))
            QCOMPARE(n.trunkSid, h.backend.trunks.at(0).sid);
    }

    void outboundDeploySendsOptions()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Outbound));
        auto *numbers = h.find<QComboBox>(QStringLiteral("testNumberCombo"));
        QTRY_COMPARE(numbers->count(), 14);
        numbers->setCurrentIndex(4);  // the trunk's third number
        DialogSeam::setNextChoice(0); // "Deploy with this number"
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("outboundSecureCheck")));
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("useEdgeCheck")));
        h.find<QComboBox>(QStringLiteral("outboundEdgeCombo"))
            ->setCurrentText(QStringLiteral("sydney"));
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("userToUserCheck")));
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("customParametersEdit")),
                         QStringLiteral("x-site=syd"));
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("deployOutboundButton")));
        QTRY_VERIFY(h.nextButton()->isEnabled());

        const OutboundOptions &sent = h.backend.lastOutbound;
        QVERIFY(sent.pbxDomain.isEmpty()); // the proposed one: the trunk's table is kept
        QCOMPARE(sent.secure, std::optional<bool>(true));
        QCOMPARE(sent.edge, QStringLiteral("sydney"));
        QCOMPARE(sent.callSidAsUserToUser, true);
        QCOMPARE(sent.customParameters.size(), 1);
        QCOMPARE(sent.customParameters.first().first, QStringLiteral("x-site"));
        QCOMPARE(sent.testNumberSid, h.backend.numbers.at(2).sid);
        QCOMPARE(h.find<QLineEdit>(QStringLiteral("outboundResult-testNumberValue"))->text(),
                 QStringLiteral("+61255501003"));

        WizardHarness::click(h.find<QPushButton>(QStringLiteral("outboundCallsRefresh")));
        QTRY_COMPARE(h.find<QTableWidget>(QStringLiteral("outboundCallsTable"))->rowCount(), 2);
        QVERIFY(h.backend.log.contains(QStringLiteral("loadRecentCalls +61255501003")));
    }
};

QTEST_MAIN(TestDeployPages)
#include "tst_deploypages.moc"
