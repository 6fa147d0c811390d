#pragma once

#include "pageid.h"

#include <QWizard>

class ConnectPage;
class MigrationBackend;
class QSettings;
class RecoveryController;
class SandboxFaultsDialog;
class SecretStore;
class WizardState;

// The migration wizard. Thin on purpose: it creates the pages, hands each the backend and the
// shared state, remembers its geometry, mentions an interrupted run when first shown and offers
// to recover it right after its account is connected, and refuses to vanish in the middle of a
// run: closing then asks first, stops the engine and closes once the calls in flight have
// finished.
class MigrationWizard : public QWizard
{
    Q_OBJECT
public:
    // None of the arguments is owned; all must outlive the wizard.
    MigrationWizard(MigrationBackend *backend, SecretStore *secrets, QSettings *settings,
                    QWidget *parent = nullptr);

    // --sandbox: start on the built-in sandbox whatever was chosen last time.
    void preferSandbox();
    WizardState *state() const { return m_state; }

    void reject() override;
    void done(int result) override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Shrinks and moves the window into the available area of its screen.
    void fitToScreen(bool restored);
    void closeWhenStopped();
    void updateSandboxButton();
    void showSandboxFaults();

    MigrationBackend *m_backend;
    QSettings *m_settings;
    WizardState *m_state;
    ConnectPage *m_connect;
    RecoveryController *m_recovery;
    SandboxFaultsDialog *m_faults = nullptr;
    bool m_offeredRecovery = false;
    bool m_closeWhenStopped = false;
};
