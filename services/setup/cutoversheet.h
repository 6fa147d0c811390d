#pragma once

#include "migrationtypes.h"

// Step 3: what the PBX administrator needs, built from the result of step 1. The sheet's text
// (CutoverSheet::asText(), declared with the type in migrationtypes.h) is implemented in
// cutoversheet.cpp.
CutoverSheet makeCutoverSheet(const InboundResult &result, const InboundOptions &options);
