#include "connectpage.h"

#include "accountform.h"
#include "dialogseam.h"
#include "errortext.h"
#include "migrationbackend.h"
#include "secretserviceprobe.h"
#include "secretstore.h"
#include "uilogging.h"
#include "wizardstate.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QWizard>

namespace {
const QString kSandbox = QStringLiteral("connection/sandbox");
const QString kKeepSandbox = QStringLiteral("connection/keepSandbox");
constexpr int kProbeTimeoutMs = 3000;
} // namespace

ConnectPage::ConnectPage(MigrationBackend *backend, WizardState *state, SecretStore *secrets,
                         QSettings *settings, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_secrets(secrets)
    , m_settings(settings)
    , m_probe(new SecretServiceProbe(this))
    , m_sandbox(new QRadioButton(tr("Built-in &sandbox (try it without an account)"), this))
    , m_keepSandbox(new QCheckBox(
          tr("Kee&p this sandbox between runs (to try resuming after a crash)"), this))
    , m_resetSandbox(new QPushButton(tr("Reset the kept sandbo&x…"), this))
    , m_account(new QRadioButton(tr("My Twilio &account"), this))
    , m_form(new AccountForm(this))
    , m_keychainNote(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("connectPage"));
    setTitle(tr("Connect"));
    setSubTitle(tr("Try the migration on a built-in sandbox account, or connect to the Twilio "
                   "account that holds your Elastic SIP Trunk."));
    m_sandbox->setObjectName(QStringLiteral("sandboxRadio"));
    m_account->setObjectName(QStringLiteral("accountRadio"));
    m_keepSandbox->setObjectName(QStringLiteral("keepSandboxCheck"));
    m_keepSandbox->setToolTip(
        tr("The sandbox account and its journal are kept on this computer, so after closing or "
           "killing the window the next start can resume or roll back an unfinished run."));
    m_resetSandbox->setObjectName(QStringLiteral("resetSandboxButton"));
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("connectStatus"));
    m_status->setAccessibleName(tr("Connection status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_sandbox);
    choice->addButton(m_account);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sandbox);
    auto *sandboxRow = new QHBoxLayout;
    sandboxRow->setContentsMargins(24, 0, 0, 0);
    sandboxRow->addWidget(m_keepSandbox);
    sandboxRow->addWidget(m_resetSandbox);
    sandboxRow->addStretch(1);
    layout->addLayout(sandboxRow);
    layout->addWidget(m_account);
    auto *indented = new QVBoxLayout;
    indented->setContentsMargins(24, 0, 0, 0);
    indented->addWidget(m_form);
    indented->addWidget(m_keychainNote);
    layout->addLayout(indented);
    layout->addWidget(m_status);
    layout->addStretch(1);

    // A first run has no choice stored: the sandbox lets a new user look around safely.
    m_form->restore(*m_settings);
    (m_settings->value(kSandbox, true).toBool() ? m_sandbox : m_account)->setChecked(true);
    m_keepSandbox->setChecked(m_settings->value(kKeepSandbox, false).toBool());
    updateEnabled();

    connect(m_keepSandbox, &QCheckBox::toggled, this, &ConnectPage::invalidate);
    connect(m_resetSandbox, &QPushButton::clicked, this, &ConnectPage::askToResetKeptSandbox);
    connect(m_account, &QRadioButton::toggled, this, [this](bool account) {
        updateEnabled();
        invalidate();
        if (account)
            loadRememberedSecret();
    });
    connect(m_form, &AccountForm::changed, this, &ConnectPage::invalidate);
    connect(m_form, &AccountForm::rememberToggled, this, &ConnectPage::checkKeychain);
}

void ConnectPage::preferSandbox()
{
    m_sandbox->setChecked(true);
}

void ConnectPage::initializePage()
{
    loadRememberedSecret();
}

bool ConnectPage::isComplete() const
{
    if (m_verifying)
        return false;
    return m_sandbox->isChecked() || m_form->isValid();
}

bool ConnectPage::validatePage()
{
    if (m_verified)
        return true;
    if (!m_verifying)
        startVerification();
    // The answer comes with the connect job; onConnected() moves the wizard on.
    return false;
}

ConnectionSettings ConnectPage::currentSettings() const
{
    if (m_sandbox->isChecked()) {
        ConnectionSettings sandbox;
        sandbox.keepSandbox = m_keepSandbox->isChecked();
        return sandbox;
    }
    return m_form->settings();
}

void ConnectPage::startVerification()
{
    const ConnectionSettings settings = currentSettings();
    qCInfo(lcUi) << "verifying account"
                 << (settings.sandbox ? QStringLiteral("sandbox") : settings.accountSid);
    setBusy(true);
    m_status->setText(settings.sandbox ? tr("Starting the built-in sandbox…")
                                       : tr("Checking the credentials with Twilio…"));
    ConnectJob *job = m_backend->connectAccount(settings);
    job->onFinished(this, [this](const AccountInfo &account) { onConnected(account); });
    connect(job, &BackendJob::failed, this, &ConnectPage::onFailed);
}

