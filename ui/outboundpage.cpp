#include "outboundpage.h"

#include "deploypagelayout.h"
#include "deployresultview.h"
#include "dialogseam.h"
#include "errortext.h"
#include "migrationbackend.h"
#include "operationprogress.h"
#include "originationpicker.h"
#include "recentcallsview.h"
#include "regioncatalog.h"
#include "sipparameters.h"
#include "testnumberchooser.h"
#include "trunkdefaults.h"
#include "uilogging.h"
#include "validatedfield.h"
#include "validation.h"
#include "verifypanel.h"
#include "wizardstate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

OutboundPage::OutboundPage(MigrationBackend *backend, WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_state(state)
    , m_pbxDomain(new ValidatedField(
          QStringLiteral("pbxDomainEdit"), tr("PBX domain"),
          // host or host:port, as the handler's PBX_DOMAIN takes it.
          [](const QString &text) { return Validation::checkPbxDomain(text); }, this))
    , m_secure(new QCheckBox(tr("&Secure (TLS and SRTP to the PBX)"), this))
    , m_useEdge(new QCheckBox(tr("Route through the &edge location:"), this))
    , m_edge(new QComboBox(this))
    , m_userToUser(new QCheckBox(tr("Pass the Call SID as &User-to-User"), this))
    , m_parameters(new ValidatedField(
          QStringLiteral("customParametersEdit"), tr("Custom SIP parameters"),
          [](const QString &text) { return SipParameters(text).error(); }, this))
    , m_handlerLabel(new QLabel(tr("&Handler URL you host:"), this))
    , m_handlerUrl(new ValidatedField(
          QStringLiteral("selfHostedUrlEdit"), tr("Handler URL you host"),
          [](const QString &text) {
              return Validation::checkWebhookUrl(QUrl(text, QUrl::StrictMode));
          },
          this))
    , m_testNumber(new QComboBox(this))
    , m_testNumbers(new TestNumberChooser(m_testNumber, this))
    , m_deploy(new QPushButton(tr("&Deploy step 2"), this))
    , m_progress(new OperationProgress(QStringLiteral("outboundProgress"), this))
    , m_error(new QLabel(this))
    , m_result(new DeployResultView(QStringLiteral("outboundResult"), this))
    , m_calls(new RecentCallsView(backend, QStringLiteral("outboundCalls"), this))
    , m_verify(new VerifyPanel(backend, QStringLiteral("outboundVerify"), this))
{
    setObjectName(QStringLiteral("outboundPage"));
    setTitle(tr("Step 2: calls from the phone network to the PBX"));
    setSubTitle(tr("Deploys the handler that forwards a number's calls to the PBX and points "
                   "one test number at it."));
    m_secure->setObjectName(QStringLiteral("outboundSecureCheck"));
    m_useEdge->setObjectName(QStringLiteral("useEdgeCheck"));
    m_edge->setObjectName(QStringLiteral("outboundEdgeCombo"));
    m_edge->setAccessibleName(tr("Edge location"));
    m_edge->addItems(RegionCatalog::allEdges());
    m_edge->setEnabled(false);
    m_userToUser->setObjectName(QStringLiteral("userToUserCheck"));
    m_parameters->lineEdit()->setPlaceholderText(tr("key=value; key2=value2"));
    m_testNumber->setObjectName(QStringLiteral("testNumberCombo"));
    m_testNumber->setAccessibleName(tr("Test number"));
    m_deploy->setObjectName(QStringLiteral("deployOutboundButton"));
    DeployPageLayout::setUpErrorLabel(m_error, QStringLiteral("outboundError"));

    auto *options = new QGroupBox(tr("Options"), this);
    m_options = options;
    auto *form = new QFormLayout(options);
    auto *domainLabel = new QLabel(tr("PBX do&main:"), options);
    domainLabel->setBuddy(m_pbxDomain->lineEdit());
    auto *edgeRow = new QHBoxLayout;
    edgeRow->addWidget(m_useEdge);
    edgeRow->addWidget(m_edge);
    edgeRow->addStretch(1);
    auto *parametersLabel = new QLabel(tr("Custom SIP &parameters:"), options);
    parametersLabel->setBuddy(m_parameters->lineEdit());
    m_handlerLabel->setBuddy(m_handlerUrl->lineEdit());
    auto *numberLabel = new QLabel(tr("&Test number:"), options);
    numberLabel->setBuddy(m_testNumber);
    form->addRow(domainLabel, m_pbxDomain);
    form->addRow(QString(), m_secure);
    form->addRow(QString(), edgeRow);
    form->addRow(QString(), m_userToUser);
    form->addRow(parametersLabel, m_parameters);
    form->addRow(m_handlerLabel, m_handlerUrl);
    form->addRow(numberLabel, m_testNumber);
    DeployPageLayout::install(this, options, m_deploy, m_progress, m_error, m_result, m_calls,
                              m_verify);

    connect(m_useEdge, &QCheckBox::toggled, m_edge, &QComboBox::setEnabled);
    for (ValidatedField *field : {m_pbxDomain, m_parameters, m_handlerUrl})
        connect(field, &ValidatedField::changed, this, &OutboundPage::updateDeployButton);
    connect(m_testNumber, &QComboBox::currentIndexChanged, this, &OutboundPage::updateDeployButton);
    connect(m_deploy, &QPushButton::clicked, this, &OutboundPage::deploy);
}

void OutboundPage::initializePage()
{
    if (m_preparedFor != m_state->trunk().sid)
        prepareForTrunk();
    // Handlers the user hosts need their URL; Functions-hosted ones are found by the engine.
    const bool selfHosted = m_state->inbound().selfHosted;
    m_handlerLabel->setVisible(selfHosted);
    m_handlerUrl->setVisible(selfHosted);
    if (m_state->hasOutbound())
        showResult(m_state->outbound());
    updateDeployButton();
}

bool OutboundPage::isComplete() const
{
    return !m_deploying && m_state->hasOutbound();
}

void OutboundPage::prepareForTrunk()
{
    const TrunkSummary &trunk = m_state->trunk();
    m_preparedFor = trunk.sid;
    m_pbxDomain->setText(TrunkDefaults::pbxDomain(trunk));
    m_secure->setChecked(trunk.secure);
    const QString edge = m_state->connection().edge;
    m_useEdge->setChecked(!edge.isEmpty());
    if (!edge.isEmpty())
        m_edge->setCurrentText(edge);
    m_error->clear();
    m_result->clear();
    m_calls->setTarget({});
    m_verify->setTrunk({});
    m_testNumbers->clear();
    loadNumbers();
}

void OutboundPage::loadNumbers()
{
    m_loadingNumbers = true;
    m_testNumber->setPlaceholderText(tr("Loading the trunk's numbers…"));
    const QString trunkSid = m_state->trunk().sid;
    NumbersJob *job = m_backend->loadNumbers(trunkSid);
    job->onFinished(this, [this, trunkSid](const QVector<NumberInfo> &numbers) {
        if (trunkSid == m_state->trunk().sid) // not a trunk the user has since left
            loadSpareNumbers(trunkSid, numbers);
    });
    connect(job, &BackendJob::failed, this, [this](const OperationError &error) {
        m_loadingNumbers = false;
        m_error->setText(tr("Could not list the numbers: %1").arg(ErrorText::html(error)));
        updateDeployButton();
    });
}

void OutboundPage::loadSpareNumbers(const QString &trunkSid, const QVector<NumberInfo> &onTrunk)
{
    NumbersJob *job = m_backend->loadSpareNumbers();
    job->onFinished(this, [this, trunkSid, onTrunk](const QVector<NumberInfo> &spare) {
        if (trunkSid == m_state->trunk().sid)
            showNumbers(onTrunk, spare);
    });
    connect(job, &BackendJob::failed, this, [this, trunkSid, onTrunk](const OperationError &e) {
        if (trunkSid != m_state->trunk().sid)
            return;
        // The trunk's numbers still serve; the user is told why no spare one is offered.
        showNumbers(onTrunk, {});
        m_error->setText(tr("Could not list the spare numbers: %1").arg(ErrorText::html(e)));
    });
}

void OutboundPage::showNumbers(const QVector<NumberInfo> &onTrunk, const QVector<NumberInfo> &spare)
{
    m_loadingNumbers = false;
    m_testNumbers->setNumbers(onTrunk, spare);
    m_testNumber->setPlaceholderText(
        m_testNumbers->hasChoice() ? QString() : tr("The account has no number to test with"));
    updateDeployButton();
}

bool OutboundPage::optionsValid() const
{
    const bool selfHosted = m_state->inbound().selfHosted;
    return m_pbxDomain->isValid() && m_parameters->problem().isEmpty() &&
           (!selfHosted || m_handlerUrl->isValid()) && m_testNumbers->hasChoice();
}

OutboundOptions OutboundPage::options() const
{
    OutboundOptions options;
    options.trunkSid = m_state->trunk().sid;
    // The proposed host stands for the whole origination table (failover, weights); only a
    // host the administrator typed replaces it.
    const QString typed = m_pbxDomain->text().toLower();
    if (typed != TrunkDefaults::pbxDomain(m_state->trunk()).toLower())
        options.pbxDomain = typed;
    options.secure = m_secure->isChecked();
    options.edge = m_useEdge->isChecked() ? m_edge->currentText() : QString();
    options.callSidAsUserToUser = m_userToUser->isChecked();
    options.customParameters = SipParameters(m_parameters->text()).pairs();
    options.testNumberSid = m_testNumbers->currentSid();
    if (m_state->inbound().selfHosted)
        options.selfHostedHandlerUrl = QUrl(m_handlerUrl->text(), QUrl::StrictMode);
    // The Calls page's choices; the PBX domain and TLS above are this step's own.
    options.calls = m_state->calls();
    options.calls.accepted = m_state->accepted();
    return options;
}

void OutboundPage::deploy()
{
    if (!optionsValid())
        return;
    const QString cost = m_testNumbers->confirmation();
    if (cost.isEmpty())
        return startDeploy();
    DialogSeam::choose(this, tr("Test number"), cost,
                       {tr("&Deploy with this number"), tr("Cancel")}, 1, this, [this](int choice) {
                           if (choice == 0)
                               startDeploy();
                       });
}

void OutboundPage::startDeploy()
{
    if (!optionsValid() || m_deploying)
        return;
    const OutboundOptions opts = options();
    qCInfo(lcUi) << "deploying step 2 for trunk" << opts.trunkSid << "test number"
                 << opts.testNumberSid;
    m_deploying = true;
    m_error->clear();
    OutboundJob *job = m_backend->setupOutbound(opts);
    job->onFinished(this, [this, opts](const OutboundResult &result) {
        m_state->setOutboundOptions(opts); // what the report step 2 saved was made with
        showResult(result);
    });
    connect(job, &BackendJob::failed, this, &OutboundPage::showFailure);
    m_progress->start(tr("Deploying the outbound handler…"), job);
    updateDeployButton();
    emit completeChanged();
}

void OutboundPage::showResult(const OutboundResult &result)
{
    m_deploying = false;
    m_progress->stop();
    m_state->setOutbound(result);
    m_result->clear();
    m_result->addValue(QStringLiteral("handler"), tr("Outbound handler"),
                       result.handlerUrl.toString());
    m_result->addValue(QStringLiteral("testNumber"), tr("Test number"), result.testPhoneNumber);
    QStringList note{
        tr("Call %1 from a phone: the call should ring on the PBX.").arg(result.testPhoneNumber)};
    if (result.selfHosted)
        note.append(tr("The handler code was exported to %1.").arg(result.exportedTo));
    if (!result.note.isEmpty())
        note.append(result.note);
    m_result->setNote(note.join(u'\n'));
    m_calls->setTarget(result.testPhoneNumber);
    // A PSTN caller to the test number; the fault takes down the PBX addresses tried first
    // (the trunk's lowest priority, or the one PBX domain typed here).
    QStringList first = OriginationPicker::firstHosts(m_state->trunk().originationUrls);
    const QString typed = m_pbxDomain->text().section(u':', 0, 0).toLower();
    if (!typed.isEmpty() && !first.contains(typed))
        first.append(typed);
    m_calls->offerTestCall(QStringLiteral("+15005550006"), result.testPhoneNumber, first);
    // The test number is what step 2 moved; a spare one was never on the trunk, so it is named.
    m_verify->setTrunk(m_state->trunk().sid, result.testNumberSid.isEmpty()
                                                 ? QStringList()
                                                 : QStringList{result.testNumberSid});
    updateDeployButton();
    emit completeChanged();
}

void OutboundPage::showFailure(const OperationError &error)
{
    m_deploying = false;
    m_progress->stop();
    m_error->setText(tr("Step 2 was not deployed: %1").arg(ErrorText::html(error)));
    updateDeployButton();
    emit completeChanged();
}

void OutboundPage::updateDeployButton()
{
    m_options->setEnabled(!m_deploying);
    m_deploy->setEnabled(!m_deploying && !m_loadingNumbers && optionsValid());
    m_deploy->setText(m_state->hasOutbound() ? tr("Re&deploy step 2") : tr("&Deploy step 2"));
}
