#include "accountform.h"

#include "regioncatalog.h"
#include "validatedfield.h"
#include "validation.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>

namespace {
const QString kAccountSid = QStringLiteral("connection/accountSid");
const QString kApiKeySid = QStringLiteral("connection/apiKeySid");
const QString kUseApiKey = QStringLiteral("connection/useApiKey");
const QString kRegion = QStringLiteral("connection/region");
const QString kEdge = QStringLiteral("connection/edge");
const QString kBaseUrl = QStringLiteral("connection/baseUrl");

QString checkBaseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // Credentials belong in their fields: a user:password in the URL would be saved with it.
    if (!url.userInfo().isEmpty())
        return AccountForm::tr("The base URL must not contain a user name or password.");
    return Validation::checkApiBaseUrl(url);
}
} // namespace

AccountForm::AccountForm(QWidget *parent)
    : QWidget(parent)
    , m_accountSid(new ValidatedField(
          QStringLiteral("accountSidEdit"), tr("Account SID"),
          [](const QString &text) { return Validation::checkSid(text, "AC", tr("Account SID")); },
          this))
    , m_authToken(new QRadioButton(tr("Auth &Token"), this))
    , m_apiKey(new QRadioButton(tr("API &Key"), this))
    , m_apiKeyLabel(new QLabel(tr("API key SI&D:"), this))
    , m_apiKeySid(new ValidatedField(
          QStringLiteral("apiKeySidEdit"), tr("API key SID"),
          [](const QString &text) { return Validation::checkSid(text, "SK", tr("API key SID")); },
          this))
    , m_secretLabel(new QLabel(this))
    , m_secret(new ValidatedField(
          QStringLiteral("secretEdit"), tr("Auth token"),
          [this](const QString &text) {
              return m_apiKey->isChecked() ? Validation::checkApiKeySecret(text)
                                           : Validation::checkAuthToken(text);
          },
          this))
    , m_baseUrl(
          new ValidatedField(QStringLiteral("baseUrlEdit"), tr("API base URL"), checkBaseUrl, this))
    , m_region(new QComboBox(this))
    , m_edge(new QComboBox(this))
    , m_remember(new QCheckBox(tr("Re&member the secret in this computer's keychain"), this))
{
    m_accountSid->lineEdit()->setPlaceholderText(tr("AC followed by 32 hexadecimal digits"));
    m_apiKeySid->lineEdit()->setPlaceholderText(tr("SK followed by 32 hexadecimal digits"));
    m_authToken->setObjectName(QStringLiteral("authTokenRadio"));
    m_apiKey->setObjectName(QStringLiteral("apiKeyRadio"));
    m_authToken->setChecked(true);
    auto *method = new QButtonGroup(this);
    method->addButton(m_authToken);
    method->addButton(m_apiKey);
    m_secret->lineEdit()->setEchoMode(QLineEdit::Password);
    m_baseUrl->lineEdit()->setPlaceholderText(
        tr("Empty for Twilio; http://127.0.0.1:PORT for a standalone twilio-sandbox"));
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setAccessibleName(tr("Region"));
    m_edge->setObjectName(QStringLiteral("edgeCombo"));
    m_edge->setAccessibleName(tr("Edge location"));
    m_remember->setObjectName(QStringLiteral("rememberSecretCheck"));
    // us1 is Twilio's default: one entry, sent as no region at all (api.twilio.com).
    for (const QString &region : RegionCatalog::regions())
        m_region->addItem(region.isEmpty() ? tr("us1 (default)") : region, region);

    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_authToken);
    methodRow->addWidget(m_apiKey);
    methodRow->addStretch(1);
    auto *accountLabel = new QLabel(tr("Acco&unt SID:"), this);
    accountLabel->setBuddy(m_accountSid->lineEdit());
    m_apiKeyLabel->setBuddy(m_apiKeySid->lineEdit());
    m_secretLabel->setBuddy(m_secret->lineEdit());
    auto *regionLabel = new QLabel(tr("Re&gion:"), this);
    regionLabel->setBuddy(m_region);
    auto *edgeLabel = new QLabel(tr("&Edge:"), this);
    edgeLabel->setBuddy(m_edge);
    auto *baseUrlLabel = new QLabel(tr("API base UR&L:"), this);
    baseUrlLabel->setBuddy(m_baseUrl->lineEdit());

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(accountLabel, m_accountSid);
    form->addRow(tr("Sign in with:"), methodRow);
    form->addRow(m_apiKeyLabel, m_apiKeySid);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(regionLabel, m_region);
    form->addRow(edgeLabel, m_edge);
    form->addRow(baseUrlLabel, m_baseUrl);
    form->addRow(QString(), m_remember);

    connect(m_accountSid, &ValidatedField::changed, this, &AccountForm::changed);
    connect(m_apiKeySid, &ValidatedField::changed, this, &AccountForm::changed);
    connect(m_secret, &ValidatedField::changed, this, &AccountForm::changed);
    connect(m_baseUrl, &ValidatedField::changed, this, [this] {
        // A standalone sandbox has no regions or edges: they only name Twilio's hosts.
        const bool twilio = m_baseUrl->isEmpty();
        m_region->setEnabled(twilio);
        m_edge->setEnabled(twilio);
        emit changed();
    });
    connect(m_apiKey, &QRadioButton::toggled, this, [this] {
        const QString typed = m_secret->lineEdit()->text();
        m_secret->setText(m_otherSecret);
        m_otherSecret = typed;
        updateAuthMethod();
        emit changed();
    });
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        fillEdges();
        emit changed();
    });
    connect(m_edge, &QComboBox::currentIndexChanged, this, &AccountForm::changed);
    connect(m_remember, &QCheckBox::toggled, this, &AccountForm::rememberToggled);
    updateAuthMethod();
    fillEdges();
}

