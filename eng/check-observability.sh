#!/usr/bin/env bash
# Checks grafana/: the alert rules (promtool check and unit tests), the dashboards (structure, and every query
# proven to parse as PromQL by promtool), runbook and metric docs coverage. Writes the metric names that
# dashboards and rules reference to $1 (default /tmp/shadowproxy-referenced-metrics.txt), one per line, so a
# gateway test can assert each one is really exported.
set -euo pipefail
cd "$(dirname "$0")/.."

referenced_out=${1:-/tmp/shadowproxy-referenced-metrics.txt}
rules=grafana/alerts/shadowproxy-alerts.yaml
dashboards=(grafana/dashboards/*.json)

command -v promtool >/dev/null || { echo "promtool not found (Debian: apt-get install prometheus)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0

# check NAME COMMAND...: one line per check; the command's output only when it fails.
check() {
    local name=$1 output
    shift
    if output=$("$@" 2>&1); then
        echo "ok    $name"
        passed=$((passed + 1))
    else
        echo "FAIL  $name"
        sed 's/^/      /' <<<"$output"
        failed=$((failed + 1))
    fi
}

cat >"$work/observability.py" <<'PY'
"""Dashboard and rule-file checks for eng/check-observability.sh. Standard library only."""
import json
import re
import sys

DATASOURCE_REFS = {"${datasource}", "$datasource"}
GRAFANA_INTERVALS = {"__rate_interval": "5m", "__interval": "1m", "__range": "1h", "__range_s": "3600",
                     "__interval_ms": "60000"}
PROMQL_WORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
                "offset", "inf", "nan"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def panels(dashboard):
    """Every panel, including those nested in collapsed rows."""
    for p in dashboard.get("panels", []):
        yield p
        yield from p.get("panels", [])


def queries(dashboard):
    """(where, expr, kind) for panel targets, annotations and variable queries."""
    for p in panels(dashboard):
        for t in p.get("targets", []):
            if t.get("expr"):
                yield f"panel {p.get('id')} '{p.get('title')}' {t.get('refId')}", t["expr"], "panel"
    for a in dashboard.get("annotations", {}).get("list", []):
        if a.get("expr"):
            yield f"annotation '{a.get('name')}'", a["expr"], "annotation"
    for v in dashboard.get("templating", {}).get("list", []):
        if v.get("type") != "query":
            continue
        q = v.get("query")
        q = q.get("query", "") if isinstance(q, dict) else (q or "")
        m = re.fullmatch(r"\s*label_values\((.*),\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*", q, re.S)
        if m:
            yield f"variable '{v.get('name')}'", m.group(1), "variable"
        elif q.strip().startswith("query_result("):
            yield f"variable '{v.get('name')}'", q.strip()[len("query_result("):-1], "variable"


def substitute(expr):
    """Grafana variables to values promtool can parse; regex matchers on a variable match everything."""
    s = re.sub(r'(=~|!~)\s*"\$\{?[A-Za-z_][A-Za-z0-9_]*(:[a-z]+)?\}?"', r'\1".*"', expr)

    def value(m):
        name = m.group(1) or m.group(2)
        return GRAFANA_INTERVALS.get(name, "placeholder")

    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?\}|\$([A-Za-z_][A-Za-z0-9_]*)", value, s)


def metric_names(expr):
    s = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`', '""', expr)
    s = re.sub(r"\{[^}]*\}", " ", s)
    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", s)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\boffset\s+-?[0-9a-z]+", " ", s)
    names = set()
    for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", s):
        before = s[m.start() - 1] if m.start() else " "
        if before.isdigit() or before == ".":
            continue  # exponent of a number such as 1e-9
        if s[m.end():].lstrip().startswith("("):
            continue  # function or aggregation
        if m.group(0).lower() in PROMQL_WORDS:
            continue
        names.add(m.group(0))
    return names


def rule_exprs(path):
    """expr values of a Prometheus rule file written as block (|) or one-line scalars."""
    lines = open(path, encoding="utf-8").read().splitlines()
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)(?:-\s+)?expr:\s*(.*)$", line)
        if not m:
            continue
        indent, value = len(m.group(1)), m.group(2).strip()
        if value and value[0] not in "|>":
            out.append(value.strip("'\""))
            continue
        block = []
        for nxt in lines[i + 1:]:
            if nxt.strip() and len(nxt) - len(nxt.lstrip()) <= indent:
                break
            block.append(nxt.strip())
        out.append(" ".join(block))
    return out


def validate(path):
    problems = []
    raw = open(path, encoding="utf-8").read()
    try:
        d = json.loads(raw)
    except json.JSONDecodeError as e:
        print(f"{path}: not JSON: {e}")
        return 1
    if d.get("schemaVersion") != 39:
        problems.append(f"schemaVersion is {d.get('schemaVersion')!r}, expected 39")
    if not d.get("uid"):
        problems.append("no uid")
    if "__inputs" in d or "${DS_" in raw:
        problems.append("exported for sharing externally (__inputs / ${DS_...}); export without that option")
    variables = d.get("templating", {}).get("list", [])
    if not any(v.get("type") == "datasource" and v.get("name") == "datasource" and v.get("query") == "prometheus"
               for v in variables):
        problems.append("no `datasource` variable of type datasource with query prometheus")
    for v in variables:
        if v.get("type") == "query" and (v.get("datasource") or {}).get("uid") not in DATASOURCE_REFS:
            problems.append(f"variable '{v.get('name')}' does not use the datasource variable")
    # Several installations (namespaces) and jobs report to one Prometheus: every series a dashboard reads is
    # scoped by the namespace and job variables, so one dashboard never adds two installations together.
    names = [v.get("name") for v in variables]
    for scope in ("namespace", "job"):
        if scope not in names:
            problems.append(f"no `{scope}` variable")
    for where, expr, _ in queries(d):
        if where in ("variable 'namespace'", "variable 'job'"):
            continue
        # Metric names only: label names inside by (...) / on (...) are not selectors.
        bare = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
        for selector in re.findall(r"\b(?:shadowproxy|gen_ai|process|dotnet)_[a-z0-9_]+(?:\{[^}]*\})?", bare):
            if 'namespace=~"$namespace"' not in selector or 'job=~"$job"' not in selector:
                problems.append(f"{where}: {selector} is not scoped by namespace and job")
    for a in d.get("annotations", {}).get("list", []):
        if a.get("expr") and (a.get("datasource") or {}).get("uid") not in DATASOURCE_REFS:
            problems.append(f"annotation '{a.get('name')}' does not use the datasource variable")
    ids = set()
    for p in panels(d):
        if p.get("type") == "row":
            continue
        where = f"panel {p.get('id')} '{p.get('title')}'"
        if p.get("id") in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(p.get("id"))
        if not p.get("fieldConfig", {}).get("defaults", {}).get("unit"):
            problems.append(f"{where}: no fieldConfig.defaults.unit")
        if (p.get("datasource") or {}).get("uid") not in DATASOURCE_REFS:
            problems.append(f"{where}: panel datasource is not the datasource variable")
        if not p.get("targets"):
            problems.append(f"{where}: no queries")
        for t in p.get("targets", []):
            if "datasource" in t and (t["datasource"] or {}).get("uid") not in DATASOURCE_REFS:
                problems.append(f"{where} {t.get('refId')}: query datasource is not the datasource variable")
            expr = t.get("expr", "")
            for fn, window in re.findall(r"\b(rate|irate|increase)\s*\([^\[]*\[([^\]]+)\]", expr):
                allowed = {"$__rate_interval"} if fn != "increase" else {"$__rate_interval", "$__range"}
                if window not in allowed:
                    problems.append(f"{where} {t.get('refId')}: {fn}(...[{window}]) should use "
                                    f"{' or '.join(sorted(allowed))}")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


def write_query_rules(path, out):
    """Every dashboard query as a recording rule, so `promtool check rules` parses it."""
    d = load(path)
    rules, problems = [], []
    stem = re.sub(r"[^A-Za-z0-9_]", "_", path.rsplit("/", 1)[-1].removesuffix(".json"))
    for n, (where, expr, _) in enumerate(queries(d)):
        promql = substitute(expr)
        if "$" in promql:
            problems.append(f"{where}: unsubstituted variable in {promql!r}")
        # The record name carries where the query lives, because promtool's errors name only the rule.
        slug = re.sub(r"[^A-Za-z0-9_]+", "_", re.sub(r"'[^']*'", "", where)).strip("_")
        rules.append({"record": f"dashboard_check:{stem}:{slug}_{n}", "expr": promql,
                      "labels": {"source": where}})
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"groups": [{"name": stem, "rules": rules}]}, f, indent=1)
    for p in problems:
        print(p)
    print(f"{len(rules)} queries")
    return 1 if problems or not rules else 0


def write_doc_rules(docs, out):
    """Every ```promql block of the docs as a recording rule, so the examples are proven to parse too."""
    blocks = re.findall(r"```promql\n(.*?)```", open(docs, encoding="utf-8").read(), re.S)
    rules = [{"record": f"docs_check:example_{n}", "expr": b} for n, b in enumerate(blocks)]
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"groups": [{"name": "docs", "rules": rules}]}, f, indent=1)
    print(f"{len(rules)} examples")
    return 0 if rules else 1


def referenced(out, rule_file, *dashboard_paths):
    names = set()
    for expr in rule_exprs(rule_file):
        names |= metric_names(expr)
    for path in dashboard_paths:
        for _, expr, _ in queries(load(path)):
            names |= metric_names(substitute(expr))
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(n + "\n" for n in sorted(names))
    print(f"{len(names)} metric names written to {out}")
    return 0 if names else 1


def alerts_covered(rule_file, runbooks, *tests):
    """Each alert: a runbook section, a runbook_url to it, a firing test case and a quiet test case."""
    text = open(rule_file, encoding="utf-8").read()
    alerts = re.findall(r"^\s*-\s*alert:\s*(\S+)", text, re.M)
    urls = re.findall(r"runbook_url:\s*(\S+)", text)
    book = open(runbooks, encoding="utf-8").read()
    headings = {m.lower() for m in re.findall(r"^##\s+(\S+)\s*$", book, re.M)}
    fires, quiet = set(), set()
    for t in tests:
        lines = [ln.strip() for ln in open(t, encoding="utf-8").read().splitlines()]
        for i, ln in enumerate(lines):
            m = re.match(r"alertname:\s*(\S+)", ln)
            if m:
                nxt = next((x for x in lines[i + 1:] if x), "")
                (quiet if nxt.replace(" ", "") == "exp_alerts:[]" else fires).add(m.group(1))
    problems = []
    for a in alerts:
        if a.lower() not in headings:
            problems.append(f"{a}: no '## {a}' section in {runbooks}")
        if not any(u.endswith("#" + a.lower()) for u in urls):
            problems.append(f"{a}: no runbook_url ending in #{a.lower()}")
        if a not in fires:
            problems.append(f"{a}: no test case where it fires")
        if a not in quiet:
            problems.append(f"{a}: no test case where it stays quiet")
    for p in problems:
        print(p)
    print(f"{len(alerts)} alerts")
    return 1 if problems or not alerts else 0


def documented(metrics_file, docs):
    """Each referenced metric's family has a section in docs/metrics.md."""
    book = open(docs, encoding="utf-8").read()
    missing = []
    for name in open(metrics_file, encoding="utf-8").read().split():
        family = re.sub(r"_(bucket|sum|count)$", "", name)
        if family not in book and name not in book:
            missing.append(name)
    for m in missing:
        print(f"{m}: not described in {docs}")
    return 1 if missing else 0


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    sys.exit({"validate": validate, "query-rules": write_query_rules, "referenced": referenced,
              "alerts-covered": alerts_covered, "documented": documented, "doc-rules": write_doc_rules}[command](*args))
PY
py() { python3 "$work/observability.py" "$@"; }
show_and_fail() { cat "$1"; return 1; }

check "promtool check rules $rules" promtool check rules "$rules"
check "promtool test rules grafana/alerts/tests/*.yaml" promtool test rules grafana/alerts/tests/*.yaml
check "every alert has a runbook section, a runbook_url and firing and quiet tests" \
    py alerts-covered "$rules" docs/runbooks.md grafana/alerts/tests/*.yaml

for dashboard in "${dashboards[@]}"; do
    name=$(basename "$dashboard")
    check "$name: JSON, schemaVersion 39, datasource variable, units, rate intervals" py validate "$dashboard"
    rule_file="$work/${name%.json}.queries.json"
    if py query-rules "$dashboard" "$rule_file" >"$work/queries.log" 2>&1; then
        check "$name: $(tail -n 1 "$work/queries.log") parse as PromQL (promtool check rules)" \
            promtool check rules "$rule_file"
    else
        check "$name: queries extracted" show_and_fail "$work/queries.log"
    fi
done

if py doc-rules docs/metrics.md "$work/docs.queries.json" >"$work/queries.log" 2>&1; then
    check "docs/metrics.md: $(tail -n 1 "$work/queries.log") parse as PromQL" promtool check rules "$work/docs.queries.json"
else
    check "docs/metrics.md: PromQL examples extracted" show_and_fail "$work/queries.log"
fi

check "referenced metric names written to $referenced_out" py referenced "$referenced_out" "$rules" "${dashboards[@]}"
check "every referenced metric is described in docs/metrics.md" py documented "$referenced_out" docs/metrics.md

echo "observability checks: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
