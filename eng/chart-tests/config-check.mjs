// Starts the real gateway's `config check` for every Deployment of one `helm template` rendering, the way the pod
// would start `serve`: the mounted gateway.json, the container's own arguments and its environment (values the
// chart's Secret holds, a placeholder where an existing Secret would provide one, `$(VAR)` expanded as the kubelet
// does). So the chart can never render a key the gateway ignores or refuses.
// Usage: node config-check.mjs --rendered out.yaml --gateway path/to/shadowproxy.dll [--label L]
// Prints one `ok - ...` or `not ok - ...` line per Deployment.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { loadAll } from "js-yaml";

const { values: args } = parseArgs({
  options: { rendered: { type: "string" }, gateway: { type: "string" }, label: { type: "string", default: "" } },
});

const objects = loadAll(readFileSync(args.rendered, "utf8")).filter((o) => o != null);
const secrets = objects.filter((o) => o.kind === "Secret");
const configMaps = objects.filter((o) => o.kind === "ConfigMap");
const placeholder = "placeholder-from-an-existing-secret-0123456789";
const prefix = args.label ? `${args.label}: ` : "";
const work = mkdtempSync(join(tmpdir(), "shadowproxy-config-check-"));

function secretValue(ref) {
  const data = secrets.find((s) => s.metadata.name === ref.name)?.data?.[ref.key];
  return data === undefined ? placeholder : Buffer.from(data, "base64").toString("utf8");
}

function podEnvironment(container) {
  const env = {};
  for (const entry of container.env ?? []) {
    let value = entry.value;
    if (entry.valueFrom?.secretKeyRef) value = secretValue(entry.valueFrom.secretKeyRef);
    else if (entry.valueFrom?.fieldRef) value = "pod-0";
    value = (value ?? "").replace(/\$\(([A-Za-z0-9_]+)\)/g, (whole, name) => env[name] ?? whole);
    env[entry.name] = value;
  }
  return env;
}

try {
  for (const deployment of objects.filter((o) => o.kind === "Deployment")) {
    const name = `config check on ${deployment.metadata.name}`;
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    const mount = container.volumeMounts.find((m) => m.mountPath === "/etc/shadowproxy");
    const volume = pod.volumes.find((v) => v.name === mount?.name);
    const json = configMaps.find((m) => m.metadata.name === volume?.configMap?.name)?.data?.["gateway.json"];
    if (!json || container.args[0] !== "serve") {
      console.log(`not ok - ${prefix}${name}: no mounted gateway.json or no serve command`);
      continue;
    }
    const file = join(work, `${deployment.metadata.name}.json`);
    writeFileSync(file, json);
    const commandLine = container.args.slice(1).map((a) => (a === "/etc/shadowproxy/gateway.json" ? file : a));
    const environment = { PATH: process.env.PATH, HOME: process.env.HOME ?? work, DOTNET_CLI_TELEMETRY_OPTOUT: "1", ...podEnvironment(container) };
    const result = spawnSync("dotnet", [args.gateway, "config", "check", ...commandLine], { env: environment, encoding: "utf8", timeout: 60_000 });
    if (result.status === 0) {
      console.log(`ok - ${prefix}${name}`);
    } else {
      const problems = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim().split("\n").slice(0, 6).join(" | ");
      console.log(`not ok - ${prefix}${name}: exit ${result.status}: ${problems}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
