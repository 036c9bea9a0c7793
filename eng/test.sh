#!/usr/bin/env bash
# The one test command (README, .ci/run): set up what the tests need, then run every check and every test.
set -uo pipefail
cd "$(dirname "$0")/.."

eng/install-deps.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
eng/check-observability.sh 2>&1 | tee -a "$log" || status=1
eng/check-chart.sh 2>&1 | tee -a "$log" || status=1
# The whole solution first: `dotnet test` builds only test projects and what they reference, and the sample that
# SampleTests runs as its own process is referenced by none of them.
if dotnet build ShadowProxy.sln --nologo -v quiet 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  dotnet test --solution ShadowProxy.sln --no-build --no-progress 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
else
  echo "build failed: no tests run" | tee -a "$log"
  status=1
fi

# The failed tests again at the end, where a reader of the log's tail finds them: each name with the first lines of
# its assertion message (long messages carry process output; the full text is further up).
awk '
  /^failed / { if (!shown++) print "failed tests:"; print "  " $0; lines = 0; inside = 1; next }
  inside && /^  from / { next }
  inside && /^  / && !/^    / && lines < 12 { print "    " substr($0, 3, 300); lines++; next }
  { inside = 0 }
' "$log"
# One closing line a CI reader understands: the .NET test totals plus the observability and chart checks.
awk '
  /^[[:space:]]*failed:/    { failed += $2 }
  /^[[:space:]]*succeeded:/ { passed += $2 }
  /^[[:space:]]*skipped:/   { skipped += $2 }
  /^build failed:/          { failed += 1 }
  /^(observability|chart) checks: [0-9]+ passed, [0-9]+ failed/ { passed += $3; failed += $5 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
