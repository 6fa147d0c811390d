#pragma once

#include "backendjob.h"

#include <QPointer>
#include <QWizardPage>

class MigrationBackend;
class QLabel;
class QPushButton;
class QTableWidget;
class WizardState;

// Page 2: the account's SIP trunks with what the migration will carry over (numbers,
// termination URI, origination URLs, IP ACLs, credential lists). Next needs one selected.
class TrunkPage : public QWizardPage
{
    Q_OBJECT
public:
    TrunkPage(MigrationBackend *backend, WizardState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void load();
    void showTrunks(const QVector<TrunkSummary> &trunks);
    int selectedIndex() const;
    void showDetails();

    MigrationBackend *m_backend;
    WizardState *m_state;
    QVector<TrunkSummary> m_trunks;
    bool m_loading = false;
    QPointer<TrunksJob> m_loadJob; // the listing running now
    QLabel *m_status;
    QPushButton *m_reload;
    QTableWidget *m_table;
    QLabel *m_details;
};
