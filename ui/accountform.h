#pragma once

#include "migrationtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QRadioButton;
class QSettings;
class ValidatedField;

// The "My Twilio account" half of the Connect page: Account SID with an Auth Token, or an API
// Key SID and secret for that account; region and edge, or the base URL of a standalone
// twilio-sandbox instead of Twilio. It knows the formats, not whether the credentials work
// (ConnectPage asks the engine).
class AccountForm : public QWidget
{
    Q_OBJECT
public:
    explicit AccountForm(QWidget *parent = nullptr);

    bool isValid() const;
    // sandbox=false and every field of the form, the secret included.
    ConnectionSettings settings() const;
    // The SID the secret belongs to: the API key SID, or the account SID for an auth token.
    QString credentialSid() const;
    bool rememberSecret() const;
    void setRememberSecret(bool remember);
    void setSecret(const QString &secret);
    QString secret() const;

    // Only SIDs, region and edge go to QSettings; never the secret.
    void restore(const QSettings &settings);
    void save(QSettings &settings) const;

    QCheckBox *rememberCheck() const { return m_remember; }

signals:
    void changed();
    void rememberToggled(bool remember);

private:
    void updateAuthMethod();
    void fillEdges();

    ValidatedField *m_accountSid;
    QRadioButton *m_authToken;
    QRadioButton *m_apiKey;
    QLabel *m_apiKeyLabel;
    ValidatedField *m_apiKeySid;
    QLabel *m_secretLabel;
    ValidatedField *m_secret;
    // What was typed for the other sign-in method: an auth token never becomes an API secret.
    QString m_otherSecret;
    ValidatedField *m_baseUrl; // a standalone twilio-sandbox, as the CLI's --base-url
    QComboBox *m_region;
    QComboBox *m_edge;
    QCheckBox *m_remember;
};
