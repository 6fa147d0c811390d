#!/usr/bin/env bash
# Formats every tracked C++ source with the committed .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.h' | xargs -r clang-format -i
