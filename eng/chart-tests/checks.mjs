// What the chart promises beyond schema validity; each check reads the rendered objects and the effective values.
import assert from "node:assert/strict";

const STANDARD_LABELS = [
  "app.kubernetes.io/name",
  "app.kubernetes.io/instance",
  "app.kubernetes.io/version",
  "app.kubernetes.io/managed-by",
  "helm.sh/chart",
];
const SECRET_VALUE_KEYS = new Set(["apiKey", "password", "token"]);

const ofKind = (objects, kind) => objects.filter((o) => o.kind === kind);
const deployments = (c) => ofKind(c.objects, "Deployment");
const componentOf = (o) => o.metadata.labels?.["app.kubernetes.io/component"];
const mainContainer = (d) => d.spec.template.spec.containers.find((c) => c.name === "shadowproxy");

function matches(selector, labels) {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Every secret-looking value given in the values file (apiKey, password, token), to look for where it leaks. */
function secretValues(node, found = []) {
  if (Array.isArray(node)) node.forEach((n) => secretValues(n, found));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (SECRET_VALUE_KEYS.has(k) && typeof v === "string" && v.length > 0) found.push(v);
      else secretValues(v, found);
    }
  }
  return found;
}

function containerPort(container, name) {
  return container.ports?.find((p) => p.name === name)?.containerPort;
}

