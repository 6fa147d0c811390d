#pragma once

#include "backendjob.h"

#include <QPointer>
#include <QWidget>

class MigrationBackend;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

// "Place a test call" on the sandbox (steps 1 and 2): From and To, the call placed the way
// Twilio routes it (MigrationBackend::placeTestCall), its route shown in words, and two faults
// so a new user can watch failover and fallback: the primary PBX address not answering, and
// the handlers failing. Hidden unless the backend can place test calls.
class TestCallPanel : public QWidget
{
    Q_OBJECT
public:
    TestCallPanel(MigrationBackend *backend, const QString &objectName, QWidget *parent = nullptr);

    // Shows the panel (on the sandbox) with these defaults; no downHosts hides that fault
    // (the PBX addresses a call tries first, which must all fail for it to fail over).
    void prepare(const QString &from, const QString &to, const QStringList &downHosts);
    QString routeText() const;

signals:
    void placed(); // a call was placed: its legs are in the Calls resource now

private:
    void place();
    void applyFaults();
    void showFaults();
    void setBusy(bool busy);

    MigrationBackend *m_backend;
    QStringList m_downHosts;
    bool m_busy = false; // a job of this panel runs
    QLineEdit *m_from;
    QLineEdit *m_to;
    QPushButton *m_place;
    QCheckBox *m_hostDown;
    QCheckBox *m_handlersFail;
    QLabel *m_route;
};
