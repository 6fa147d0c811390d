#pragma once

#include "migrationtypes.h"

#include <QWizardPage>

class DeployResultView;
class MigrationBackend;
class OperationProgress;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class RecentCallsView;
class TestNumberChooser;
class VerifyPanel;
class ValidatedField;
class WizardState;

// Page 5, step 2 (PSTN -> PBX): deploys the outbound handler that forwards a number's calls to
// the PBX domain and points one test number at it (a spare one by preference; a trunk number
// or one with a voice URL of its own only after the user confirms what it costs), then lists that
// number's calls so the user sees a test call reach the PBX. Next needs the handler deployed.
class OutboundPage : public QWizardPage
{
    Q_OBJECT
public:
    OutboundPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void prepareForTrunk();
    void loadNumbers();
    void loadSpareNumbers(const QString &trunkSid, const QVector<NumberInfo> &onTrunk);
    void showNumbers(const QVector<NumberInfo> &onTrunk, const QVector<NumberInfo> &spare);
    bool optionsValid() const;
    OutboundOptions options() const;
    void deploy();
    void startDeploy();
    void showResult(const OutboundResult &result);
    void showFailure(const OperationError &error);
    void updateDeployButton();

    MigrationBackend *m_backend;
    WizardState *m_state;
    ValidatedField *m_pbxDomain;
    QCheckBox *m_secure;
    QCheckBox *m_useEdge;
    QComboBox *m_edge;
    QCheckBox *m_userToUser;
    ValidatedField *m_parameters;
    QLabel *m_handlerLabel;
    ValidatedField *m_handlerUrl;
    QComboBox *m_testNumber;
    TestNumberChooser *m_testNumbers;
    QWidget *m_options = nullptr;
    QPushButton *m_deploy;
    OperationProgress *m_progress;
    QLabel *m_error;
    DeployResultView *m_result;
    RecentCallsView *m_calls;
    VerifyPanel *m_verify;
    QString m_preparedFor;
    bool m_loadingNumbers = false;
    bool m_deploying = false;
};
