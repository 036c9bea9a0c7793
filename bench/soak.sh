#!/usr/bin/env bash
# Soak (not part of CI): the demo's mixed traffic with shadowing at 100% and a faulty baseline for a long run,
# sampling the process's resident memory. Usage: bench/soak.sh [seconds=600] [rate=40] [baseline-fault-share=0.1]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-600}; rate=${2:-40}; faults=${3:-0.1}
out=bench/results/soak
mkdir -p "$out"
dotnet build -c Release src/ShadowProxy.Gateway -o "$out/bin" -v quiet -nologo >/dev/null

"$out/bin/shadowproxy" demo --duration "$duration" --rate "$rate" --baseline-faults "$faults" > "$out/demo.log" 2>&1 &
pid=$!
echo "seconds,rss_mib" > "$out/rss.csv"
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && echo "$(( $(date +%s) - start )),$(( rss / 1024 ))" >> "$out/rss.csv"
  sleep 10
done
wait "$pid" || true

python3 - "$out" "$duration" "$rate" "$faults" <<'PY'
import csv, re, sys
out, duration, rate, faults = sys.argv[1:5]
rows = [(int(s), int(r)) for s, r in list(csv.reader(open(f"{out}/rss.csv")))[1:]]
log = open(f"{out}/demo.log").read()
done = re.search(r"Done: .*", log).group(0)
accounting = re.search(r"Shadow accounting: .*", log).group(0)
steady = [r for s, r in rows if s >= 60] or [r for _, r in rows]
first_half = [r for s, r in rows if 60 <= s < int(duration) / 2] or steady
second_half = [r for s, r in rows if s >= int(duration) / 2] or steady
report = f"""# Soak: {duration} s at {rate} req/s, shadowing 100%, baseline fault share {faults}

- {done}
- {accounting}
- RSS after warm-up: min {min(steady)} MiB, max {max(steady)} MiB; mean first half {sum(first_half)/len(first_half):.0f} MiB,
  second half {sum(second_half)/len(second_half):.0f} MiB (samples every 10 s in rss.csv)
"""
open(f"{out}/README.md", "w").write(report)
print(report)
PY
