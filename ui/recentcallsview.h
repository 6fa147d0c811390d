#pragma once

#include "backendjob.h"

#include <QPointer>
#include <QWidget>

class MigrationBackend;
class QLabel;
class QPushButton;
class QTableWidget;
class TestCallPanel;

// The latest calls on a number or a SIP domain, so the user can see a test call arrive: both
// legs of each call (the parent and its child) listed with their status. Loads on Refresh (and
// after a test call placed here); the list is what Twilio reported at that moment.
class RecentCallsView : public QWidget
{
    Q_OBJECT
public:
    RecentCallsView(MigrationBackend *backend, const QString &objectName,
                    QWidget *parent = nullptr);

    // The E.164 number or domain name whose calls to list; clears the list.
    void setTarget(const QString &numberOrDomain);
    QString target() const { return m_target; }
    void refresh();
    // On the sandbox: a "Place a test call" panel above the list, with these defaults
    // (TestCallPanel); each call placed refreshes the list. Hidden again by setTarget().
    void offerTestCall(const QString &from, const QString &to, const QStringList &downHosts = {});
    TestCallPanel *testCall() const { return m_testCall; }
    int callCount() const;

private:
    void showCalls(const QVector<CallInfo> &calls);
    void showError(const OperationError &error);

    MigrationBackend *m_backend;
    QString m_target;
    QPointer<CallsJob> m_job; // the load running now
    QLabel *m_status;
    QPushButton *m_refresh;
    QTableWidget *m_table;
    TestCallPanel *m_testCall;
};