bool AccountForm::isValid() const
{
    if (!m_accountSid->isValid() || !m_secret->isValid())
        return false;
    if (!m_baseUrl->isEmpty() && !m_baseUrl->isValid())
        return false;
    return !m_apiKey->isChecked() || m_apiKeySid->isValid();
}

ConnectionSettings AccountForm::settings() const
{
    ConnectionSettings result;
    result.sandbox = false;
    result.accountSid = m_accountSid->text();
    result.apiKeySid = m_apiKey->isChecked() ? m_apiKeySid->text() : QString();
    result.secret = m_secret->text();
    result.region = m_region->currentData().toString();
    result.edge = m_edge->currentData().toString();
    if (!m_baseUrl->isEmpty()) {
        result.baseUrl = QUrl(m_baseUrl->text(), QUrl::StrictMode);
        result.region.clear();
        result.edge.clear();
    }
    return result;
}

QString AccountForm::credentialSid() const
{
    return m_apiKey->isChecked() ? m_apiKeySid->text() : m_accountSid->text();
}

bool AccountForm::rememberSecret() const
{
    return m_remember->isChecked();
}

void AccountForm::setRememberSecret(bool remember)
{
    m_remember->setChecked(remember);
}

void AccountForm::setSecret(const QString &secret)
{
    m_secret->setText(secret);
}

QString AccountForm::secret() const
{
    return m_secret->text();
}

void AccountForm::restore(const QSettings &settings)
{
    // Settings edited by hand (or by an older version) may hold anything: keep only valid SIDs.
    const auto validSid = [&](const QString &key, const char prefix[3]) {
        const QString value = settings.value(key).toString();
        return Validation::isSid(value, prefix) ? value : QString();
    };
    m_accountSid->setText(validSid(kAccountSid, "AC"));
    m_apiKeySid->setText(validSid(kApiKeySid, "SK"));
    (settings.value(kUseApiKey).toBool() ? m_apiKey : m_authToken)->setChecked(true);
    QString savedRegion = settings.value(kRegion).toString();
    if (savedRegion == QLatin1String("us1"))
        savedRegion.clear();
    const int region = m_region->findData(savedRegion);
    m_region->setCurrentIndex(qMax(region, 0));
    const int edge = m_edge->findData(settings.value(kEdge).toString());
    if (edge >= 0)
        m_edge->setCurrentIndex(edge);
    const QString baseUrl = settings.value(kBaseUrl).toString();
    m_baseUrl->setText(checkBaseUrl(baseUrl).isEmpty() ? baseUrl : QString());
}

void AccountForm::save(QSettings &settings) const
{
    // Nothing invalid is remembered: a field that does not check out is forgotten instead.
    const auto store = [&](const QString &key, const ValidatedField *field) {
        if (field->isValid())
            settings.setValue(key, field->text());
        else
            settings.remove(key);
    };
    store(kAccountSid, m_accountSid);
    store(kApiKeySid, m_apiKeySid);
    settings.setValue(kUseApiKey, m_apiKey->isChecked());
    settings.setValue(kRegion, m_region->currentData());
    settings.setValue(kEdge, m_edge->currentData());
    store(kBaseUrl, m_baseUrl);
}

void AccountForm::updateAuthMethod()
{
    const bool apiKey = m_apiKey->isChecked();
    m_apiKeyLabel->setEnabled(apiKey);
    m_apiKeySid->setEnabled(apiKey);
    m_secretLabel->setText(apiKey ? tr("API key sec&ret:") : tr("Auth t&oken:"));
    m_secret->lineEdit()->setAccessibleName(apiKey ? tr("API key secret") : tr("Auth token"));
    m_secret->lineEdit()->setPlaceholderText(apiKey ? tr("32 letters and digits")
                                                    : tr("32 hexadecimal digits"));
}

void AccountForm::fillEdges()
{
    const QString region = m_region->currentData().toString();
    const QSignalBlocker blocker(m_edge);
    m_edge->clear();
    for (const QString &edge : RegionCatalog::edgesFor(region))
        m_edge->addItem(edge.isEmpty() ? tr("None") : edge, edge);
    // Twilio retires the region-only host names: pair a region with its own edge by default.
    const int preferred = m_edge->findData(RegionCatalog::defaultEdge(region));
    m_edge->setCurrentIndex(qMax(preferred, 0));
}
