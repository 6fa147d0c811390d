#include "callchoicesform.h"

#include "validatedfield.h"
#include "validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace {
// CallBehaviour's limits (services/setup): the ui does not link the set-up library.
constexpr int MinRingTimeout = 5;
constexpr int MaxRingTimeout = 600;
constexpr int MinTimeLimit = 60;
constexpr int MaxTimeLimit = 86400;
constexpr int CarryColumns = 3;
} // namespace

CallChoicesForm::CallChoicesForm(QWidget *parent)
    : QWidget(parent)
    // Created in the order they are shown, which is the order Tab visits them.
    , m_fallbackUrl(new ValidatedField(QStringLiteral("fallbackUrlEdit"), tr("Fallback URL"),
                                       &CallChoicesForm::checkFallbackUrl, this))
    , m_disasterRecoveryFallback(
          new QCheckBox(tr("Otherwise the trunk's &disaster-recovery URL"), this))
    , m_keepOwnFallback(new QCheckBox(this))
    , m_keepStatusCallbacks(new QCheckBox(this))
    , m_ringTime(new QSpinBox(this))
    , m_longestCall(new QSpinBox(this))
    , m_country(new QComboBox(this))
    , m_defaultCallerId(new ValidatedField(QStringLiteral("defaultCallerIdEdit"),
                                           tr("Default caller ID"),
                                           &CallChoicesForm::checkDefaultCallerId, this))
    , m_emergencyCaller(new QComboBox(this))
    , m_carryNone(
          new QLabel(tr("This trunk uses none of the settings that can be left behind."), this))
{
    setObjectName(QStringLiteral("callChoicesForm"));
    m_fallbackUrl->lineEdit()->setPlaceholderText(tr("https://… (optional)"));
    m_fallbackUrl->lineEdit()->setToolTip(
        tr("Where Twilio asks for instructions when a handler fails or times out, for the SIP "
           "domain and every migrated number"));
    m_disasterRecoveryFallback->setObjectName(QStringLiteral("disasterRecoveryFallbackCheck"));
    m_keepOwnFallback->setObjectName(QStringLiteral("keepOwnFallbackCheck"));
    m_keepOwnFallback->setToolTip(tr("Unticked, they are replaced by the fallback URL above (or "
                                     "cleared); a revert restores them"));
    m_keepStatusCallbacks->setObjectName(QStringLiteral("keepStatusCallbacksCheck"));
    m_keepStatusCallbacks->setToolTip(tr("Unticked, they are cleared; a revert restores them"));
    m_ringTime->setObjectName(QStringLiteral("ringTimeSpin"));
    m_ringTime->setAccessibleName(tr("Ring time in seconds"));
    m_ringTime->setRange(MinRingTimeout, MaxRingTimeout);
    m_ringTime->setSuffix(tr(" s"));
    m_longestCall->setObjectName(QStringLiteral("longestCallSpin"));
    m_longestCall->setAccessibleName(tr("Longest call in seconds"));
    m_longestCall->setRange(MinTimeLimit, MaxTimeLimit);
    m_longestCall->setSingleStep(60);
    m_longestCall->setSuffix(tr(" s"));
    m_country->setObjectName(QStringLiteral("countryCombo"));
    m_country->setAccessibleName(tr("Country of the PBX's national numbers"));
    m_defaultCallerId->lineEdit()->setPlaceholderText(tr("+E.164 (optional)"));
    m_defaultCallerId->lineEdit()->setToolTip(
        tr("The caller ID of calls from extensions that send no number of their own; empty, "
           "such calls are refused as they would be without a valid caller ID"));
    m_emergencyCaller->setObjectName(QStringLiteral("emergencyCallerCombo"));
    m_emergencyCaller->setAccessibleName(tr("Caller ID of emergency calls without a number"));
    m_emergencyCaller->setToolTip(
        tr("Emergency calls always go through; one from an extension without a number shows "
           "this number, whose registered address the emergency services receive. None: such "
           "a call carries no registered address"));
    m_carryNone->setObjectName(QStringLiteral("carryNoneLabel"));
    m_carryNone->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeFallbackGroup());
    layout->addWidget(makeCallsGroup());
    layout->addWidget(makeCallerIdGroup());
    layout->addWidget(makeCarryGroup());

    connect(m_fallbackUrl, &ValidatedField::changed, this, &CallChoicesForm::changed);
    for (QCheckBox *box : {m_disasterRecoveryFallback, m_keepOwnFallback, m_keepStatusCallbacks})
        connect(box, &QCheckBox::toggled, this, &CallChoicesForm::changed);
    for (QSpinBox *spin : {m_ringTime, m_longestCall})
        connect(spin, &QSpinBox::valueChanged, this, &CallChoicesForm::changed);
    connect(m_country, &QComboBox::currentIndexChanged, this, &CallChoicesForm::changed);
    connect(m_defaultCallerId, &ValidatedField::changed, this, &CallChoicesForm::changed);
    connect(m_emergencyCaller, &QComboBox::currentIndexChanged, this, &CallChoicesForm::changed);
    connect(this, &CallChoicesForm::changed, this, &CallChoicesForm::updateEnabled);
}

