#pragma once

#include "backendjob.h"

#include <QPointer>
#include <QWidget>

class MigrationBackend;
class QLabel;
class QPushButton;
class QTableWidget;

// The latest calls on a number or a SIP domain, so the user can see a test call arrive: both
// legs of each call (the parent and its child) listed with their status. Loads on Refresh only;
// the list is what Twilio reported at that moment.
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
};
