#include "sandboxfaultsdialog.h"

#include "errortext.h"
#include "migrationbackend.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QDoubleSpinBox *percentBox(QWidget *parent, const QString &name)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0.0, 100.0);
    box->setDecimals(1);
    box->setSuffix(QStringLiteral(" %"));
    return box;
}
} // namespace

SandboxFaultsDialog::SandboxFaultsDialog(MigrationBackend *backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_failPercent(percentBox(this, QStringLiteral("failRateSpin")))
    , m_writeFailPercent(percentBox(this, QStringLiteral("writeFailRateSpin")))
    , m_lostPercent(percentBox(this, QStringLiteral("lostAnswerSpin")))
    , m_rateLimit(new QSpinBox(this))
    , m_latency(new QSpinBox(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_clear(new QPushButton(tr("&No faults"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("sandboxFaultsDialog"));
    setWindowTitle(tr("Sandbox faults"));
    m_rateLimit->setObjectName(QStringLiteral("rateLimitSpin"));
    m_rateLimit->setRange(0, 1000);
    m_rateLimit->setSpecialValueText(tr("Off"));
    m_latency->setObjectName(QStringLiteral("latencySpin"));
    m_latency->setRange(0, 10000);
    m_latency->setSingleStep(50);
    m_latency->setSuffix(tr(" ms"));
    m_apply->setObjectName(QStringLiteral("applyFaultsButton"));
    m_clear->setObjectName(QStringLiteral("clearFaultsButton"));
    m_status->setObjectName(QStringLiteral("faultsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);

    auto *intro = new QLabel(
        tr("These faults apply to the sandbox's API from now on, also to a run in progress. The "
           "engine retries a failed request a few times, so a number fails only when every "
           "attempt did: high rates show Failed rows and Retry. A lost answer leaves its outcome "
           "unknown until the engine reads the number back; the limit answers 429 as Twilio "
           "does when an account has too many requests in flight."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field, const QString &accessible) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        field->setAccessibleName(accessible);
        form->addRow(l, field);
    };
    row(tr("Requests that &fail (500/503):"), m_failPercent, tr("Requests that fail"));
    row(tr("&Writes that fail (reads answered):"), m_writeFailPercent, tr("Writes that fail"));
    row(tr("Writes whose answer is &lost:"), m_lostPercent, tr("Writes whose answer is lost"));
    row(tr("Concurrent request li&mit (429):"), m_rateLimit, tr("Concurrent request limit"));
    row(tr("Added la&tency:"), m_latency, tr("Added latency"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_clear, QDialogButtonBox::ResetRole);
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    m_apply->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] { apply(entered()); });
    connect(m_clear, &QPushButton::clicked, this, [this] { apply(SandboxApiFaults{}); });
}

void SandboxFaultsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    refresh();
}

SandboxApiFaults SandboxFaultsDialog::entered() const
{
    SandboxApiFaults faults;
    faults.failRate = m_failPercent->value() / 100.0;
    faults.writeFailRate = m_writeFailPercent->value() / 100.0;
    faults.lostAnswerRate = m_lostPercent->value() / 100.0;
    faults.rateLimit = m_rateLimit->value();
    faults.latencyMs = m_latency->value();
    return faults;
}

void SandboxFaultsDialog::showFaults(const SandboxApiFaults &faults)
{
    m_failPercent->setValue(faults.failRate * 100.0);
    m_writeFailPercent->setValue(faults.writeFailRate * 100.0);
    m_lostPercent->setValue(faults.lostAnswerRate * 100.0);
    m_rateLimit->setValue(faults.rateLimit);
    m_latency->setValue(faults.latencyMs);
}

void SandboxFaultsDialog::refresh()
{
    setBusy(true);
    SandboxFaultsJob *job = m_backend->sandboxFaults();
    job->onFinished(this, [this](const SandboxApiFaults &faults) {
        setBusy(false);
        showFaults(faults);
        m_status->clear();
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        setBusy(false);
        m_status->setText(
            tr("Could not read the sandbox's faults: %1").arg(ErrorText::html(error)));
    });
}

void SandboxFaultsDialog::apply(const SandboxApiFaults &faults)
{
    setBusy(true);
    SandboxFaultsJob *job = m_backend->sandboxFaults(faults);
    job->onFinished(this, [this](const SandboxApiFaults &now) {
        setBusy(false);
        showFaults(now);
        m_status->setText(now == SandboxApiFaults{} ? tr("The sandbox answers without faults.")
                                                    : tr("The sandbox applies these faults now."));
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        setBusy(false);
        m_status->setText(tr("The faults were not set: %1").arg(ErrorText::html(error)));
    });
}

void SandboxFaultsDialog::setBusy(bool busy)
{
    // The fields too: an answer arriving later must not overwrite what is being typed.
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_failPercent, m_writeFailPercent, m_lostPercent,
                                          m_rateLimit, m_latency, m_apply, m_clear})
        w->setEnabled(!busy);
}
