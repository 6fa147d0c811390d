#include "numbercounts.h"

#include "numbertablemodel.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(NumberCounts)
};

QString countOf(NumberState state, int n)
{
    switch (state) {
    case NumberState::OnTrunk:
        return Tr::tr("%n on the trunk", nullptr, n);
    case NumberState::Migrating:
        return Tr::tr("%n migrating", nullptr, n);
    case NumberState::UrlSet:
        return Tr::tr("%n with the new URL but still on the trunk", nullptr, n);
    case NumberState::Migrated:
        return Tr::tr("%n migrated", nullptr, n);
    case NumberState::Failed:
        return Tr::tr("%n failed", nullptr, n);
    case NumberState::Reverting:
        return Tr::tr("%n reverting", nullptr, n);
    case NumberState::Reverted:
        return Tr::tr("%n reverted", nullptr, n);
    case NumberState::NotOnTrunk:
        return Tr::tr("%n no longer on the trunk", nullptr, n);
    }
    return {};
}
} // namespace

namespace NumberCounts {

QString sentence(const NumberTableModel *numbers)
{
    QStringList parts;
    for (int state = 0; state < NumberStateCount; ++state) {
        if (const int n = numbers->countInState(NumberState(state)); n > 0)
            parts.append(countOf(NumberState(state), n));
    }
    return parts.isEmpty() ? Tr::tr("none") : parts.join(Tr::tr(", "));
}

QStringList summaryLines(const NumberTableModel *numbers)
{
    const auto count = [numbers](NumberState state) {
        return numbers->countInState(state);
    };
    QStringList lines;
    if (const int off = count(NumberState::Migrated); off > 0)
        lines.append(Tr::tr("Migrated (off the trunk, on the new handler): %1").arg(off));
    const int reverted = count(NumberState::Reverted);
    const int urlSet = count(NumberState::UrlSet);
    const int onTrunk = count(NumberState::OnTrunk) + reverted + urlSet;
    if (onTrunk > 0) {
        QStringList of;
        if (reverted > 0)
            of.append(Tr::tr("%n reverted", nullptr, reverted));
        if (urlSet > 0)
            of.append(Tr::tr("%n with the new URL already set", nullptr, urlSet));
        lines.append(
            of.isEmpty()
                ? Tr::tr("Still on the trunk: %1").arg(onTrunk)
                : Tr::tr("Still on the trunk: %1 (%2)").arg(onTrunk).arg(of.join(Tr::tr(", "))));
    }
    if (const int failed = count(NumberState::Failed); failed > 0)
        lines.append(Tr::tr("Failed (see step 4's Last error column): %1").arg(failed));
    if (const int busy = count(NumberState::Migrating) + count(NumberState::Reverting); busy > 0)
        lines.append(Tr::tr("Being changed: %1").arg(busy));
    if (const int gone = count(NumberState::NotOnTrunk); gone > 0)
        lines.append(Tr::tr("No longer on the trunk (moved elsewhere): %1").arg(gone));
    lines.append(Tr::tr("Total: %1").arg(numbers->rowCount()));
    return lines;
}

} // namespace NumberCounts
