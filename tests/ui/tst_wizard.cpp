// The wizard as a whole: closing during a run, the interrupted-run notice at start-up and offer
// after connecting, geometry, keyboard access and names on every interactive widget.
#include "../common/drainevents.h"
#include "dialogseam.h"
#include "numbertablemodel.h"
#include "wizardharness.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>

namespace {
// The Alt+letter of a text ("&Next >" -> 'n'), or a null QChar; "&&" is a literal ampersand.
QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

// Every Alt+letter one can press on the wizard's current page (its buttons included), with the
// texts that carry it.
QMultiMap<QChar, QString> mnemonicsOnPage(QWizard *wizard)
{
    QMultiMap<QChar, QString> result;
    const auto add = [&](QWidget *w, const QString &text) {
        if (const QChar c = mnemonic(text); !c.isNull() && w->isVisibleTo(wizard))
            result.insert(c, text);
    };
    QList<QWidget *> widgets = wizard->currentPage()->findChildren<QWidget *>();
    for (const QWizard::WizardButton which :
         {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton,
          QWizard::CancelButton, QWizard::CustomButton1})
        widgets.append(wizard->button(which));
    for (QWidget *w : std::as_const(widgets)) {
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, button->text());
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(w, label->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(w, box->title());
    }
    return result;
}

// An interrupted run of the scripted account: 40 migrated, 2 in flight, 8 not started.
void interrupt(ScriptedBackend &backend)
{
    backend.interrupted.runId = 7;
    backend.interrupted.accountSid = backend.accountInfo.sid;
    backend.interrupted.trunkSid = backend.trunks.first().sid;
    backend.interrupted.started = QDateTime::currentDateTimeUtc().addSecs(-3600);
    backend.interrupted.migrated = 40;
    backend.interrupted.inFlight = 2;
    backend.interrupted.pending = 8;
}
} // namespace

