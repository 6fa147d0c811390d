#pragma once

#include "migrationtypes.h"

#include <QDialog>

class MigrationBackend;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

// The sandbox's fault panel: how often its API fails, loses the answer to a write, limits
// concurrent requests or answers late, so a failed number, Retry, the rate limiter and the
// recovery from an unknown outcome can be seen without a real account. Not modal: it is meant
// to stay open beside the numbers page while a run goes on. Reads the sandbox's faults when
// shown; Apply sets them (the sandbox answers what it now applies).
class SandboxFaultsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SandboxFaultsDialog(MigrationBackend *backend, QWidget *parent = nullptr);

    // Reads the sandbox's current faults into the fields.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    SandboxApiFaults entered() const;
    void showFaults(const SandboxApiFaults &faults);
    void apply(const SandboxApiFaults &faults);
    void setBusy(bool busy);

    MigrationBackend *m_backend;
    QDoubleSpinBox *m_failPercent;
    QDoubleSpinBox *m_writeFailPercent;
    QDoubleSpinBox *m_lostPercent;
    QSpinBox *m_rateLimit;
    QSpinBox *m_latency;
    QPushButton *m_apply;
    QPushButton *m_clear;
    QLabel *m_status;
};