QGroupBox *CallChoicesForm::makeFallbackGroup()
{
    auto *group = new QGroupBox(tr("When the handlers fail"), this);
    group->setObjectName(QStringLiteral("fallbackGroup"));
    auto *form = new QFormLayout(group);
    auto *label = new QLabel(tr("&Fallback URL:"), group);
    label->setBuddy(m_fallbackUrl->lineEdit());
    form->addRow(label, m_fallbackUrl);
    form->addRow(QString(), m_disasterRecoveryFallback);
    form->addRow(QString(), m_keepOwnFallback);
    form->addRow(QString(), m_keepStatusCallbacks);
    return group;
}

QGroupBox *CallChoicesForm::makeCallsGroup()
{
    // One row: three short fields side by side leave the height to the report.
    auto *group = new QGroupBox(tr("Every call"), this);
    group->setObjectName(QStringLiteral("callLimitsGroup"));
    auto *row = new QHBoxLayout(group);
    auto *ringLabel = new QLabel(tr("&Ring for up to:"), group);
    ringLabel->setBuddy(m_ringTime);
    auto *longestLabel = new QLabel(tr("&Longest call:"), group);
    longestLabel->setBuddy(m_longestCall);
    auto *countryLabel = new QLabel(tr("&Country:"), group);
    countryLabel->setToolTip(tr("The country whose national numbers the PBX may dial"));
    countryLabel->setBuddy(m_country);
    m_country->setToolTip(countryLabel->toolTip());
    row->addWidget(ringLabel);
    row->addWidget(m_ringTime);
    row->addSpacing(fontMetrics().averageCharWidth() * 2);
    row->addWidget(longestLabel);
    row->addWidget(m_longestCall);
    row->addSpacing(fontMetrics().averageCharWidth() * 2);
    row->addWidget(countryLabel);
    row->addWidget(m_country);
    row->addStretch(1);
    return group;
}

QGroupBox *CallChoicesForm::makeCallerIdGroup()
{
    // Both are for calls that bring no number of their own, so they sit together.
    auto *group = new QGroupBox(tr("Calls from extensions without a number"), this);
    group->setObjectName(QStringLiteral("callerIdGroup"));
    auto *row = new QHBoxLayout(group);
    auto *defaultLabel = new QLabel(tr("Caller &ID:"), group);
    defaultLabel->setBuddy(m_defaultCallerId->lineEdit());
    m_emergencyCallerLabel = new QLabel(tr("Emer&gency caller ID:"), group);
    m_emergencyCallerLabel->setBuddy(m_emergencyCaller);
    // Room for a whole E.164 number (15 digits and the +) in the smallest window.
    m_defaultCallerId->lineEdit()->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("+000000000000000")) +
        fontMetrics().averageCharWidth() * 3);
    row->addWidget(defaultLabel);
    row->addWidget(m_defaultCallerId, 1);
    row->addSpacing(fontMetrics().averageCharWidth() * 2);
    row->addWidget(m_emergencyCallerLabel);
    row->addWidget(m_emergencyCaller);
    row->addStretch(0);
    return group;
}

