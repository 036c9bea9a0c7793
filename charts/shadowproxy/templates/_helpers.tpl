{{/* Chart name, cut to the 63 characters a label allows. */}}
{{- define "shadowproxy.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* `<release>-<chart>`, or just the release when it already contains the chart name. */}}
{{- define "shadowproxy.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "shadowproxy.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "shadowproxy.labels" -}}
helm.sh/chart: {{ include "shadowproxy.chart" . }}
{{ include "shadowproxy.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: shadowproxy
{{- end }}

{{/* Matches every pod of the release, gateway and worker alike. */}}
{{- define "shadowproxy.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shadowproxy.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one component; call with (dict "root" $ "component" "gateway"). */}}
{{- define "shadowproxy.componentLabels" -}}
{{ include "shadowproxy.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "shadowproxy.componentSelectorLabels" -}}
{{ include "shadowproxy.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "shadowproxy.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "shadowproxy.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "shadowproxy.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The role gateway pods run: `gateway` when separate workers call the baselines, else `all`. */}}
{{- define "shadowproxy.gatewayRole" -}}
{{- if .Values.worker.enabled }}gateway{{ else }}all{{ end }}
{{- end }}

{{/* Name of the Secret the chart creates for values given inline. */}}
{{- define "shadowproxy.secretName" -}}
{{- include "shadowproxy.fullname" . }}
{{- end }}

{{/* Admin token needed and neither given nor kept in an existing Secret: the chart generates one. */}}
{{- define "shadowproxy.adminTokenManaged" -}}
{{- if and (not .Values.admin.existingSecret) (not .Values.admin.allowRemoteWithoutToken) }}true{{ end }}
{{- end }}

{{/* A generated secret, kept from the Secret already in the cluster so upgrades do not rotate it. */}}
{{- define "shadowproxy.keptSecret" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace (include "shadowproxy.secretName" .root) }}
{{- $kept := (get (default dict (get (default dict $existing) "data")) .key) | default "" | b64dec }}
{{- default (randAlphaNum 48) (default $kept .value) | b64enc | quote }}
{{- end }}

{{- define "shadowproxy.redisPasswordManaged" -}}
{{- if and (eq .Values.storage.mode "redis") (not .Values.storage.redis.existingSecret) .Values.storage.redis.password }}true{{ end }}
{{- end }}

{{/*
The chart Secret's data, as YAML: every secret given inline in values. The admin token, when the chart
generates it, is kept from the Secret already in the cluster so upgrades do not rotate it.
*/}}
{{- define "shadowproxy.secretData" -}}
{{- if include "shadowproxy.adminTokenManaged" . }}
{{- $token := .Values.admin.token }}
{{- if not $token }}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "shadowproxy.secretName" .) }}
{{- $token = (get (default dict (get (default dict $existing) "data")) "admin-token") | default "" | b64dec }}
{{- end }}
admin-token: {{ default (randAlphaNum 40) $token | b64enc | quote }}
{{- end }}
{{- if include "shadowproxy.redisPasswordManaged" . }}
redis-password: {{ .Values.storage.redis.password | b64enc | quote }}
{{- end }}
sampling-secret: {{ include "shadowproxy.keptSecret" (dict "root" . "key" "sampling-secret" "value" .Values.shadowing.samplingSecret) }}
{{- if and (eq .Values.storage.mode "redis") (not .Values.storage.redis.existingSecret) }}
payload-key: {{ include "shadowproxy.keptSecret" (dict "root" . "key" "payload-key" "value" .Values.storage.redis.payloadKey) }}
{{- end }}
{{- range $id, $route := .Values.routes }}
{{- $primary := default dict $route.primary }}
{{- if and $primary.apiKey (not $primary.existingSecret) }}
primary-api-key-{{ $id }}: {{ $primary.apiKey | b64enc | quote }}
{{- end }}
{{- $baseline := default dict (default dict $route.shadow).baseline }}
{{- if and $baseline.apiKey (not $baseline.existingSecret) }}
baseline-api-key-{{ $id }}: {{ $baseline.apiKey | b64enc | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
A secretKeyRef for an optional secret value; empty output when there is none.
Call with (dict "root" $ "inline" <value> "existingSecret" <name> "existingKey" <key> "chartKey" <key>).
*/}}
{{- define "shadowproxy.secretKeyRef" -}}
{{- if .existingSecret }}
secretKeyRef:
  name: {{ .existingSecret }}
  key: {{ .existingKey }}
{{- else if .inline }}
secretKeyRef:
  name: {{ include "shadowproxy.secretName" .root }}
  key: {{ .chartKey }}
{{- end }}
{{- end }}

{{/* Secret-bearing configuration, as environment variables: Kubernetes resolves `$(VAR)` from earlier entries. */}}
{{- define "shadowproxy.secretEnv" -}}
{{- $root := . }}
{{- if not .Values.admin.allowRemoteWithoutToken }}
- name: Admin__Token
  valueFrom:
    {{- if .Values.admin.existingSecret }}
    secretKeyRef:
      name: {{ .Values.admin.existingSecret }}
      key: {{ .Values.admin.existingSecretKey }}
    {{- else }}
    secretKeyRef:
      name: {{ include "shadowproxy.secretName" . }}
      key: admin-token
    {{- end }}
{{- end }}
- name: Shadowing__SamplingSecret
  valueFrom:
    secretKeyRef:
      name: {{ include "shadowproxy.secretName" . }}
      key: sampling-secret
{{- if eq .Values.storage.mode "redis" }}
{{- $redis := .Values.storage.redis }}
- name: Redis__PayloadKey
  valueFrom:
    secretKeyRef:
      name: {{ default (include "shadowproxy.secretName" .) $redis.existingSecret }}
      key: {{ ternary $redis.existingSecretPayloadKey "payload-key" (not (empty $redis.existingSecret)) }}
{{- $password := include "shadowproxy.secretKeyRef" (dict "root" $root "inline" $redis.password "existingSecret" $redis.existingSecret "existingKey" $redis.existingSecretPasswordKey "chartKey" "redis-password") }}
{{- if $password }}
- name: SHADOWPROXY_REDIS_PASSWORD
  valueFrom:
    {{- $password | trim | nindent 4 }}
- name: Redis__ConnectionString
  value: {{ printf "%s,password=$(SHADOWPROXY_REDIS_PASSWORD)" $redis.connectionString | quote }}
{{- else }}
- name: Redis__ConnectionString
  value: {{ $redis.connectionString | quote }}
{{- end }}
{{- end }}
{{- range $id, $route := .Values.routes }}
{{- $primary := default dict $route.primary }}
{{- $primaryRef := include "shadowproxy.secretKeyRef" (dict "root" $root "inline" $primary.apiKey "existingSecret" $primary.existingSecret "existingKey" (default "primary-api-key" $primary.existingSecretKey) "chartKey" (printf "primary-api-key-%s" $id)) }}
{{- if $primaryRef }}
{{- $header := default "Authorization" $primary.apiKeyHeader }}
- name: SHADOWPROXY_PRIMARY_API_KEY_{{ $id }}
  valueFrom:
    {{- $primaryRef | trim | nindent 4 }}
- name: ReverseProxy__Routes__{{ $id }}__Transforms__1__RequestHeader
  value: {{ $header | quote }}
- name: ReverseProxy__Routes__{{ $id }}__Transforms__1__Set
  value: {{ ternary (printf "Bearer $(SHADOWPROXY_PRIMARY_API_KEY_%s)" $id) (printf "$(SHADOWPROXY_PRIMARY_API_KEY_%s)" $id) (eq (lower $header) "authorization") | quote }}
{{- if ne (lower $header) "authorization" }}
- name: ReverseProxy__Routes__{{ $id }}__Transforms__2__RequestHeaderRemove
  value: "Authorization"
{{- end }}
{{- end }}
{{- $shadow := default dict $route.shadow }}
{{- $baseline := default dict $shadow.baseline }}
{{- $baselineRef := include "shadowproxy.secretKeyRef" (dict "root" $root "inline" $baseline.apiKey "existingSecret" $baseline.existingSecret "existingKey" (default "baseline-api-key" $baseline.existingSecretKey) "chartKey" (printf "baseline-api-key-%s" $id)) }}
{{- if $baselineRef }}
- name: Shadowing__Routes__{{ $id }}__Baseline__ApiKey
  valueFrom:
    {{- $baselineRef | trim | nindent 4 }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Roll the pods when gateway.json or a secret given through values changes. Secrets kept in existing Secrets are
read at start only, so rotating one there needs a `kubectl rollout restart`.
*/}}
{{- define "shadowproxy.podAnnotations" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ toJson (list .Values.admin .Values.storage.redis .Values.routes .Values.shadowing.samplingSecret) | sha256sum }}
{{- end }}
