#include "migrationwizard.h"

#include "connectpage.h"
#include "cutoverpage.h"
#include "dialogseam.h"
#include "equivalencepage.h"
#include "finishpage.h"
#include "inboundpage.h"
#include "migrationbackend.h"
#include "numberspage.h"
#include "outboundpage.h"
#include "recoverycontroller.h"
#include "sandboxfaultsdialog.h"
#include "trunkpage.h"
#include "uilogging.h"
#include "windowfit.h"
#include "wizardstate.h"

#include <QAbstractButton>
#include <QGuiApplication>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QTimer>

namespace {
const QString kGeometry = QStringLiteral("wizard/geometry");
}

MigrationWizard::MigrationWizard(MigrationBackend *backend, SecretStore *secrets,
                                 QSettings *settings, QWidget *parent)
    : QWizard(parent)
    , m_backend(backend)
    , m_settings(settings)
    , m_state(new WizardState(this))
    , m_connect(new ConnectPage(backend, m_state, secrets, settings, this))
    , m_recovery(new RecoveryController(backend, this))
{
    setObjectName(QStringLiteral("migrationWizard"));
    setWindowTitle(tr("Trunk Migrator"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(pageIndex(PageId::Connect), m_connect);
    setPage(pageIndex(PageId::Trunk), new TrunkPage(backend, m_state, this));
    setPage(pageIndex(PageId::Calls), new EquivalencePage(backend, m_state, this));
    setPage(pageIndex(PageId::Inbound), new InboundPage(backend, m_state, this));
    setPage(pageIndex(PageId::Outbound), new OutboundPage(backend, m_state, this));
    setPage(pageIndex(PageId::Cutover), new CutoverPage(backend, m_state, this));
    auto *numbers = new NumbersPage(backend, m_state, this);
    setPage(pageIndex(PageId::Numbers), numbers);
    setPage(pageIndex(PageId::Finish), new FinishPage(backend, m_state, this));
    setStartId(pageIndex(PageId::Connect));
    for (const WizardButton which :
         {BackButton, NextButton, CommitButton, FinishButton, CancelButton}) {
        if (QAbstractButton *b = button(which))
            b->setObjectName(QStringLiteral("wizardButton%1").arg(int(which)));
    }

    // Sized from the font so the pages fit at any scale, wide enough for every column of the
    // numbers table; a saved geometry wins. Either is then kept within the screen.
    const QFontMetrics metrics = fontMetrics();
    setMinimumSize(metrics.averageCharWidth() * 100, metrics.height() * 36);
    resize(qMax(metrics.averageCharWidth() * 160,
                numbers->tableWidth() + metrics.averageCharWidth() * 10),
           metrics.height() * 50);
    fitToScreen(restoreGeometry(m_settings->value(kGeometry).toByteArray()));

    // Connected: an interrupted run of that account is offered before the wizard moves on, so
    // its recovery never competes with the next page's requests.
    connect(m_connect, &ConnectPage::verified, this, [this](const AccountInfo &account) {
        m_recovery->offerAfterConnect(account, [this] {
            if (currentId() == pageIndex(PageId::Connect))
                next();
        });
    });
    // Enter means Next (or Finish) on every page: a button inside a page that had the focus
    // must not take over as the dialog's default (step 3's "Copy the whole sheet" did).
    connect(this, &QWizard::currentIdChanged, this, [this] {
        if (QWizardPage *page = currentPage()) {
            for (QPushButton *b : page->findChildren<QPushButton *>())
                b->setAutoDefault(false);
        }
    });
    connect(m_backend, &MigrationBackend::busyChanged, this, [this](bool busy) {
        if (!busy)
            closeWhenStopped();
    });

    // On a sandbox the faults panel is one click away from every page after Connect.
    setButtonText(CustomButton1, tr("Sandbox: in&ject faults…"));
    button(CustomButton1)->setObjectName(QStringLiteral("sandboxFaultsButton"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == CustomButton1)
            showSandboxFaults();
    });
    connect(this, &QWizard::currentIdChanged, this, &MigrationWizard::updateSandboxButton);
    connect(m_connect, &ConnectPage::verified, this, &MigrationWizard::updateSandboxButton);
    updateSandboxButton();
}

void MigrationWizard::updateSandboxButton()
{
    const bool show = m_backend->canPlaceTestCalls() && currentId() != pageIndex(PageId::Connect);
    setOption(HaveCustomButton1, show);
    if (!show && m_faults)
        m_faults->hide();
}

void MigrationWizard::showSandboxFaults()
{
    if (!m_faults)
        m_faults = new SandboxFaultsDialog(m_backend, this);
    m_faults->show();
    m_faults->raise();
    m_faults->activateWindow();
}

void MigrationWizard::preferSandbox()
{
    m_connect->preferSandbox();
}

void MigrationWizard::reject()
{
    if (!m_backend->isBusy()) {
        QWizard::reject();
        return;
    }
    if (m_closeWhenStopped)
        return;
    DialogSeam::choose(
        this, tr("Stop and close?"),
        tr("The migration is still working. Stop it and close the window?\n\nCalls already "
           "sent to Twilio finish and are recorded in the journal; the rest can be resumed or "
           "rolled back the next time you start Trunk Migrator."),
        {tr("&Stop and close"), tr("&Keep working")}, 1, this, [this](int choice) {
            if (choice != 0 || !m_backend->isBusy()) {
                if (choice == 0)
                    QWizard::reject();
                return;
            }
            qCInfo(lcUi) << "closing: stopping the running operation first";
            m_closeWhenStopped = true;
            setEnabled(false);
            m_backend->cancel();
        });
}

void MigrationWizard::done(int result)
{
    m_settings->setValue(kGeometry, saveGeometry());
    QWizard::done(result);
}

void MigrationWizard::showEvent(QShowEvent *event)
{
    QWizard::showEvent(event);
    if (m_offeredRecovery)
        return;
    m_offeredRecovery = true;
    // Queued, so the window is on screen before the notice shows over it.
    QTimer::singleShot(0, m_recovery, &RecoveryController::noticeAtStart);
}

void MigrationWizard::fitToScreen(bool restored)
{
    QScreen *on = restored ? QGuiApplication::screenAt(geometry().center()) : nullptr;
    if (!on)
        on = screen();
    if (!on)
        return;
    // The window manager adds a title bar above the geometry Qt is given.
    const int titleBar = style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, this);
    const QRect space = on->availableGeometry().adjusted(0, titleBar, 0, 0);
    setMinimumSize(minimumSize().boundedTo(space.size()));
    if (restored)
        setGeometry(WindowFit::within(geometry(), space));
    else
        resize(size().boundedTo(space.size())); // placed by the window manager
    qCDebug(lcUi) << "window" << geometry() << "on" << on->name() << on->availableGeometry();
}

void MigrationWizard::closeWhenStopped()
{
    if (!m_closeWhenStopped)
        return;
    m_closeWhenStopped = false;
    QWizard::reject();
}