class TestWizard : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void closingWhenIdleAsksNothing()
    {
        WizardHarness h;
        h.wizard->resize(777, 555); // within the offscreen screen (800 x 800)
        QVERIFY(h.wizard->close());
        QVERIFY(DialogSeam::askedQuestions().isEmpty());
        QVERIFY(!h.wizard->isVisible());
        QVERIFY(h.settings.contains(QStringLiteral("wizard/geometry")));
        // The next window opens at the size the last one closed with.
        MigrationWizard again(&h.backend, &h.secrets, &h.settings);
        QCOMPARE(again.size(), QSize(777, 555));
    }

    void closingDuringRunAsksThenStops()
    {
        WizardHarness h;
        h.backend.delayMs = 30;
        QVERIFY(h.driveTo(PageId::Numbers));
        NumberTableModel *numbers = h.wizard->state()->numbers();
        QTRY_COMPARE(numbers->rowCount(), 12);
        WizardHarness::click(h.find<QPushButton>(QStringLiteral("selectAllButton")));
        QVERIFY(h.migrateTicked());
        QTRY_VERIFY(h.backend.isBusy());
        QVERIFY(h.backend.isBusy());

        DialogSeam::setNextChoice(1); // keep working
        h.wizard->close();
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 1);
        drainPostedEvents();
        QVERIFY(h.wizard->isVisible());
        QCOMPARE(h.backend.cancelCalls, 0);

        DialogSeam::setNextChoice(0); // stop and close
        h.wizard->close();
        QTRY_COMPARE(h.backend.cancelCalls, 1);
        QVERIFY(h.wizard->isVisible()); // until the calls in flight are done
        QTRY_VERIFY(!h.wizard->isVisible());
        QVERIFY(!h.backend.isBusy());
        QVERIFY(numbers->countInState(NumberState::OnTrunk) > 0);
    }

    void interruptedRunOnlyMentionedAtStart()
    {
        // Nothing can be resumed before the run's account is connected: say so, do nothing.
        DialogSeam::setNextChoice(0); // OK on the notice
        QTemporaryDir scope;          // never the user's own settings
        QSettings settings(scope.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ScriptedBackend backend;
        interrupt(backend);
        SecretStore secrets(&settings);
        MigrationWizard wizard(&backend, &secrets, &settings);
        wizard.show();
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 1);
        const QString notice = DialogSeam::askedQuestions().first();
        QVERIFY(notice.contains(QStringLiteral("Migrated: 40;")));
        QVERIFY(notice.contains(QStringLiteral("Connect to account ") + backend.accountInfo.sid));
        drainPostedEvents();
        QCOMPARE(backend.log, QStringList{}); // no resume, no rollback, nothing else
    }

    void interruptedRunOfferedAfterConnect_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("called");
        QTest::newRow("resume") << 0 << QStringLiteral("resume");
        QTest::newRow("roll back") << 1 << QStringLiteral("rollback");
        QTest::newRow("later") << 2 << QString();
    }

    void interruptedRunOfferedAfterConnect()
    {
        QFETCH(int, choice);
        QFETCH(QString, called);
        WizardHarness h;
        QTRY_VERIFY(h.backend.interruptedRunCalls > 0); // past the start-up check, no run yet
        interrupt(h.backend);
        DialogSeam::setNextChoice(choice);
        DialogSeam::setNextChoice(0); // OK on the notice at the end
        QVERIFY(h.clickNext());
        QTRY_VERIFY(!DialogSeam::askedQuestions().isEmpty());
        QVERIFY(DialogSeam::askedQuestions().first().contains(QStringLiteral("Migrated: 40;")));
        // The wizard moves on once the choice is carried out, not before.
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        const int connect = int(h.backend.log.indexOf(QStringLiteral("connectAccount")));
        const int trunks = int(h.backend.log.indexOf(QStringLiteral("loadTrunks")));
        QVERIFY(connect >= 0 && trunks > connect);
        if (called.isEmpty()) {
            QVERIFY(!h.backend.log.contains(QStringLiteral("resume")));
            QVERIFY(!h.backend.log.contains(QStringLiteral("rollback")));
            QCOMPARE(DialogSeam::askedQuestions().size(), 1);
            return;
        }
        const int recovered = int(h.backend.log.indexOf(called));
        QVERIFY(recovered > connect && recovered < trunks);
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 2);
        QVERIFY(DialogSeam::askedQuestions().last().contains(
            choice == 0 ? QStringLiteral("Migrated: 10") : QStringLiteral("reverted: 42")));
    }

    void otherAccountsRunNotOffered()
    {
        WizardHarness h;
        QTRY_VERIFY(h.backend.interruptedRunCalls > 0); // past the start-up check
        interrupt(h.backend);
        h.backend.interrupted.accountSid = QStringLiteral("AC99999999999999999999999999999999");
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QVERIFY(DialogSeam::askedQuestions().isEmpty());
        QVERIFY(!h.backend.log.contains(QStringLiteral("resume")));
    }

    void failedResumeSaysWhyAndMovesOn()
    {
        WizardHarness h;
        QTRY_VERIFY(h.backend.interruptedRunCalls > 0); // past the start-up check
        interrupt(h.backend);
        h.backend.failNext.insert(MigrationBackend::Operation::Resume,
                                  ScriptedBackend::error(0, 0, QStringLiteral("Journal locked.")));
        DialogSeam::setNextChoice(0); // Resume
        DialogSeam::setNextChoice(0); // OK
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 2);
        QVERIFY(DialogSeam::askedQuestions().last().contains(QStringLiteral("Journal locked.")));
    }

    void noInterruptedRunNoQuestion()
    {
        WizardHarness h;
        QTRY_VERIFY(h.backend.interruptedRunCalls > 0); // past the start-up check
        QVERIFY(DialogSeam::askedQuestions().isEmpty());
    }

    void windowFitsTheScreen()
    {
        // Saved on a bigger screen (or at 200 %): the window opens within this one, its
        // buttons reachable.
        WizardHarness first;
        QWidget big;
        big.setGeometry(200, 150, 5000, 4000);
        first.settings.setValue(QStringLiteral("wizard/geometry"), big.saveGeometry());
        first.settings.sync();
        QSettings copy(first.settingsPath(), QSettings::IniFormat);
        SecretStore secrets(&copy);
        ScriptedBackend backend;
        MigrationWizard restored(&backend, &secrets, &copy);
        const QRect available = restored.screen()->availableGeometry();
        QVERIFY2(available.contains(restored.geometry()),
                 qPrintable(QStringLiteral("%1x%2+%3+%4 on %5x%6")
                                .arg(restored.width())
                                .arg(restored.height())
                                .arg(restored.x())
                                .arg(restored.y())
                                .arg(available.width())
                                .arg(available.height())));
        QVERIFY(restored.minimumWidth() <= available.width());
        QVERIFY(restored.minimumHeight() <= available.height());

        // A first start: no bigger than the screen either.
        WizardHarness fresh;
        QVERIFY(fresh.wizard->width() <= available.width());
        QVERIFY(fresh.wizard->height() <= available.height());
    }

    void noMnemonicClashes()
    {
        // Alt+N must mean Next on every page, not a check box that happens to share the letter.
        WizardHarness h;
        h.backend.testCalls = true; // a sandbox: the faults button is on every page too
        QStringList clashes;
        for (int id = pageIndex(PageId::Connect); id <= pageIndex(PageId::Finish); ++id) {
            QVERIFY(h.driveTo(PageId(id)));
            const QMultiMap<QChar, QString> found = mnemonicsOnPage(h.wizard);
            for (const QChar c : found.uniqueKeys()) {
                if (found.count(c) > 1)
                    clashes.append(QStringLiteral("page %1, Alt+%2: %3")
                                       .arg(id)
                                       .arg(c)
                                       .arg(found.values(c).join(QStringLiteral(" | "))));
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    }

    void sandboxFaultsFromEveryPageAfterConnect()
    {
        WizardHarness h;
        h.backend.testCalls = true;
        h.backend.apiFaults.latencyMs = 150;
        QAbstractButton *faults = h.wizard->button(QWizard::CustomButton1);
        QVERIFY(!faults->isVisible()); // Connect chooses the account; nothing to fault yet
        QVERIFY(h.driveTo(PageId::Trunk));
        QTRY_VERIFY(faults->isVisible());
        WizardHarness::click(faults);
        auto *dialog = h.wizard->findChild<QDialog *>(QStringLiteral("sandboxFaultsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *latency = dialog->findChild<QSpinBox *>(QStringLiteral("latencySpin"));
        QTRY_COMPARE(latency->value(), 150); // read from the sandbox when shown

        // Typed, then applied: the sandbox gets exactly what was entered.
        auto *fail = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("failRateSpin"));
        QVERIFY(fail->isEnabled());
        fail->setFocus();
        QTest::keyClick(fail, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(fail, QStringLiteral("25"));
        auto *limit = dialog->findChild<QSpinBox *>(QStringLiteral("rateLimitSpin"));
        QCOMPARE(limit->text(), QStringLiteral("Off"));
        limit->setFocus();
        QTest::keyClick(limit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(limit, QStringLiteral("4"));
        WizardHarness::click(dialog->findChild<QPushButton *>(QStringLiteral("applyFaultsButton")));
        QTRY_COMPARE(h.backend.apiFaults.failRate, 0.25);
        QCOMPARE(h.backend.apiFaults.rateLimit, 4);
        QCOMPARE(h.backend.apiFaults.latencyMs, 150);
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("faultsStatus"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("applies these faults")),
                     qPrintable(status->text()));
        WizardHarness::click(dialog->findChild<QPushButton *>(QStringLiteral("clearFaultsButton")));
        QTRY_VERIFY(h.backend.apiFaults == SandboxApiFaults{});
        QTRY_COMPARE(fail->value(), 0.0);

        // Back on Connect the button goes, and the panel with it.
        WizardHarness::click(h.backButton());
        QTRY_COMPARE(h.currentPage(), PageId::Connect);
        QTRY_VERIFY(!faults->isVisible());
        QVERIFY(!dialog->isVisible());
    }

    void noFaultsButtonOnARealAccount()
    {
        WizardHarness h;
        h.backend.testCalls = false;
        QVERIFY(h.driveTo(PageId::Trunk));
        QVERIFY(!h.wizard->button(QWizard::CustomButton1)->isVisible());
    }

    void mnemonicsReachTheChoices()
    {
        WizardHarness h;
        auto *account = h.find<QRadioButton>(QStringLiteral("accountRadio"));
        h.wizard->activateWindow();
        QTest::keyClick(h.wizard, Qt::Key_A, Qt::AltModifier);
        QTRY_VERIFY(account->isChecked());
        QTest::keyClick(h.wizard, Qt::Key_U, Qt::AltModifier);
        QTRY_VERIFY(h.find<QLineEdit>(QStringLiteral("accountSidEdit"))->hasFocus());
    }

    void tabFollowsTheLayout()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Numbers));
        QApplication::setActiveWindow(h.wizard);
        auto *filter = h.find<QLineEdit>(QStringLiteral("numberFilterEdit"));
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        const QStringList expected{
            QStringLiteral("stateFilterCombo"), QStringLiteral("selectAllButton"),
            QStringLiteral("selectNoneButton"), QStringLiteral("selectFilteredButton"),
            QStringLiteral("numbersTable")};
        for (const QString &name : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), name);
        }
    }

    void keyboardAloneFromConnectToFinish()
    {
        // An administrator without a mouse: Enter, Alt+letters, Tab, arrows and Space only.
        WizardHarness h;
        QApplication::setActiveWindow(h.wizard);
        QTRY_VERIFY(QApplication::focusWidget());
        const auto press = [&h](int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
            QWidget *target = QApplication::focusWidget();
            QTest::keyClick(target ? target : h.wizard, Qt::Key(key), modifiers);
        };
        const auto tabTo = [&](const QString &name) {
            for (int i = 0; i < 40 && QApplication::focusWidget()->objectName() != name; ++i)
                press(Qt::Key_Tab);
            return QApplication::focusWidget()->objectName() == name;
        };

        press(Qt::Key_Return); // Connect: the sandbox is chosen on a first run
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        auto *trunks = h.find<QTableWidget>(QStringLiteral("trunkTable"));
        QTRY_VERIFY(trunks->rowCount() == 2 && trunks->hasFocus()); // one key from a choice
        QVERIFY(!h.nextButton()->isEnabled());
        press(Qt::Key_Space);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        QCOMPARE(trunks->currentRow(), 0);
        press(Qt::Key_Return);
        QTRY_COMPARE(h.currentPage(), PageId::Calls);
        QTRY_VERIFY(h.nextButton()->isEnabled()); // the report came
        press(Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(h.currentPage(), PageId::Inbound);
        press(Qt::Key_D, Qt::AltModifier); // Deploy step 1
        QTRY_VERIFY(h.wizard->state()->hasInbound());
        press(Qt::Key_Return);
        QTRY_COMPARE(h.currentPage(), PageId::Outbound);
        QTRY_VERIFY(h.find<QPushButton>(QStringLiteral("deployOutboundButton"))->isEnabled());
        press(Qt::Key_D, Qt::AltModifier); // Deploy step 2 (with the spare test number)
        QTRY_VERIFY(h.wizard->state()->hasOutbound());
        press(Qt::Key_Return);
        QTRY_COMPARE(h.currentPage(), PageId::Cutover);
        for (int key : {Qt::Key_O, Qt::Key_P, Qt::Key_T}) // the checklist's three ticks
            press(key, Qt::AltModifier);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        press(Qt::Key_Return);
        QTRY_COMPARE(h.currentPage(), PageId::Numbers);

        NumberTableModel *model = h.wizard->state()->numbers();
        QTRY_COMPARE(model->rowCount(), 12);
        QVERIFY(tabTo(QStringLiteral("numbersTable")));
        press(Qt::Key_Home);
        press(Qt::Key_Space);
        press(Qt::Key_Down);
        press(Qt::Key_Space);
        auto *shown = h.find<QLabel>(QStringLiteral("numbersShownTicked"));
        QTRY_VERIFY2(shown->text().contains(QStringLiteral("2 ticked")), qPrintable(shown->text()));
        press(Qt::Key_M, Qt::AltModifier); // Migrate 2 ticked…
        QDialog *plan = nullptr;
        QTRY_VERIFY((plan = h.planDialog()) != nullptr);
        QTRY_VERIFY(plan->isActiveWindow() || plan->isVisible());
        // Enter there is Cancel (a mass change never starts by accident): Alt+M confirms.
        QTest::keyClick(plan, Qt::Key_M, Qt::AltModifier);
        QTRY_COMPARE(model->countInState(NumberState::Migrated), 2);
        QTRY_VERIFY(h.nextButton()->isEnabled());
        press(Qt::Key_Return);
        QTRY_COMPARE(h.currentPage(), PageId::Finish);
        QVERIFY(h.wizard->isVisible());
        press(Qt::Key_Return); // Finish
        QTRY_VERIFY(!h.wizard->isVisible());
        QCOMPARE(h.wizard->result(), int(QDialog::Accepted));
    }

    void focusChainIsNamedOnEveryPage()
    {
        // Walked as a screen-reader user walks it: every stop of Tab on every page says what
        // it is.
        WizardHarness h;
        h.backend.testCalls = true;
        QApplication::setActiveWindow(h.wizard);
        QStringList unnamed;
        for (int id = pageIndex(PageId::Connect); id <= pageIndex(PageId::Finish); ++id) {
            QVERIFY(h.driveTo(PageId(id)));
            QTRY_VERIFY(QApplication::focusWidget());
            QWidget *first = QApplication::focusWidget();
            QSet<QWidget *> seen;
            for (int i = 0; i < 80; ++i) {
                QWidget *w = QApplication::focusWidget();
                if (!w || (i > 0 && w == first) || seen.contains(w))
                    break;
                seen.insert(w);
                const auto *button = qobject_cast<QAbstractButton *>(w);
                const bool named = !w->accessibleName().isEmpty() ||
                                   (button && !button->text().remove(u'&').trimmed().isEmpty());
                if (!named)
                    unnamed.append(QStringLiteral("page %1: %2 %3")
                                       .arg(id)
                                       .arg(QString::fromLatin1(w->metaObject()->className()),
                                            w->objectName()));
                QTest::keyClick(w, Qt::Key_Tab);
            }
            QVERIFY2(seen.size() > 2, qPrintable(QStringLiteral("page %1: focus stuck").arg(id)));
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }

    void everyControlIsNamed()
    {
        WizardHarness h;
        QVERIFY(h.driveTo(PageId::Finish));
        QStringList unnamed;
        const QList<QWidget *> widgets = h.wizard->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool interactive = qobject_cast<QAbstractButton *>(w) ||
                                     qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                     qobject_cast<QAbstractItemView *>(w);
            // Qt's own pieces: headers and corner buttons of views, a line edit's clear button,
            // a combo box's popup.
            QWidget *parent = w->parentWidget();
            if (!interactive || qobject_cast<QHeaderView *>(w) ||
                qobject_cast<QAbstractItemView *>(parent) || qobject_cast<QLineEdit *>(parent) ||
                qobject_cast<QComboBox *>(parent) || w->inherits("QComboBoxListView") ||
                w->objectName().startsWith(QLatin1String("qt_")))
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(w);
            const bool named =
                !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            if (w->objectName().isEmpty() || !named)
                unnamed.append(QString::fromLatin1(w->metaObject()->className()) + u' ' +
                               w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
