// The kubernetes-models class for every kind the chart may render; any other kind fails validation.
const MODELS = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Pod": "kubernetes-models/v1/Pod",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/ServiceAccount": "kubernetes-models/v1/ServiceAccount",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
  "monitoring.coreos.com/v1/ServiceMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
  "monitoring.coreos.com/v1/PrometheusRule": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule",
};

/** Validates one object against its schema; throws on an unknown kind or a schema violation. */
export async function validateObject(obj) {
  const id = `${obj.apiVersion}/${obj.kind}`;
  const path = MODELS[id];
  if (!path) {
    throw new Error(`unknown kind ${id}: add it to eng/chart-tests/kinds.mjs with its kubernetes-models class`);
  }
  const module = await import(path);
  const Model = module[obj.kind];
  new Model(obj).validate();
}
