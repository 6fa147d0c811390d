#pragma once

#include "migrationtypes.h"

// Step 3: what the PBX administrator needs, built from the result of step 1. The sheet's text
// (CutoverSheet::asText()) belongs to the contract library (services/contract).
CutoverSheet makeCutoverSheet(const InboundResult &result, const InboundOptions &options);
