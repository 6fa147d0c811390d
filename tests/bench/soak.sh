#!/usr/bin/env bash
# The full soak of issue 7 §5 (docs/ENGINE.md "Soak"): 2,000 numbers under every hard fault of
# the sandbox at once, 20 crashes with resume, retry passes until converged, then a rollback.
# Usage: tests/bench/soak.sh [numbers] [crashes] [seed]   (after scripts/dev.sh build)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${BUILD_DIR:-build}
export TM_SOAK_NUMBERS=${1:-2000} TM_SOAK_CRASHES=${2:-20} TM_SOAK_SEED=${3:-7}
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="tm.*.info=false"
/usr/bin/time -f "wall %e s, peak RSS %M KB" \
    "$BUILD_DIR/tests/engine/tst_soak" -maxwarnings 0 2>&1 | grep -E "soak:|Totals|FAIL|wall"
