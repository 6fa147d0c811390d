#pragma once

#include <QGroupBox>
#include <QPointer>

class MigrationBackend;
class QLabel;
class QPushButton;
struct VerifyReport;

// The wizard's Verify (issue 9 §3, docs/VERIFY.md): the route each number moved off the trunk
// (after step 2 the test number, after step 4 every migrated one) takes now, against the route
// it took on the trunk, shown as "same" or each difference by number and field.
class VerifyPanel : public QGroupBox
{
    Q_OBJECT
public:
    VerifyPanel(MigrationBackend *backend, const QString &objectName, QWidget *parent = nullptr);

    // The trunk to verify; empty disables the button. `numbers` empty: every number moved off
    // it; else these (step 2's test number, which may be a spare one never on the trunk).
    void setTrunk(const QString &trunkSid, const QStringList &numbers = {});
    // Nothing to verify against any more (the trunk was deleted): disabled, and says why.
    void setUnavailable(const QString &reason);
    QString resultText() const;
    void verify();

signals:
    // A verify ended: `same` when every route was checked and none differs.
    void verified(bool same);

private:
    void showReport(const VerifyReport &report);
    void updateButton();

    MigrationBackend *m_backend;
    QString m_trunkSid;
    QStringList m_numbers;
    bool m_verifying = false;
    QPushButton *m_verify;
    QLabel *m_result;
};
