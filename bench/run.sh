#!/usr/bin/env bash
# The performance harness in one command (not part of CI):
#   bench/run.sh [compare] [--quick] [--rounds N] [--stage-seconds S] [--systems direct,bare-yarp,...]
#   bench/run.sh soak [--seconds 600] [--rate 40] [--fault-share 0.1] [--baseline-concurrency 64]
#   bench/run.sh memory [--hung-seconds 60] [--rounds 3] [--streams 200] [--max-buffered-mib 256]
#   bench/run.sh micro [BenchmarkDotNet arguments, e.g. --filter '*Tee*']
#   bench/run.sh drift [--days 30] [--reps 10] [--only aa,ab,mix,slow,low,tradeoff]   (simulated time; about 20 minutes)
# Installs nginx, wrk and the Portkey gateway if missing, builds every system in Release, then runs the load
# pinned to core 0 (systems under test get core 1). Results land in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

command=${1:-compare}
[ $# -gt 0 ] && shift

if [ "$command" = micro ]; then
  exec dotnet run -c Release --project bench/ShadowProxy.Benchmarks -- "$@"
fi

if [ "$command" = drift ]; then
  exec dotnet run -c Release --project bench/ShadowProxy.DriftBench -- "$@"
fi

missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v taskset >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the packaged nginx on port 80; the benchmark runs its own.
  as_root service nginx stop >/dev/null 2>&1 || true
fi
export PATH="$PATH:/usr/sbin"

stamp=bench/peers/node_modules/.installed-lock
if [ ! -f "$stamp" ] || ! cmp -s bench/peers/package-lock.json "$stamp"; then
  echo "bench: npm ci in bench/peers"
  (cd bench/peers && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp bench/peers/package-lock.json "$stamp"
fi

out=artifacts/bench
for project in src/ShadowProxy.Gateway:gateway src/ShadowProxy.Simulator:simulator \
               bench/ShadowProxy.Bench.BareYarp:bare-yarp samples/ExistingYarpGateway:sample \
               bench/ShadowProxy.LoadBench:loadbench; do
  dotnet build -c Release "${project%%:*}" -o "$out/${project##*:}" -v quiet -nologo >/dev/null
done

# .NET delays promoting hot code to optimised tiers while new methods keep being compiled; on one saturated core
# that holds a fresh process at a fraction of its speed for a minute. Every .NET process here (systems under test,
# simulators, the load) starts counting calls at once, so all of them reach steady state within seconds.
export DOTNET_TC_CallCountingDelayMs=0
exec taskset -c 0 dotnet "$out/loadbench/shadowproxy-bench.dll" "$command" "$@"
