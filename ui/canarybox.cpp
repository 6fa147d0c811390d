#include "canarybox.h"

#include "verifypanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

CanaryBox::CanaryBox(MigrationBackend *backend, QWidget *parent)
    : QGroupBox(tr("Canary batch"), parent)
    , m_verify(new VerifyPanel(backend, QStringLiteral("canaryVerify"), this))
    , m_summary(new QLabel(this))
    , m_rest(new QPushButton(this))
{
    setObjectName(QStringLiteral("canaryBox"));
    m_verify->setTitle(QString());
    m_verify->setFlat(true);
    m_summary->setObjectName(QStringLiteral("canarySummary"));
    m_summary->setWordWrap(true);
    m_rest->setObjectName(QStringLiteral("migrateRemainingButton"));
    m_rest->setAccessibleName(tr("Migrate the remaining numbers"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_summary, 1);
    actions->addWidget(m_rest);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_verify);
    layout->addLayout(actions);
    connect(m_verify, &VerifyPanel::verified, this, &CanaryBox::onVerified);
    connect(m_rest, &QPushButton::clicked, this, [this] {
        dismiss();
        emit migrateRemainingRequested();
    });
    hide();
}

void CanaryBox::canaryMoved(const QString &trunkSid, int migrated, int remaining)
{
    m_remaining = remaining;
    m_summary->setText(tr("%n number(s) moved as a canary; verifying their routes and the test "
                          "number's before offering the other %1…",
                          nullptr, migrated)
                           .arg(remaining));
    m_rest->setText(tr("Migrate the &remaining %n", nullptr, remaining));
    m_rest->setEnabled(false);
    show();
    m_verify->setTrunk(trunkSid);
    m_verify->verify();
}

void CanaryBox::onVerified(bool same)
{
    if (m_remaining == 0)
        return;
    m_summary->setText(
        same ? tr("The canary's routes are the same as on the trunk. Try a call to one of them "
                  "if you can, then move the rest.")
             : tr("Verify did not confirm the canary (see above). Fix it or revert the canary; "
                  "the other numbers were left on the trunk."));
    m_rest->setText(same ? tr("Migrate the &remaining %n", nullptr, m_remaining)
                         : tr("Migrate the &remaining %n anyway", nullptr, m_remaining));
    m_rest->setEnabled(true);
    if (same)
        m_rest->setFocus();
}

void CanaryBox::dismiss()
{
    m_remaining = 0;
    hide();
}