QGroupBox *CallChoicesForm::makeCarryGroup()
{
    m_carryGroup = new QGroupBox(tr("Carry from the trunk"), this);
    m_carryGroup->setObjectName(QStringLiteral("carryGroup"));
    m_carryLayout = new QGridLayout(m_carryGroup);
    m_carryLayout->setAlignment(Qt::AlignTop);
    // The settings CallEquivalence::droppable() lets an administrator leave behind.
    addCarry(QStringLiteral("recording"), tr("Call r&ecording"), tr("Call recording"),
             QStringLiteral("carryRecordingCheck"));
    addCarry(QStringLiteral("transfers"), tr("Call &transfers"), tr("Call transfers (SIP REFER)"),
             QStringLiteral("carryTransfersCheck"));
    addCarry(QStringLiteral("disaster-recovery"), tr("Disaster-reco&very URL"),
             tr("The disaster-recovery URL"), QStringLiteral("carryDisasterRecoveryCheck"));
    addCarry(QStringLiteral("emergency"), tr("E&mergency calling"), tr("Emergency calling"),
             QStringLiteral("carryEmergencyCheck"));
    addCarry(QStringLiteral("caller-name"), tr("Caller n&ame"), tr("Caller name (CNAM)"),
             QStringLiteral("carryCallerNameCheck"));
    placeCarry();
    return m_carryGroup;
}

void CallChoicesForm::addCarry(const QString &setting, const QString &text, const QString &what,
                               const QString &objectName)
{
    auto *box = new QCheckBox(text, m_carryGroup);
    box->setObjectName(objectName);
    box->setToolTip(tr("%1: unticked, the migration leaves it behind, a change to acknowledge "
                       "before step 4")
                        .arg(what));
    m_carry.insert(setting, box);
    m_carryOrder.append(setting);
    connect(box, &QCheckBox::toggled, this, &CallChoicesForm::changed);
}

void CallChoicesForm::placeCarry()
{
    // Three to a row, those the trunk uses only, in the order Tab visits them.
    while (m_carryLayout->count() > 0)
        m_carryLayout->takeAt(0);
    int shown = 0;
    for (const QString &setting : std::as_const(m_carryOrder)) {
        QCheckBox *box = m_carry.value(setting);
        if (!box->isHidden()) {
            m_carryLayout->addWidget(box, shown / CarryColumns, shown % CarryColumns);
            ++shown;
        }
    }
    if (shown == 0)
        m_carryLayout->addWidget(m_carryNone, 0, 0, 1, CarryColumns);
    m_carryNone->setVisible(shown == 0);
}

QStringList CallChoicesForm::countries()
{
    return {QStringLiteral("US"), QStringLiteral("CA"), QStringLiteral("GB"), QStringLiteral("AU"),
            QStringLiteral("NZ"), QStringLiteral("IE"), QStringLiteral("DE"), QStringLiteral("FR")};
}

QString CallChoicesForm::checkFallbackUrl(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (const QString problem = Validation::checkWebhookUrl(url); !problem.isEmpty())
        return problem;
    // It answers when the Functions service does not: on that service it would fail with it.
    if (url.host().endsWith(QLatin1String(".twil.io")))
        return tr("Use an address outside Twilio Functions: the fallback answers when they "
                  "do not.");
    return {};
}

QString CallChoicesForm::checkDefaultCallerId(const QString &text)
{
    return text.isEmpty() ? QString() : Validation::checkE164(text);
}

