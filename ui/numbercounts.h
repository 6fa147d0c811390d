#pragma once

#include <QString>
#include <QStringList>

class NumberTableModel;

// The counts the numbers page and the Finish page show, worded so they always add up to the
// trunk's total: every number is counted once, by where it stands.
namespace NumberCounts {
// "248 on the trunk, 1 with the new URL, still on the trunk, 1 migrated": every state present,
// in the order a number moves through them.
QString sentence(const NumberTableModel *numbers);
// The Finish page's lines, grouped by where the numbers are now: off the trunk, still on it
// (with how many of those were reverted or carry the new URL), failed, and the total.
QStringList summaryLines(const NumberTableModel *numbers);
} // namespace NumberCounts
