// The Connect page: sandbox or account, SID checks as the user types, verification through the
// engine before moving on, and what is (not) stored.
#include "dialogseam.h"
#include "wizardharness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace {
const QString kAccountSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kKeySid = QStringLiteral("SKfedcba9876543210fedcba9876543210");
const QString kSecret = QStringLiteral("f00dfeedf00dfeedf00dfeedf00dfeed"); // 32 hex
const QString kKeySecret = QStringLiteral("Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lm");

void chooseAccount(WizardHarness &h, const QString &sid, const QString &secret)
{
    WizardHarness::click(h.find<QRadioButton>(QStringLiteral("accountRadio")));
    QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("accountSidEdit")), sid);
    QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("secretEdit")), secret);
}
} // namespace

class TestConnectPage : public QObject
{
    Q_OBJECT
private slots:
    void init() { DialogSeam::clear(); }

    void sandboxIsDefaultOnFirstRun()
    {
        WizardHarness h;
        QVERIFY(h.find<QRadioButton>(QStringLiteral("sandboxRadio"))->isChecked());
        QVERIFY(!h.find<QLineEdit>(QStringLiteral("accountSidEdit"))->isEnabled());
        QVERIFY(h.nextButton()->isEnabled());
    }

    void accountSidCheckedAsTyped()
    {
        WizardHarness h;
        chooseAccount(h, QStringLiteral("AC123"), kSecret);
        auto *message = h.find<QLabel>(QStringLiteral("accountSidEditMessage"));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("32 hexadecimal")),
                 qPrintable(message->text()));
        QVERIFY(!h.nextButton()->isEnabled());

        auto *sid = h.find<QLineEdit>(QStringLiteral("accountSidEdit"));
        sid->clear();
        QTest::keyClicks(sid, kAccountSid);
        QVERIFY(!message->isVisible());
        QVERIFY(h.nextButton()->isEnabled());
    }

    void apiKeyNeedsKeySid()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("apiKeyRadio")));
        QVERIFY(!h.nextButton()->isEnabled());
        auto *keySid = h.find<QLineEdit>(QStringLiteral("apiKeySidEdit"));
        QTest::keyClicks(keySid, kAccountSid); // an AC SID where an SK one belongs
        QVERIFY(h.find<QLabel>(QStringLiteral("apiKeySidEditMessage"))->isVisible());
        QVERIFY(!h.nextButton()->isEnabled());
        keySid->clear();
        QTest::keyClicks(keySid, kKeySid);
        QVERIFY(!h.nextButton()->isEnabled()); // the auth token is not the key's secret
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("secretEdit")), kKeySecret);
        QVERIFY(h.nextButton()->isEnabled());
    }

    void secretLengthChecked()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, QStringLiteral("abc"));
        auto *message = h.find<QLabel>(QStringLiteral("secretEditMessage"));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("32 hexadecimal digits")),
                 qPrintable(message->text()));
        QVERIFY(!message->text().contains(QStringLiteral("abc"))); // never repeats a secret
        QVERIFY(!h.nextButton()->isEnabled());
        auto *secret = h.find<QLineEdit>(QStringLiteral("secretEdit"));
        secret->clear();
        QTest::keyClicks(secret, kSecret);
        QVERIFY(!message->isVisible());
        QVERIFY(h.nextButton()->isEnabled());
    }

    void tokenAndKeySecretKeptApart()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        auto *secret = h.find<QLineEdit>(QStringLiteral("secretEdit"));
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("apiKeyRadio")));
        // The auth token typed a moment ago is not offered as the API key's secret.
        QVERIFY(secret->text().isEmpty());
        QCOMPARE(secret->accessibleName(), QStringLiteral("API key secret"));
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("apiKeySidEdit")), kKeySid);
        QTest::keyClicks(secret, kSecret.left(31) + u'!');
        QVERIFY(h.find<QLabel>(QStringLiteral("secretEditMessage"))->isVisible());
        secret->clear();
        QTest::keyClicks(secret, kKeySecret);
        QVERIFY(h.nextButton()->isEnabled());
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("authTokenRadio")));
        QCOMPARE(secret->text(), kSecret);
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("apiKeyRadio")));
        QCOMPARE(secret->text(), kKeySecret);
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QCOMPARE(h.backend.lastConnection.apiKeySid, kKeySid);
        QCOMPARE(h.backend.lastConnection.secret, kKeySecret);
    }

    void errorClearedWhenChoiceChanges()
    {
        WizardHarness h;
        h.backend.failNext.insert(
            MigrationBackend::Operation::Connect,
            ScriptedBackend::error(0, 0, QStringLiteral("Could not reach Twilio.")));
        chooseAccount(h, kAccountSid, kSecret);
        QVERIFY(h.clickNext());
        auto *status = h.find<QLabel>(QStringLiteral("connectStatus"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("Could not reach Twilio.")));
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("sandboxRadio")));
        QVERIFY2(status->text().isEmpty(), qPrintable(status->text()));
    }

    void us1OfferedOnce()
    {
        WizardHarness h;
        auto *region = h.find<QComboBox>(QStringLiteral("regionCombo"));
        QStringList shown;
        for (int i = 0; i < region->count(); ++i)
            shown.append(region->itemText(i));
        QCOMPARE(shown.filter(QStringLiteral("us1")).size(), 1);
    }

    void invalidSidsNeverSaved()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        // A malformed key SID typed, then the auth token chosen after all.
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("apiKeyRadio")));
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("apiKeySidEdit")),
                         QStringLiteral("SK-not-a-sid"));
        WizardHarness::click(h.find<QRadioButton>(QStringLiteral("authTokenRadio")));
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        h.settings.sync();
        QVERIFY(!h.settings.contains(QStringLiteral("connection/apiKeySid")));
        QCOMPARE(h.settings.value(QStringLiteral("connection/accountSid")).toString(), kAccountSid);

        // Settings edited by hand come back empty rather than as an invalid SID.
        h.settings.setValue(QStringLiteral("connection/accountSid"), QStringLiteral("ACxyz"));
        h.settings.sync();
        QSettings copy(h.settingsPath(), QSettings::IniFormat);
        SecretStore secrets(&copy);
        ScriptedBackend backend;
        MigrationWizard again(&backend, &secrets, &copy);
        QVERIFY(again.findChild<QLineEdit *>(QStringLiteral("accountSidEdit"))->text().isEmpty());
    }

    void keptSandboxGoesToTheEngineAndIsRemembered()
    {
        WizardHarness h;
        auto *keep = h.find<QCheckBox>(QStringLiteral("keepSandboxCheck"));
        QVERIFY(keep->isEnabled());
        QVERIFY(!keep->isChecked());
        WizardHarness::click(keep);
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QVERIFY(h.backend.lastConnection.sandbox);
        QVERIFY(h.backend.lastConnection.keepSandbox);
        h.settings.sync();
        QSettings copy(h.settingsPath(), QSettings::IniFormat);
        SecretStore secrets(&copy);
        ScriptedBackend backend;
        MigrationWizard again(&backend, &secrets, &copy);
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("keepSandboxCheck"))->isChecked());

        // Only the sandbox is kept: with an account chosen the option does not apply.
        WizardHarness::click(again.findChild<QRadioButton *>(QStringLiteral("accountRadio")));
        QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("keepSandboxCheck"))->isEnabled());
    }

    void resetAsksFirstAndSaysWhatHappened()
    {
        WizardHarness h;
        auto *reset = h.find<QPushButton>(QStringLiteral("resetSandboxButton"));
        auto *status = h.find<QLabel>(QStringLiteral("connectStatus"));
        DialogSeam::setNextChoice(1); // Cancel
        WizardHarness::click(reset);
        QTRY_COMPARE(DialogSeam::askedQuestions().size(), 1);
        QVERIFY2(DialogSeam::askedQuestions().constFirst().contains(QStringLiteral("deleted")),
                 qPrintable(DialogSeam::askedQuestions().constFirst()));
        QCOMPARE(h.backend.resetCalls, 0);

        h.backend.resetAnswer = QStringLiteral("The kept sandbox is in use by another process.");
        DialogSeam::setNextChoice(0);
        WizardHarness::click(reset);
        QTRY_COMPARE(h.backend.resetCalls, 1);
        QVERIFY2(status->text().contains(QStringLiteral("not reset")) &&
                     status->text().contains(QStringLiteral("in use by another process")),
                 qPrintable(status->text()));

        h.backend.resetAnswer.clear();
        DialogSeam::setNextChoice(0);
        WizardHarness::click(reset);
        QTRY_COMPARE(h.backend.resetCalls, 2);
        QVERIFY2(status->text().contains(QStringLiteral("was reset")), qPrintable(status->text()));
    }

    void standaloneSandboxByBaseUrl()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        auto *baseUrl = h.find<QLineEdit>(QStringLiteral("baseUrlEdit"));
        auto *region = h.find<QComboBox>(QStringLiteral("regionCombo"));
        QVERIFY(region->isEnabled());
        // Plain http only to this computer, and never with credentials in it.
        for (const QString &bad :
             {QStringLiteral("http://sandbox.example.com:8080"),
              QStringLiteral("http://AC1:token@127.0.0.1:4010"), QStringLiteral("not a url")}) {
            baseUrl->clear();
            QTest::keyClicks(baseUrl, bad);
            QVERIFY2(!h.nextButton()->isEnabled(), qPrintable(bad));
            QVERIFY(h.find<QLabel>(QStringLiteral("baseUrlEditMessage"))->isVisible());
        }
        baseUrl->clear();
        QTest::keyClicks(baseUrl, QStringLiteral("http://127.0.0.1:4010"));
        QVERIFY(h.nextButton()->isEnabled());
        QVERIFY(!region->isEnabled()); // a standalone sandbox has no regions
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QCOMPARE(h.backend.lastConnection.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:4010")));
        QVERIFY(!h.backend.lastConnection.sandbox);
        QVERIFY(h.backend.lastConnection.region.isEmpty());
        h.settings.sync();
        QCOMPARE(h.settings.value(QStringLiteral("connection/baseUrl")).toString(),
                 QStringLiteral("http://127.0.0.1:4010"));
    }

    void regionPairsWithEdge()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        auto *region = h.find<QComboBox>(QStringLiteral("regionCombo"));
        auto *edge = h.find<QComboBox>(QStringLiteral("edgeCombo"));
        region->setCurrentIndex(region->findData(QStringLiteral("au1")));
        QCOMPARE(edge->currentData().toString(), QStringLiteral("sydney"));
        region->setCurrentIndex(region->findData(QStringLiteral("ie1")));
        QCOMPARE(edge->currentData().toString(), QStringLiteral("dublin"));
    }

    void verifiesBeforeMovingOn()
    {
        WizardHarness h;
        h.backend.delayMs = 50;
        chooseAccount(h, kAccountSid, kSecret);
        QVERIFY(h.clickNext());
        // Still on Connect while the account is checked, with Next disabled.
        QCOMPARE(h.currentPage(), PageId::Connect);
        QVERIFY(!h.nextButton()->isEnabled());
        QCOMPARE(h.backend.log, QStringList{QStringLiteral("connectAccount")});
        QCOMPARE(h.backend.lastConnection.sandbox, false);
        QCOMPARE(h.backend.lastConnection.accountSid, kAccountSid);
        QCOMPARE(h.backend.lastConnection.secret, kSecret);
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QCOMPARE(h.wizard->state()->account().sid, h.backend.accountInfo.sid);
    }

    void sandboxConnectsWithSandboxSettings()
    {
        WizardHarness h;
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        QVERIFY(h.backend.lastConnection.sandbox);
        QVERIFY(h.backend.lastConnection.secret.isEmpty());
    }

    void failedVerificationStaysWithError()
    {
        WizardHarness h;
        h.backend.failNext.insert(
            MigrationBackend::Operation::Connect,
            ScriptedBackend::error(401, 20003, QStringLiteral("Authentication failed.")));
        chooseAccount(h, kAccountSid, kSecret);
        QVERIFY(h.clickNext());
        auto *status = h.find<QLabel>(QStringLiteral("connectStatus"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("Authentication failed.")));
        QVERIFY(status->text().contains(
            QStringLiteral("href=\"https://www.twilio.com/docs/errors/20003\"")));
        QCOMPARE(h.currentPage(), PageId::Connect);
        QVERIFY(h.nextButton()->isEnabled()); // the user may correct and try again
    }

    void settingsKeepSidsNeverSecret()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        QVERIFY(h.clickNext());
        QTRY_COMPARE(h.currentPage(), PageId::Trunk);
        h.settings.sync();
        QFile file(h.settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains(kAccountSid.toLatin1()));
        QVERIFY(!stored.contains(kSecret.toLatin1()));
        QCOMPARE(h.settings.value(QStringLiteral("connection/sandbox")).toBool(), false);
    }

    void rememberWithoutKeychainSaysSessionOnly()
    {
        WizardHarness h;
        chooseAccount(h, kAccountSid, kSecret);
        WizardHarness::click(h.find<QCheckBox>(QStringLiteral("rememberSecretCheck")));
        auto *note = h.find<QLabel>(QStringLiteral("keychainNote"));
        QTRY_COMPARE(note->text(), QStringLiteral("No keychain available; the secret will be "
                                                  "kept for this session only."));
        QVERIFY(note->isVisible());
    }

    void lastChoiceRestoredAndSandboxFlagWins()
    {
        WizardHarness first;
        chooseAccount(first, kAccountSid, kSecret);
        QVERIFY(first.clickNext());
        QTRY_COMPARE(first.currentPage(), PageId::Trunk);
        first.settings.sync();

        QSettings copy(first.settingsPath(), QSettings::IniFormat);
        SecretStore secrets(&copy);
        ScriptedBackend backend;
        MigrationWizard again(&backend, &secrets, &copy);
        auto *sidEdit = again.findChild<QLineEdit *>(QStringLiteral("accountSidEdit"));
        QVERIFY(again.findChild<QRadioButton *>(QStringLiteral("accountRadio"))->isChecked());
        QCOMPARE(sidEdit->text(), kAccountSid);
        QVERIFY(again.findChild<QLineEdit *>(QStringLiteral("secretEdit"))->text().isEmpty());
        again.preferSandbox();
        QVERIFY(again.findChild<QRadioButton *>(QStringLiteral("sandboxRadio"))->isChecked());
    }
};

QTEST_MAIN(TestConnectPage)
#include "tst_connectpage.moc"
