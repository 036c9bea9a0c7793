#!/usr/bin/env bash
# The one test command (README, .ci/run): set up what the tests need, then run every test in the solution.
set -euo pipefail
cd "$(dirname "$0")/.."

eng/install-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution ShadowProxy.sln --no-progress 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line a CI reader understands, summed over the test projects.
awk '
  /^[[:space:]]*total:/     { total += $2 }
  /^[[:space:]]*failed:/    { failed += $2 }
  /^[[:space:]]*succeeded:/ { passed += $2 }
  /^[[:space:]]*skipped:/   { skipped += $2 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
