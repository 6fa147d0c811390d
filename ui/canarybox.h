#pragma once

#include <QGroupBox>

class MigrationBackend;
class QLabel;
class QPushButton;
class VerifyPanel;

// Step 4's canary: after the first, small batch moved, its routes (and the test number's) are
// verified against the trunk's, and only then is the rest offered: "Migrate the remaining N",
// or, when verify found a difference or could not run, "… anyway" beside what it found.
class CanaryBox : public QGroupBox
{
    Q_OBJECT
public:
    CanaryBox(MigrationBackend *backend, QWidget *parent = nullptr);

    // The canary batch ended with `migrated` numbers moved; `remaining` wait for the offer.
    void canaryMoved(const QString &trunkSid, int migrated, int remaining);
    // The offer is over (taken, or the trunk changed): hidden until the next canary.
    void dismiss();
    bool isOffering() const { return m_remaining > 0; }

signals:
    void migrateRemainingRequested();

private:
    void onVerified(bool same);

    VerifyPanel *m_verify;
    QLabel *m_summary;
    QPushButton *m_rest;
    int m_remaining = 0;
};
