#pragma once

#include "migrationtypes.h"

#include <QObject>

class NumberTableModel;

// What the pages learn and hand on to the later ones: a dumb, typed container. Pages read it in
// initializePage() and write their result when it is final; changing the trunk forgets
// everything that was set up for the previous one.
class WizardState : public QObject
{
    Q_OBJECT
public:
    explicit WizardState(QObject *parent = nullptr);

    // The secret inside stays in memory only; see ConnectPage.
    const ConnectionSettings &connection() const { return m_connection; }
    void setConnection(const ConnectionSettings &settings) { m_connection = settings; }

    const AccountInfo &account() const { return m_account; }
    void setAccount(const AccountInfo &account) { m_account = account; }

    bool hasTrunk() const { return !m_trunk.sid.isEmpty(); }
    const TrunkSummary &trunk() const { return m_trunk; }
    void setTrunk(const TrunkSummary &trunk);

    bool hasInbound() const { return !m_inbound.domainName.isEmpty(); }
    const InboundResult &inbound() const { return m_inbound; }
    void setInbound(const InboundResult &result);

    bool hasOutbound() const { return !m_outbound.testNumberSid.isEmpty(); }
    const OutboundResult &outbound() const { return m_outbound; }
    void setOutbound(const OutboundResult &result);

    // The step-4 table, shared with the Finish page for its counts. Owned by this state.
    NumberTableModel *numbers() const { return m_numbers; }

signals:
    void trunkChanged();
    void inboundChanged();
    void outboundChanged();

private:
    ConnectionSettings m_connection;
    AccountInfo m_account;
    TrunkSummary m_trunk;
    InboundResult m_inbound;
    OutboundResult m_outbound;
    NumberTableModel *m_numbers;
};
