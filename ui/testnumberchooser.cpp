#include "testnumberchooser.h"

#include <QComboBox>

#include <algorithm>

namespace {
QString numberText(const NumberInfo &number)
{
    return number.friendlyName.isEmpty() || number.friendlyName == number.phoneNumber
               ? number.phoneNumber
               : TestNumberChooser::tr("%1 (%2)").arg(number.phoneNumber, number.friendlyName);
}
} // namespace

TestNumberChooser::TestNumberChooser(QComboBox *combo, QObject *parent)
    : QObject(parent)
    , m_combo(combo)
{}

void TestNumberChooser::clear()
{
    m_numbers.clear();
    m_combo->clear();
}

void TestNumberChooser::setNumbers(const QVector<NumberInfo> &onTrunk,
                                   const QVector<NumberInfo> &spare)
{
    const QString kept = currentSid();
    QVector<NumberInfo> spareSorted = spare;
    std::stable_sort(spareSorted.begin(), spareSorted.end(),
                     [](const NumberInfo &a, const NumberInfo &b) {
                         return a.voiceUrl.isEmpty() && !b.voiceUrl.isEmpty();
                     });
    m_numbers.clear();
    m_combo->clear();
    for (const NumberInfo &n : std::as_const(spareSorted)) {
        m_combo->addItem(n.voiceUrl.isEmpty()
                             ? tr("%1 — spare, on no trunk").arg(numberText(n))
                             : tr("%1 — spare, answers at %2").arg(numberText(n), n.voiceUrl),
                         n.sid);
        m_numbers.append(n);
    }
    if (!spareSorted.isEmpty() && !onTrunk.isEmpty())
        m_combo->insertSeparator(m_combo->count());
    for (const NumberInfo &n : onTrunk) {
        // Numbers already moved off the trunk are the migration's, not test numbers.
        if (n.trunkSid.isEmpty())
            continue;
        m_combo->addItem(tr("%1 — on the trunk: leaves it").arg(numberText(n)), n.sid);
        m_numbers.append(n);
    }
    const int index = m_combo->findData(kept);
    m_combo->setCurrentIndex(index >= 0 ? index : (m_numbers.isEmpty() ? -1 : 0));
}

bool TestNumberChooser::hasChoice() const
{
    return current() != nullptr;
}

QString TestNumberChooser::currentSid() const
{
    const NumberInfo *n = current();
    return n ? n->sid : QString();
}

const NumberInfo *TestNumberChooser::current() const
{
    const QString sid = m_combo->currentData().toString();
    if (sid.isEmpty())
        return nullptr;
    const auto it = std::find_if(m_numbers.cbegin(), m_numbers.cend(),
                                 [&](const NumberInfo &n) { return n.sid == sid; });
    return it == m_numbers.cend() ? nullptr : &*it;
}

QString TestNumberChooser::confirmation() const
{
    const NumberInfo *n = current();
    if (!n)
        return {};
    if (!n->trunkSid.isEmpty())
        return tr("%1 is a number of the trunk. Deploying step 2 moves it off the trunk now, "
                  "before the PBX is cut over: its calls go through the new handler from then "
                  "on. A spare number (on no trunk) tests the same path without moving a "
                  "production number.")
            .arg(n->phoneNumber);
    if (!n->voiceUrl.isEmpty())
        return tr("%1 answers calls at %2 today. Deploying step 2 points it at the new handler "
                  "instead (its old voice settings are kept in the journal).")
            .arg(n->phoneNumber, n->voiceUrl);
    return {};
}
