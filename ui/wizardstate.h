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

    // Deleted on the Finish page: its numbers can no longer be reverted onto it.
    bool trunkDeleted() const { return m_trunkDeleted; }
    void setTrunkDeleted(bool deleted);

    bool hasInbound() const { return !m_inbound.domainName.isEmpty(); }
    const InboundResult &inbound() const { return m_inbound; }
    void setInbound(const InboundResult &result);

    bool hasOutbound() const { return !m_outbound.testNumberSid.isEmpty(); }
    const OutboundResult &outbound() const { return m_outbound; }
    void setOutbound(const OutboundResult &result);

    // How calls behave after the migration (the Calls page): sent with steps 1 and 2. The PBX
    // domain and TLS are steps 1 and 2's own options, not part of these.
    const CallChoices &calls() const { return m_calls; }
    void setCalls(const CallChoices &calls) { m_calls = calls; }
    // The report for those choices, and the changes in it the administrator accepted (setting
    // keys): step 4 hands them to the backend, which refuses to migrate without them.
    const EquivalenceReport &equivalence() const { return m_equivalence; }
    void setEquivalence(const EquivalenceReport &report) { m_equivalence = report; }
    const QStringList &accepted() const { return m_accepted; }
    void setAccepted(const QStringList &settings) { m_accepted = settings; }
    QStringList unacknowledged() const { return m_equivalence.unacknowledged(m_accepted); }
    // What step 2 was deployed with: its PBX domain and TLS shape the report too.
    const OutboundOptions &outboundOptions() const { return m_outboundOptions; }
    void setOutboundOptions(const OutboundOptions &options) { m_outboundOptions = options; }

    // The step-4 table, shared with the Finish page for its counts. Owned by this state.
    NumberTableModel *numbers() const { return m_numbers; }

signals:
    void trunkChanged();
    void trunkDeletedChanged();
    void inboundChanged();
    void outboundChanged();

private:
    ConnectionSettings m_connection;
    AccountInfo m_account;
    TrunkSummary m_trunk;
    bool m_trunkDeleted = false;
    InboundResult m_inbound;
    OutboundResult m_outbound;
    CallChoices m_calls;
    EquivalenceReport m_equivalence;
    QStringList m_accepted;
    OutboundOptions m_outboundOptions;
    NumberTableModel *m_numbers;
};
