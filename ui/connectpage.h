#pragma once

#include "migrationtypes.h"

#include <QWizardPage>

class AccountForm;
class MigrationBackend;
class QCheckBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSettings;
class SecretServiceProbe;
class SecretStore;
struct SecretReply;
class WizardState;

// Page 1: the built-in sandbox (thrown away on exit, or kept between runs and reset on demand)
// or a Twilio account (or a standalone sandbox by base URL). Formats are checked as the user types;
// Next then asks the engine to verify the credentials (Next stays disabled meanwhile) and the
// wizard moves on only when the account answered (verified()). The secret lives in memory, and in
// the OS keychain only when the user asks to remember it.
class ConnectPage : public QWizardPage
{
    Q_OBJECT
public:
    ConnectPage(MigrationBackend *backend, WizardState *state, SecretStore *secrets,
                QSettings *settings, QWidget *parent = nullptr);

    // --sandbox: start on the built-in sandbox whatever was chosen last time.
    void preferSandbox();

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    bool isVerifying() const { return m_verifying; }

signals:
    // The account answered; the wizard moves on (after any recovery of an interrupted run).
    void verified(const AccountInfo &account);

private:
    ConnectionSettings currentSettings() const;
    void startVerification();
    void onConnected(const AccountInfo &account);
    void onFailed(const OperationError &error);
    void invalidate();
    void updateEnabled();
    void loadRememberedSecret();
    void applyLoadedSecret(const QString &accountSid, const SecretReply &reply);
    void showKeychainReply(const SecretReply &reply);
    void checkKeychain(bool remember);
    void storeOrForgetSecret();
    void setBusy(bool busy);
    void askToResetKeptSandbox();

    MigrationBackend *m_backend;
    WizardState *m_state;
    SecretStore *m_secrets;
    QSettings *m_settings;
    SecretServiceProbe *m_probe;
    QRadioButton *m_sandbox;
    QCheckBox *m_keepSandbox; // a kept account, so a crash and its resume can be tried
    QPushButton *m_resetSandbox;
    QRadioButton *m_account;
    AccountForm *m_form;
    QLabel *m_keychainNote;
    QLabel *m_status;
    bool m_verifying = false;
    bool m_verified = false;
};
