// Validates one `helm template` rendering: every object against its Kubernetes schema, then the chart's own
// promises (security context, probes, labels, checksums, secrets kept out of ConfigMaps, monitoring gating).
// Usage: node validate.mjs --rendered out.yaml --values case.yaml --chart ../../charts/shadowproxy
//                          --alerts ../../grafana/alerts/shadowproxy-alerts.yaml [--monitoring-api]
// Prints one `ok - ...` or `not ok - ...` line per check; exits 1 when any check failed.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadAll, load } from "js-yaml";
import { validateObject } from "./kinds.mjs";
import { chartChecks } from "./checks.mjs";

const { values: args } = parseArgs({
  options: {
    rendered: { type: "string" },
    values: { type: "string" },
    chart: { type: "string" },
    alerts: { type: "string" },
    "monitoring-api": { type: "boolean", default: false },
    label: { type: "string", default: "" },
  },
});

const objects = loadAll(readFileSync(args.rendered, "utf8")).filter((o) => o != null);
const defaults = load(readFileSync(join(args.chart, "values.yaml"), "utf8"));
const overrides = load(readFileSync(args.values, "utf8")) ?? {};
const context = {
  objects,
  values: deepMerge(defaults, overrides),
  overrides,
  monitoringApi: args["monitoring-api"],
  alerts: load(readFileSync(args.alerts, "utf8")),
  dashboards: readdirSync(join(args.chart, "files", "dashboards")).filter((f) => f.endsWith(".json")),
};

let failed = 0;
const report = (name, error) => {
  const prefix = args.label ? `${args.label}: ` : "";
  if (error) {
    failed++;
    console.log(`not ok - ${prefix}${name}: ${String(error).split("\n")[0]}`);
  } else {
    console.log(`ok - ${prefix}${name}`);
  }
};

for (const obj of objects) {
  try {
    await validateObject(obj);
    report(`schema ${obj.kind}/${obj.metadata?.name}`);
  } catch (e) {
    report(`schema ${obj.kind}/${obj.metadata?.name}`, e.message);
  }
}

for (const [name, check] of chartChecks) {
  try {
    check(context);
    report(name);
  } catch (e) {
    report(name, e.message);
  }
}

process.exitCode = failed > 0 ? 1 : 0;

function deepMerge(base, over) {
  if (!isMap(base) || !isMap(over)) return over === undefined ? base : over;
  const merged = { ...base };
  for (const [k, v] of Object.entries(over)) merged[k] = k in base ? deepMerge(base[k], v) : v;
  return merged;
}

function isMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