void CallChoicesForm::prepare(const TrunkSummary &trunk)
{
    const QSignalBlocker blocker(this); // one changed() at the end, not one per control
    const TrunkCallSettings &calls = trunk.calls;
    const TrunkNumberFacts &numbers = trunk.numbers;
    m_fallbackUrl->setText({});
    m_disasterRecoveryFallback->setChecked(true);
    m_disasterRecoveryFallback->setVisible(!calls.disasterRecoveryUrl.isEmpty());
    m_keepOwnFallback->setChecked(false);
    m_keepOwnFallback->setText(tr("&Keep the fallback URLs of %n number(s) the trunk ignored",
                                  nullptr, int(numbers.staleFallbackUrls.size())));
    m_keepOwnFallback->setVisible(!numbers.staleFallbackUrls.isEmpty());
    m_keepStatusCallbacks->setChecked(false);
    m_keepStatusCallbacks->setText(
        tr("Keep the &status callbacks of %n number(s) the trunk ignored", nullptr,
           int(numbers.staleStatusCallbacks.size())));
    m_keepStatusCallbacks->setVisible(!numbers.staleStatusCallbacks.isEmpty());
    m_ringTime->setValue(MaxRingTimeout);
    m_longestCall->setValue(MaxTimeLimit);

    m_country->clear();
    const QString own = numbers.countries.value(0);
    if (!countries().contains(own))
        m_country->addItem(tr("None: E.164 numbers only"), QString());
    for (const QString &code : countries()) {
        // The name alone keeps the row short; the code is in the tooltip of each item.
        m_country->addItem(QLocale::territoryToString(QLocale::codeToTerritory(code)), code);
        m_country->setItemData(m_country->count() - 1, code, Qt::ToolTipRole);
    }
    m_country->setCurrentIndex(qMax(0, m_country->findData(own)));

    m_defaultCallerId->setText({});
    // Twilio takes only an emergency-enabled number: the trunk's with a registered address.
    m_emergencyCaller->clear();
    m_emergencyCaller->addItem(tr("None"), QString());
    for (const NumberUrl &n : numbers.emergencyNumbers)
        m_emergencyCaller->addItem(n.phoneNumber, n.sid);
    const bool anyEmergency = !numbers.emergencyNumbers.isEmpty();
    m_emergencyCallerLabel->setVisible(anyEmergency);
    m_emergencyCaller->setVisible(anyEmergency);

    const QHash<QString, bool> used{
        {QStringLiteral("recording"),
         !calls.recordingMode.isEmpty() && calls.recordingMode != QLatin1String("do-not-record")},
        {QStringLiteral("transfers"),
         !calls.transferMode.isEmpty() && calls.transferMode != QLatin1String("disable-all")},
        {QStringLiteral("disaster-recovery"), !calls.disasterRecoveryUrl.isEmpty()},
        {QStringLiteral("emergency"), !numbers.emergencyNumbers.isEmpty()},
        {QStringLiteral("caller-name"), calls.cnamLookupEnabled}};
    for (const QString &setting : std::as_const(m_carryOrder)) {
        QCheckBox *box = m_carry.value(setting);
        box->setChecked(true);
        box->setVisible(used.value(setting));
    }
    placeCarry();
    updateEnabled();
}

CallChoices CallChoicesForm::choices() const
{
    CallChoices c;
    c.fallbackUrl = m_fallbackUrl->text();
    c.fallbackToDisasterRecovery = m_disasterRecoveryFallback->isChecked();
    c.staleFallback = m_keepOwnFallback->isChecked() ? CallChoices::StaleUrl::Keep
                                                     : CallChoices::StaleUrl::Replace;
    c.staleStatusCallback = m_keepStatusCallbacks->isChecked() ? CallChoices::StaleUrl::Keep
                                                               : CallChoices::StaleUrl::Clear;
    c.ringTimeoutSeconds = m_ringTime->value();
    c.timeLimitSeconds = m_longestCall->value();
    c.country = m_country->currentData().toString();
    c.defaultCallerId = m_defaultCallerId->text();
    if (m_emergencyCaller->isEnabled())
        c.emergencyCallerSid = m_emergencyCaller->currentData().toString();
    for (const QString &setting : m_carryOrder) {
        const QCheckBox *box = m_carry.value(setting);
        if (!box->isHidden() && !box->isChecked())
            c.dropped.append(setting);
    }
    return c;
}

bool CallChoicesForm::isValid() const
{
    return m_fallbackUrl->problem().isEmpty() && m_defaultCallerId->problem().isEmpty();
}

void CallChoicesForm::updateEnabled()
{
    // The trunk's disaster-recovery URL can stand in only while it is carried.
    m_disasterRecoveryFallback->setEnabled(
        m_carry.value(QStringLiteral("disaster-recovery"))->isChecked());
    // Without emergency calling on the domain there is no emergency caller to name.
    const bool emergency = m_carry.value(QStringLiteral("emergency"))->isChecked();
    m_emergencyCaller->setEnabled(emergency);
    m_emergencyCallerLabel->setEnabled(emergency);
}
