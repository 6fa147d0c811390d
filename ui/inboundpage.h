#pragma once

#include "migrationtypes.h"

#include <QWizardPage>

class DeployResultView;
class MigrationBackend;
class OperationProgress;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class RecentCallsView;
class ValidatedField;
class WizardState;

// Page 4, step 1 (PBX -> PSTN): deploys the inbound handler and the SIP Domain the PBX will
// send its calls to, then shows the URIs to configure and the calls arriving on the domain.
// Next needs a deployed domain; deploying again with other options is allowed (the engine
// reuses what exists).
class InboundPage : public QWizardPage
{
    Q_OBJECT
public:
    InboundPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    QString callerNumber() const; // caller ID for a test call from the PBX
    static QString checkPrefix(const QString &prefix);
    void deploy();
    void showResult(const InboundResult &result);
    void showFailure(const OperationError &error);
    void updateDeployButton();

    MigrationBackend *m_backend;
    WizardState *m_state;
    ValidatedField *m_prefix;
    QLineEdit *m_friendlyName;
    QCheckBox *m_secure;
    QWidget *m_options = nullptr;
    QPushButton *m_deploy;
    OperationProgress *m_progress;
    QLabel *m_error;
    DeployResultView *m_result;
    RecentCallsView *m_calls;
    QString m_preparedFor; // trunk SID the options were filled in for
    bool m_deploying = false;
};