void ConnectPage::onConnected(const AccountInfo &account)
{
    if (!m_verifying)
        return;
    setBusy(false);
    m_verified = true;
    m_state->setConnection(currentSettings());
    m_state->setAccount(account);
    m_settings->setValue(kSandbox, m_sandbox->isChecked());
    m_settings->setValue(kKeepSandbox, m_keepSandbox->isChecked());
    m_form->save(*m_settings);
    if (!account.sandbox)
        storeOrForgetSecret();
    m_status->setText(tr("Connected to %1 (%2).")
                          .arg(account.friendlyName.toHtmlEscaped(), account.sid.toHtmlEscaped()));
    emit verified(account);
}

void ConnectPage::onFailed(const OperationError &error)
{
    setBusy(false);
    m_status->setText(tr("Could not connect: %1").arg(ErrorText::html(error)));
}

void ConnectPage::invalidate()
{
    // Any edit means the verified account may no longer be the one on screen, and an earlier
    // "Could not connect" was about other input.
    m_verified = false;
    if (!m_verifying)
        m_status->clear();
    emit completeChanged();
}

void ConnectPage::updateEnabled()
{
    m_form->setEnabled(m_account->isChecked() && !m_verifying);
    m_keepSandbox->setEnabled(m_sandbox->isChecked() && !m_verifying);
    m_resetSandbox->setEnabled(m_sandbox->isChecked() && !m_verifying);
    m_keychainNote->setVisible(m_account->isChecked() && !m_keychainNote->text().isEmpty());
}

void ConnectPage::setBusy(bool busy)
{
    m_verifying = busy;
    m_sandbox->setEnabled(!busy);
    m_account->setEnabled(!busy);
    updateEnabled();
    emit completeChanged();
}

void ConnectPage::loadRememberedSecret()
{
    // Only for an account the user is about to use: reading may make the keyring prompt.
    if (!m_account->isChecked())
        return;
    const ConnectionSettings settings = m_form->settings();
    if (settings.accountSid.isEmpty() || !m_form->secret().isEmpty())
        return;
    if (m_secrets->rememberedCredentialSid(settings.accountSid) != m_form->credentialSid())
        return;
    m_keychainNote->setText(tr("Reading the saved secret from the keychain…"));
    updateEnabled();
    const QString accountSid = settings.accountSid;
    // The store may outlive this page; a QPointer keeps a late answer from touching it.
    QPointer<ConnectPage> self(this);
    m_secrets->load(accountSid, m_form->credentialSid(), [self, accountSid](const SecretReply &r) {
        if (!self)
            return;
        self->applyLoadedSecret(accountSid, r);
    });
}

void ConnectPage::applyLoadedSecret(const QString &accountSid, const SecretReply &r)
{
    // The user may have typed another account or a secret while the keychain was asked.
    if (r.ok() && m_form->settings().accountSid == accountSid && m_form->secret().isEmpty()) {
        m_form->setSecret(r.secret);
        m_form->setRememberSecret(true);
        m_keychainNote->setText(tr("The secret was read from the keychain."));
    } else {
        m_keychainNote->setText(r.ok() ? QString() : r.message);
    }
    updateEnabled();
}

void ConnectPage::checkKeychain(bool remember)
{
    if (!remember) {
        m_keychainNote->clear();
        updateEnabled();
        return;
    }
    // Say before Next whether remembering can work, rather than after the page is gone.
    QPointer<ConnectPage> self(this);
    m_probe->probe(kProbeTimeoutMs, [self](bool available, const QString &) {
        if (!self)
            return;
        self->m_keychainNote->setText(
            available ? tr("The secret will be kept in this computer's keychain.")
                      : tr("No keychain available; the secret will be kept for this session "
                           "only."));
        self->updateEnabled();
    });
}

void ConnectPage::storeOrForgetSecret()
{
    const QString accountSid = m_form->settings().accountSid;
    const QString credentialSid = m_form->credentialSid();
    QPointer<ConnectPage> self(this);
    const auto report = [self](const SecretReply &reply) {
        if (!reply.ok())
            qCWarning(lcUi) << "keychain:" << reply.message;
        if (self)
            self->showKeychainReply(reply);
    };
    if (m_form->rememberSecret())
        m_secrets->store(accountSid, credentialSid, m_form->secret(), report);
    else if (!m_secrets->rememberedCredentialSid(accountSid).isEmpty())
        m_secrets->remove(accountSid, credentialSid, report);
}

void ConnectPage::showKeychainReply(const SecretReply &reply)
{
    if (reply.status == SecretStatus::NoBackend) {
        m_keychainNote->setText(
            tr("No keychain available; the secret will be kept for this session only."));
    } else if (!reply.ok() && reply.status != SecretStatus::NotFound) {
        m_keychainNote->setText(reply.message);
    }
    updateEnabled();
}

void ConnectPage::askToResetKeptSandbox()
{
    DialogSeam::choose(
        this, tr("Reset the kept sandbox"),
        tr("The kept sandbox account and its journal are deleted: every change made on it and "
           "any unfinished run are gone, and the next connect starts a fresh demo account."),
        {tr("&Reset"), tr("Cancel")}, 1, this, [this](int choice) {
            if (choice != 0)
                return;
            const QString problem = m_backend->resetKeptSandbox();
            if (!problem.isEmpty()) {
                m_status->setText(
                    tr("The kept sandbox was not reset: %1").arg(problem.toHtmlEscaped()));
                return;
            }
            // The account in use may have been the kept one: whatever was verified is gone.
            invalidate();
            m_status->setText(
                tr("The kept sandbox was reset; the next connect starts a fresh one."));
        });
}
