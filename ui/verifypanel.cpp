#include "verifypanel.h"

#include "errortext.h"
#include "migrationbackend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

VerifyPanel::VerifyPanel(MigrationBackend *backend, const QString &objectName, QWidget *parent)
    : QGroupBox(tr("Verify"), parent)
    , m_backend(backend)
    , m_verify(new QPushButton(tr("&Verify the routes"), this))
    , m_result(new QLabel(this))
{
    setObjectName(objectName);
    m_verify->setObjectName(objectName + QStringLiteral("Button"));
    m_verify->setToolTip(tr("Runs the deployed handlers with a synthetic call to each moved "
                            "number and compares the route with the trunk's, point by point. "
                            "Changes nothing."));
    m_result->setObjectName(objectName + QStringLiteral("Result"));
    m_result->setAccessibleName(tr("Verify result"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setOpenExternalLinks(true);
    m_result->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_verify, 0, Qt::AlignTop);
    layout->addWidget(m_result, 1);
    connect(m_verify, &QPushButton::clicked, this, &VerifyPanel::verify);
    connect(m_backend, &MigrationBackend::busyChanged, this, &VerifyPanel::updateButton);
    setTrunk({});
}

void VerifyPanel::setTrunk(const QString &trunkSid, const QStringList &numbers)
{
    m_trunkSid = trunkSid;
    m_numbers = numbers;
    updateButton();
    m_result->setText(tr("Compares each moved number's route now with its route on the trunk: "
                         "targets and their order, SIP parameters, secure, recording, ring "
                         "time, fallback, emergency calling."));
}

void VerifyPanel::updateButton()
{
    m_verify->setEnabled(!m_trunkSid.isEmpty() && !m_verifying && !m_backend->isBusy());
}

void VerifyPanel::setUnavailable(const QString &reason)
{
    m_trunkSid.clear();
    updateButton();
    m_result->setText(reason.toHtmlEscaped());
}

QString VerifyPanel::resultText() const
{
    return m_result->text();
}

void VerifyPanel::verify()
{
    if (m_trunkSid.isEmpty())
        return;
    m_verifying = true;
    updateButton();
    m_result->setText(tr("Verifying…"));
    auto *job = m_backend->verify(m_trunkSid, m_numbers);
    job->onFinished(this, [this](const VerifyReport &report) {
        m_verifying = false;
        updateButton();
        showReport(report);
        emit verified(report.same() && !report.incomplete);
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        m_verifying = false;
        updateButton();
        m_result->setText(tr("Not verified: %1").arg(ErrorText::html(error)));
        emit verified(false);
    });
}

void VerifyPanel::showReport(const VerifyReport &report)
{
    QStringList lines;
    for (const NumberVerification &n : report.numbers) {
        if (n.differences.isEmpty()) {
            lines.append(
                n.checked ? tr("%1: same. %2").arg(n.phoneNumber, n.route.toHtmlEscaped())
                          : tr("%1: not checked: %2").arg(n.phoneNumber, n.note.toHtmlEscaped()));
            continue;
        }
        QStringList points;
        for (const RouteDifference &d : n.differences)
            points.append(tr("<b>%1</b>: expected %2; now %3")
                              .arg(d.field, d.expected.toHtmlEscaped(), d.actual.toHtmlEscaped()));
        lines.append(tr("%1: <b>different</b><br>%2")
                         .arg(n.phoneNumber, points.join(QStringLiteral("<br>"))));
    }
    for (const RouteDifference &d : report.account)
        lines.append(tr("<b>%1</b>: expected %2; now %3")
                         .arg(d.field, d.expected.toHtmlEscaped(), d.actual.toHtmlEscaped()));
    const QString verdict =
        report.same()
            ? tr("Same routes as on the trunk (%n number(s)).", nullptr, int(report.numbers.size()))
            : tr("<b>%n route(s) differ from the trunk's.</b>", nullptr, report.differentCount());
    m_result->setText(verdict + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
}
