#include "inboundpage.h"

#include "deploypagelayout.h"
#include "deployresultview.h"
#include "errortext.h"
#include "migrationbackend.h"
#include "numbertablemodel.h"
#include "operationprogress.h"
#include "recentcallsview.h"
#include "trunkdefaults.h"
#include "uilogging.h"
#include "validatedfield.h"
#include "wizardstate.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

InboundPage::InboundPage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_prefix(new ValidatedField(QStringLiteral("domainPrefixEdit"), tr("SIP domain prefix"),
                                  &InboundPage::checkPrefix, this))
    , m_friendlyName(new QLineEdit(this))
    , m_secure(new QCheckBox(tr("Secure &media (TLS signalling and SRTP)"), this))
    , m_deploy(new QPushButton(tr("&Deploy step 1"), this))
    , m_progress(new OperationProgress(QStringLiteral("inboundProgress"), this))
    , m_error(new QLabel(this))
    , m_result(new DeployResultView(QStringLiteral("inboundResult"), this))
    , m_calls(new RecentCallsView(backend, QStringLiteral("inboundCalls"), this))
{
    setObjectName(QStringLiteral("inboundPage"));
    setTitle(tr("Step 1: calls from the PBX to the phone network"));
    setSubTitle(tr("Creates a SIP Domain guarded by the trunk's access lists and the handler "
                   "that dials the number the PBX asks for."));
    m_friendlyName->setObjectName(QStringLiteral("domainFriendlyNameEdit"));
    m_friendlyName->setAccessibleName(tr("SIP domain friendly name"));
    m_secure->setObjectName(QStringLiteral("secureMediaCheck"));
    m_deploy->setObjectName(QStringLiteral("deployInboundButton"));
    DeployPageLayout::setUpErrorLabel(m_error, QStringLiteral("inboundError"));

    auto *options = new QGroupBox(tr("Options"), this);
    m_options = options;
    auto *form = new QFormLayout(options);
    auto *prefixLabel = new QLabel(tr("Domain &prefix:"), options);
    prefixLabel->setBuddy(m_prefix->lineEdit());
    auto *nameLabel = new QLabel(tr("&Friendly name:"), options);
    nameLabel->setBuddy(m_friendlyName);
    form->addRow(prefixLabel, m_prefix);
    form->addRow(nameLabel, m_friendlyName);
    form->addRow(QString(), m_secure);
    DeployPageLayout::install(this, options, m_deploy, m_progress, m_error, m_result, m_calls);

    connect(m_prefix, &ValidatedField::changed, this, &InboundPage::updateDeployButton);
    connect(m_deploy, &QPushButton::clicked, this, &InboundPage::deploy);
}

void InboundPage::initializePage()
{
    const TrunkSummary &trunk = m_state->trunk();
    if (m_preparedFor != trunk.sid) {
        // A new trunk: propose its names and forget what was deployed for another one.
        m_preparedFor = trunk.sid;
        m_prefix->setText(TrunkDefaults::domainPrefix(trunk.friendlyName));
        m_friendlyName->setText(tr("%1 (Programmable Voice)").arg(trunk.friendlyName));
        m_secure->setChecked(trunk.secure);
        m_error->clear();
        m_result->clear();
        m_calls->setTarget({});
    }
    if (m_state->hasInbound())
        showResult(m_state->inbound());
    updateDeployButton();
}

bool InboundPage::isComplete() const
{
    return !m_deploying && m_state->hasInbound();
}

QString InboundPage::checkPrefix(const QString &prefix)
{
    // One DNS label: Twilio appends the rest of the domain name.
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    if (label.match(prefix).hasMatch())
        return {};
    return tr("Use lower-case letters, digits and '-' (not first or last), up to 63 characters.");
}

void InboundPage::deploy()
{
    InboundOptions options;
    options.trunkSid = m_state->trunk().sid;
    options.domainPrefix = m_prefix->text();
    options.friendlyName = m_friendlyName->text().trimmed();
    options.secureMedia = m_secure->isChecked();
    options.calls = m_state->calls();
    options.calls.accepted = m_state->accepted();
    qCInfo(lcUi) << "deploying step 1 for trunk" << options.trunkSid;
    m_deploying = true;
    m_error->clear();
    InboundJob *job = m_backend->setupInbound(options);
    job->onFinished(this, [this](const InboundResult &result) { showResult(result); });
    connect(job, &BackendJob::failed, this, &InboundPage::showFailure);
    m_progress->start(tr("Deploying the inbound handler and the SIP domain…"), job);
    updateDeployButton();
    emit completeChanged();
}

void InboundPage::showResult(const InboundResult &result)
{
    m_deploying = false;
    m_progress->stop();
    m_state->setInbound(result);
    m_result->clear();
    m_result->addValue(QStringLiteral("domain"), tr("SIP domain"), result.domainName);
    if (!result.sipUris.isEmpty())
        m_result->addValue(QStringLiteral("sipUri"), tr("SIP URI"), result.sipUris.constFirst());
    if (result.sipUris.size() > 1)
        m_result->addList(QStringLiteral("edgeUris"), tr("Edge variants"), result.sipUris.mid(1));
    m_result->addValue(QStringLiteral("handler"), tr("Inbound handler"),
                       result.handlerUrl.toString());
    QStringList note;
    if (result.selfHosted) {
        note.append(tr("Twilio Functions are not available for this account, so the handlers "
                       "are yours to host. Their code was exported to %1.")
                        .arg(result.exportedTo));
    }
    if (!result.note.isEmpty())
        note.append(result.note);
    m_result->setNote(note.join(u'\n'));
    m_calls->setTarget(result.domainName);
    // The PBX calling out: an extension with a number as caller ID, to a phone number.
    m_calls->offerTestCall(QStringLiteral("sip:%1@203.0.113.10").arg(callerNumber()),
                           QStringLiteral("sip:+15005550010@%1").arg(result.domainName));
    updateDeployButton();
    emit completeChanged();
}

QString InboundPage::callerNumber() const
{
    const NumberTableModel *numbers = m_state->numbers();
    if (numbers && numbers->rowCount() > 0)
        return numbers->rowAt(0).phoneNumber;
    const TrunkNumberFacts &facts = m_state->trunk().numbers;
    if (!facts.emergencyNumbers.isEmpty())
        return facts.emergencyNumbers.first().phoneNumber;
    return QStringLiteral("+15005550006"); // Twilio's test caller ID
}

void InboundPage::showFailure(const OperationError &error)
{
    m_deploying = false;
    m_progress->stop();
    m_error->setText(tr("Step 1 was not deployed: %1").arg(ErrorText::html(error)));
    updateDeployButton();
    emit completeChanged();
}

void InboundPage::updateDeployButton()
{
    m_options->setEnabled(!m_deploying);
    m_deploy->setEnabled(!m_deploying && m_prefix->isValid());
    m_deploy->setText(m_state->hasInbound() ? tr("Re&deploy step 1") : tr("&Deploy step 1"));
}
