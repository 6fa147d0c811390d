#include "wizardstate.h"

#include "numbertablemodel.h"

#include <utility>

WizardState::WizardState(QObject *parent)
    : QObject(parent)
    , m_numbers(new NumberTableModel(this))
{}

void WizardState::setTrunk(const TrunkSummary &trunk)
{
    if (trunk.sid == m_trunk.sid) {
        m_trunk = trunk;
        return;
    }
    m_trunk = trunk;
    m_trunkDeleted = false;
    m_inbound = {};
    m_outbound = {};
    m_calls = {};
    m_equivalence = {};
    m_accepted.clear();
    m_outboundOptions = {};
    m_numbers->setRows({});
    emit trunkChanged();
}

void WizardState::setInbound(const InboundResult &result)
{
    m_inbound = result;
    emit inboundChanged();
}

void WizardState::setOutbound(const OutboundResult &result)
{
    m_outbound = result;
    emit outboundChanged();
}

void WizardState::setTrunkDeleted(bool deleted)
{
    if (std::exchange(m_trunkDeleted, deleted) != deleted)
        emit trunkDeletedChanged();
}