export const chartChecks = [
  ["every object has the standard app.kubernetes.io labels", (c) => {
    for (const o of c.objects) {
      for (const label of STANDARD_LABELS) {
        assert.ok(o.metadata.labels?.[label], `${o.kind}/${o.metadata.name} lacks ${label}`);
      }
    }
  }],

  ["pods run restricted: non-root 65532, read-only root, no privilege escalation, caps dropped, RuntimeDefault seccomp", (c) => {
    assert.ok(deployments(c).length > 0, "no Deployment rendered");
    for (const d of deployments(c)) {
      const pod = d.spec.template.spec;
      assert.equal(pod.securityContext?.runAsNonRoot, true, `${d.metadata.name}: pod runAsNonRoot`);
      assert.equal(pod.securityContext?.runAsUser, 65532, `${d.metadata.name}: pod runAsUser`);
      assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault", `${d.metadata.name}: pod seccompProfile`);
      assert.equal(pod.automountServiceAccountToken, false, `${d.metadata.name}: service account token mounted`);
      for (const container of pod.containers) {
        const sc = container.securityContext ?? {};
        assert.equal(sc.runAsNonRoot, true, `${container.name}: runAsNonRoot`);
        assert.equal(sc.runAsUser, 65532, `${container.name}: runAsUser`);
        assert.equal(sc.readOnlyRootFilesystem, true, `${container.name}: readOnlyRootFilesystem`);
        assert.equal(sc.allowPrivilegeEscalation, false, `${container.name}: allowPrivilegeEscalation`);
        assert.deepEqual(sc.capabilities?.drop, ["ALL"], `${container.name}: capabilities.drop`);
        assert.equal(sc.seccompProfile?.type, "RuntimeDefault", `${container.name}: seccompProfile`);
        const tmp = container.volumeMounts?.find((m) => m.mountPath === "/tmp");
        assert.ok(tmp, `${container.name}: no /tmp mount`);
        assert.ok(pod.volumes.find((v) => v.name === tmp.name)?.emptyDir, "/tmp is not an emptyDir");
      }
    }
  }],

  ["probes hit /healthz (startup, liveness) and /readyz (readiness) on the admin port 9090", (c) => {
    for (const d of deployments(c)) {
      const container = mainContainer(d);
      assert.equal(containerPort(container, "admin"), 9090, `${d.metadata.name}: admin port`);
      const expected = { startupProbe: "/healthz", livenessProbe: "/healthz", readinessProbe: "/readyz" };
      for (const [probe, path] of Object.entries(expected)) {
        const get = container[probe]?.httpGet;
        assert.ok(get, `${d.metadata.name}: no ${probe}`);
        assert.equal(get.path, path, `${d.metadata.name}: ${probe} path`);
        assert.ok(get.port === "admin" || get.port === 9090, `${d.metadata.name}: ${probe} on port ${get.port}`);
      }
    }
  }],

  ["the host's shutdown fits the pod's grace period, after a preStop pause on gateways", (c) => {
    for (const d of deployments(c)) {
      const pod = d.spec.template.spec;
      const container = mainContainer(d);
      const timeout = Number(container.env.find((e) => e.name === "shutdownTimeoutSeconds")?.value);
      const pause = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
      assert.ok(timeout > 0, `${d.metadata.name}: shutdownTimeoutSeconds ${timeout}`);
      assert.ok(pause + timeout < pod.terminationGracePeriodSeconds, `${d.metadata.name}: preStop ${pause} s + shutdown ${timeout} s must fit ${pod.terminationGracePeriodSeconds} s`);
      if (d.metadata.labels["app.kubernetes.io/component"] !== "worker") {
        assert.ok(pause > 0, `${d.metadata.name}: gateways pause in preStop so endpoints drop them before they stop`);
      }
    }
  }],

  ["pod templates carry checksum/config and checksum/secret annotations", (c) => {
    for (const d of deployments(c)) {
      const annotations = d.spec.template.metadata.annotations ?? {};
      assert.match(annotations["checksum/config"] ?? "", /^[0-9a-f]{64}$/, `${d.metadata.name}: checksum/config`);
      assert.match(annotations["checksum/secret"] ?? "", /^[0-9a-f]{64}$/, `${d.metadata.name}: checksum/secret`);
    }
  }],

  ["the container serves the mounted gateway.json with the right role", (c) => {
    const workers = c.values.worker.enabled;
    for (const d of deployments(c)) {
      const container = mainContainer(d);
      const args = container.args.join(" ");
      assert.match(args, /^serve --config \/etc\/shadowproxy\/gateway\.json --role /, `${d.metadata.name}: args ${args}`);
      const expectedRole = componentOf(d) === "worker" ? "worker" : workers ? "gateway" : "all";
      assert.ok(args.endsWith(`--role ${expectedRole}`), `${d.metadata.name}: expected role ${expectedRole}, got ${args}`);
      const mount = container.volumeMounts.find((m) => m.mountPath === "/etc/shadowproxy");
      const volume = d.spec.template.spec.volumes.find((v) => v.name === mount?.name);
      const configMap = ofKind(c.objects, "ConfigMap").find((m) => m.metadata.name === volume?.configMap?.name);
      assert.ok(configMap?.data?.["gateway.json"], `${d.metadata.name}: mounted ConfigMap has no gateway.json`);
    }
    assert.equal(deployments(c).some((d) => componentOf(d) === "worker"), workers, "worker Deployment iff worker.enabled");
  }],

  ["gateway.json is valid JSON with listeners on 0.0.0.0 and a shadow policy per configured route", (c) => {
    const config = gatewayConfig(c);
    assert.equal(config.Listeners.Proxy, "http://0.0.0.0:8080");
    assert.equal(config.Listeners.Admin, "http://0.0.0.0:9090");
    for (const [id, route] of Object.entries(c.values.routes)) {
      assert.equal(config.ReverseProxy.Routes[id]?.ClusterId, id, `route ${id}`);
      assert.equal(config.ReverseProxy.Clusters[id]?.Destinations?.primary?.Address, route.primary.address, `cluster ${id}`);
      if (route.shadow?.enabled) {
        const policy = config.Shadowing.Routes[id];
        assert.equal(policy?.Enabled, true, `shadow policy ${id}`);
        assert.equal(policy.Baseline.Model, route.shadow.baseline.model, `baseline model ${id}`);
        assert.equal(policy.SampleRate, route.shadow.sampleRate, `sample rate ${id}`);
        assert.equal(policy.MinNoiseReplicatesPerHour, route.shadow.minNoiseReplicatesPerHour, `replicate floor ${id}`);
      }
    }
    // Every drift value set lands under the gateway's own key; unset ones leave the gateway's default.
    for (const [key, value] of Object.entries(c.values.drift)) {
      const name = key[0].toUpperCase() + key.slice(1);
      assert.equal(config.Drift[name], value ?? undefined, `drift.${key} → Drift:${name}`);
    }
    // The gateway reads Evidence:Ttl (a time span); a key it does not know would leave evidence kept for the default.
    assert.equal(config.Evidence.Ttl, `${c.values.evidence.ttlDays}.00:00:00`);
    assert.equal(config.Evidence.TtlDays, undefined);
  }],

  ["the helm test pod probes the admin Service and is no endpoint of it", (c) => {
    const tests = c.objects.filter((o) => o.kind === "Pod" && o.metadata.annotations?.["helm.sh/hook"] === "test");
    assert.equal(tests.length, c.values.tests.enabled ? 1 : 0, "helm test pods");
    const admin = ofKind(c.objects, "Service").find((s) => s.metadata.name.endsWith("-admin"));
    for (const pod of tests) {
      const script = pod.spec.containers[0].args.join("\n");
      assert.ok(script.includes(`http://${admin.metadata.name}:${admin.spec.ports[0].port}`), "targets the admin Service");
      assert.ok(script.includes("/readyz") && script.includes("shadowproxy_build_info"), "checks readiness and scraping");
      assert.equal(script.includes("without a token"), !c.values.admin.allowRemoteWithoutToken, "checks /admin needs the token");
      const selected = Object.entries(admin.spec.selector).every(([k, v]) => pod.metadata.labels[k] === v);
      assert.ok(!selected, "the admin Service would route scrapes to the test pod");
    }
  }],

  ["logs use the chosen console format", (c) => {
    assert.equal(gatewayConfig(c).Logging.Console.FormatterName, c.values.telemetry.logFormat);
  }],

  ["no secret value appears in a ConfigMap or outside Secrets", (c) => {
    const fromValues = secretValues(c.overrides);
    const fromSecrets = ofKind(c.objects, "Secret").flatMap((s) =>
      Object.values(s.data ?? {}).map((v) => Buffer.from(v, "base64").toString("utf8")));
    for (const o of c.objects.filter((o) => o.kind !== "Secret")) {
      const text = JSON.stringify(o);
      for (const secret of [...fromValues, ...fromSecrets]) {
        assert.ok(!text.includes(secret), `${o.kind}/${o.metadata.name} contains a secret value`);
      }
    }
    for (const secret of fromValues) {
      assert.ok(fromSecrets.includes(secret), "an inline secret value is missing from the chart's Secret");
    }
  }],

  ["API keys, the admin token, the sampling secret and the Redis payload key reach the pods as secretKeyRef env vars", (c) => {
    const v = c.values;
    const expected = [];
    if (!v.admin.allowRemoteWithoutToken) expected.push("Admin__Token");
    for (const [id, route] of Object.entries(v.routes)) {
      const baseline = route.shadow?.baseline ?? {};
      if (baseline.apiKey || baseline.existingSecret) expected.push(`Shadowing__Routes__${id}__Baseline__ApiKey`);
      if (route.primary?.apiKey || route.primary?.existingSecret) expected.push(`SHADOWPROXY_PRIMARY_API_KEY_${id}`);
    }
    if (v.storage.mode === "redis" && (v.storage.redis.password || v.storage.redis.existingSecret)) {
      expected.push("SHADOWPROXY_REDIS_PASSWORD");
    }
    expected.push("Shadowing__SamplingSecret");
    if (v.storage.mode === "redis") expected.push("Redis__PayloadKey");
    const secretNames = new Set(ofKind(c.objects, "Secret").map((s) => s.metadata.name));
    for (const d of deployments(c)) {
      const env = mainContainer(d).env ?? [];
      for (const name of expected) {
        const ref = env.find((e) => e.name === name)?.valueFrom?.secretKeyRef;
        assert.ok(ref?.name && ref?.key, `${d.metadata.name}: ${name} is not a secretKeyRef`);
        const external = [v.admin.existingSecret, v.storage.redis.existingSecret,
          ...Object.values(v.routes).flatMap((r) => [r.primary?.existingSecret, r.shadow?.baseline?.existingSecret])];
        assert.ok(secretNames.has(ref.name) || external.includes(ref.name), `${name} refers to unknown Secret ${ref.name}`);
      }
    }
  }],

  ["Services: proxy on 8080 selects gateway pods, admin on 9090 selects every pod", (c) => {
    const services = ofKind(c.objects, "Service");
    const proxy = services.find((s) => s.spec.ports.some((p) => p.name === "proxy"));
    const admin = services.find((s) => s.spec.ports.some((p) => p.name === "admin"));
    assert.equal(proxy?.spec.ports[0].port, c.values.service.port);
    assert.equal(admin?.spec.ports[0].port, c.values.adminService.port);
    for (const d of deployments(c)) {
      const labels = d.spec.template.metadata.labels;
      assert.ok(matches(d.spec.selector.matchLabels, labels), `${d.metadata.name}: selector does not match its pods`);
      assert.ok(matches(admin.spec.selector, labels), `admin Service misses ${d.metadata.name}`);
      assert.equal(matches(proxy.spec.selector, labels), componentOf(d) === "gateway", `proxy Service and ${d.metadata.name}`);
    }
  }],

  ["HPAs and PDBs target existing Deployments; replicas left to the HPA", (c) => {
    const byName = new Map(deployments(c).map((d) => [d.metadata.name, d]));
    for (const hpa of ofKind(c.objects, "HorizontalPodAutoscaler")) {
      const target = byName.get(hpa.spec.scaleTargetRef.name);
      assert.ok(target, `HPA ${hpa.metadata.name} targets a missing Deployment`);
      assert.equal(target.spec.replicas, undefined, `${target.metadata.name} sets replicas under an HPA`);
      assert.ok(hpa.spec.metrics.length > 0, `HPA ${hpa.metadata.name} has no metrics`);
    }
    const hpaCount = ["gateway", "worker"].filter((k) => c.values[k].autoscaling.enabled && (k === "gateway" || c.values.worker.enabled)).length;
    assert.equal(ofKind(c.objects, "HorizontalPodAutoscaler").length, hpaCount, "HPA count");
    for (const pdb of ofKind(c.objects, "PodDisruptionBudget")) {
      const covered = deployments(c).filter((d) => matches(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels));
      assert.equal(covered.length, 1, `PDB ${pdb.metadata.name} covers ${covered.length} Deployments`);
    }
  }],

  ["ServiceMonitor and PrometheusRule exist only when enabled and monitoring.coreos.com/v1 is served", (c) => {
    const m = c.values.metrics;
    const expectMonitor = m.serviceMonitor.enabled && c.monitoringApi;
    const expectRule = m.prometheusRule.enabled && c.monitoringApi;
    assert.equal(ofKind(c.objects, "ServiceMonitor").length, expectMonitor ? 1 : 0, "ServiceMonitor count");
    assert.equal(ofKind(c.objects, "PrometheusRule").length, expectRule ? 1 : 0, "PrometheusRule count");
    if (expectMonitor) {
      const monitor = ofKind(c.objects, "ServiceMonitor")[0];
      const admin = ofKind(c.objects, "Service").find((s) => s.spec.ports.some((p) => p.name === "admin"));
      assert.ok(matches(monitor.spec.selector.matchLabels, admin.metadata.labels), "ServiceMonitor does not select the admin Service");
      assert.ok(!matches(monitor.spec.selector.matchLabels, ofKind(c.objects, "Service").find((s) => s !== admin).metadata.labels),
        "ServiceMonitor also selects the proxy Service");
      assert.deepEqual(monitor.spec.endpoints.map((e) => [e.port, e.path]), [["admin", "/metrics"]]);
    }
  }],

  ["the PrometheusRule carries exactly the groups of grafana/alerts/shadowproxy-alerts.yaml", (c) => {
    const rule = ofKind(c.objects, "PrometheusRule")[0];
    if (!rule) return;
    const base = c.values.metrics.prometheusRule.runbookBaseUrl.replace(/\/$/, "");
    const source = JSON.stringify(c.alerts.spec ?? c.alerts);
    const expected = JSON.parse(base ? source.replaceAll(ProjectRunbooks, base) : source);
    assert.deepEqual(rule.spec, expected);
    for (const alert of rule.spec.groups.flatMap((g) => g.rules)) {
      const url = alert.annotations.runbook_url;
      assert.ok(url.startsWith(base || ProjectRunbooks), `${alert.alert}: runbook_url ${url}`);
      assert.ok(url.endsWith(`#${alert.alert.toLowerCase()}`), `${alert.alert}: runbook_url ${url} does not end in its anchor`);
    }
    assert.ok(rule.spec.groups.length > 0, "no rule groups");
  }],

  ["Grafana dashboards: one labelled ConfigMap of valid JSON per files/dashboards/*.json when enabled", (c) => {
    const dashboards = ofKind(c.objects, "ConfigMap").filter((m) => m.metadata.labels?.grafana_dashboard === "1");
    const expected = c.values.grafana.dashboards.enabled ? c.dashboards.length : 0;
    assert.equal(dashboards.length, expected, "dashboard ConfigMap count");
    for (const map of dashboards) {
      for (const [file, json] of Object.entries(map.data)) {
        assert.ok(c.dashboards.includes(file), `unexpected dashboard ${file}`);
        JSON.parse(json);
      }
    }
  }],
];

const ProjectRunbooks = "https://github.com/shadowproxy/shadowproxy/blob/main/docs/runbooks.md";

function gatewayConfig(c) {
  const maps = ofKind(c.objects, "ConfigMap").filter((m) => m.data?.["gateway.json"]);
  assert.equal(maps.length, 1, "exactly one ConfigMap with gateway.json");
  return JSON.parse(maps[0].data["gateway.json"]);
}
