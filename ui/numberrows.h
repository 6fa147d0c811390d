#pragma once

#include "migrationtypes.h"
#include "numberrow.h"

// The engine's view of a number as a row of the step-4 table. The error text is the sentence
// for the administrator; the code and its link travel in their own fields.
namespace NumberRows {

NumberRow fromInfo(const NumberInfo &info);
QVector<NumberRow> fromInfos(const QVector<NumberInfo> &infos);

} // namespace NumberRows
