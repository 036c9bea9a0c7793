{{/*
gateway.json, the file passed with `--config`. Secrets never land here: API keys, the admin token and the
Redis connection string reach the pods as environment variables from Secrets (see shadowproxy.secretEnv).
*/}}
{{- define "shadowproxy.gatewayConfig" -}}
{{- $routes := dict }}
{{- $clusters := dict }}
{{- $shadowRoutes := dict }}
{{- range $id, $route := .Values.routes }}
{{- $primary := default dict $route.primary }}
{{- $_ := set $routes $id (dict
      "ClusterId" $id
      "Match" (dict "Path" (default "/v1/{**path}" $route.path))
      "Transforms" (list (dict "X-Forwarded" "Off"))) }}
{{- $_ := set $clusters $id (dict "Destinations" (dict "primary" (dict "Address" $primary.address))) }}
{{- $shadow := default dict $route.shadow }}
{{- if hasKey $shadow "enabled" }}
{{- $baseline := default dict $shadow.baseline }}
{{- $budget := default dict $shadow.budget }}
{{- $policy := dict "Enabled" $shadow.enabled }}
{{- range $key, $name := dict
      "sampleRate" "SampleRate" "samplingKey" "SamplingKey" "operations" "Operations"
      "maxRequestBodyBytes" "MaxRequestBodyBytes" "maxResponseCaptureBytes" "MaxResponseCaptureBytes"
      "noiseReplicateRate" "NoiseReplicateRate" "minNoiseReplicatesPerHour" "MinNoiseReplicatesPerHour" "comparisonProfile" "ComparisonProfile" "captureEvidence" "CaptureEvidence" }}
{{- if hasKey $shadow $key }}{{ $_ := set $policy $name (get $shadow $key) }}{{ end }}
{{- end }}
{{- $baselineConfig := dict }}
{{- range $key, $name := dict
      "address" "Address" "model" "Model" "apiKeyHeader" "ApiKeyHeader" "forwardClientCredentials" "ForwardClientCredentials"
      "timeout" "Timeout" "maxConcurrency" "MaxConcurrency" "maxChoices" "MaxChoices" "maxOutputTokens" "MaxOutputTokens" }}
{{- if hasKey $baseline $key }}{{ $_ := set $baselineConfig $name (get $baseline $key) }}{{ end }}
{{- end }}
{{- $_ := set $policy "Baseline" $baselineConfig }}
{{- $budgetConfig := dict }}
{{- range $key, $name := dict "requestsPerMinute" "RequestsPerMinute" "tokensPerDay" "TokensPerDay" }}
{{- if hasKey $budget $key }}{{ $_ := set $budgetConfig $name (get $budget $key) }}{{ end }}
{{- end }}
{{- $_ := set $policy "Budget" $budgetConfig }}
{{- $_ := set $shadowRoutes $id $policy }}
{{- end }}
{{- end }}
{{- $profiles := dict }}
{{- range $name, $profile := .Values.comparison.profiles }}
{{- $p := dict "Extractor" $profile.extractor }}
{{- if $profile.jsonPath }}{{ $_ := set $p "JsonPath" $profile.jsonPath }}{{ end }}
{{- $_ := set $profiles $name $p }}
{{- end }}
{{- $prices := dict }}
{{- range $model, $price := .Values.comparison.prices }}
{{- $_ := set $prices $model (dict "InputPerMillion" $price.input "OutputPerMillion" $price.output) }}
{{- end }}
{{- $drift := dict }}
{{- range $key, $name := dict "bucketDuration" "BucketDuration" "windowBuckets" "WindowBuckets" "minPairs" "MinPairs"
      "falseDriftInterval" "FalseDriftInterval" "falseWarningInterval" "FalseWarningInterval" "minNoisePairs" "MinNoisePairs"
      "noiseMemory" "NoiseMemory" "nullBoundZ" "NullBoundZ" "acceptReferencePairs" "AcceptReferencePairs" }}
{{- if not (kindIs "invalid" (get $.Values.drift $key)) }}{{ $_ := set $drift $name (get $.Values.drift $key) }}{{ end }}
{{- end }}
{{- $admin := dict }}
{{- if .Values.admin.allowRemoteWithoutToken }}{{ $_ := set $admin "AllowRemoteWithoutToken" true }}{{ end }}
{{- $config := dict
      "Logging" (dict "LogLevel" (dict "Default" .Values.telemetry.logLevel) "Console" (dict "FormatterName" .Values.telemetry.logFormat))
      "Listeners" (dict "Proxy" "http://0.0.0.0:8080" "Admin" "http://0.0.0.0:9090")
      "Admin" $admin
      "Upstream" (dict "ActivityTimeout" .Values.upstream.activityTimeout)
      "ReverseProxy" (dict "Routes" $routes "Clusters" $clusters)
      "Shadowing" (dict "QueueCapacity" .Values.shadowing.queueCapacity "Workers" .Values.shadowing.workers "MaxBufferedBytes" .Values.shadowing.maxBufferedBytes "MaxCpuUtilization" .Values.shadowing.maxCpuUtilization "Routes" $shadowRoutes)
      "Comparison" (dict "Profiles" $profiles "Prices" $prices)
      "Drift" $drift
      "Evidence" (dict "Ttl" (printf "%d.00:00:00" (int .Values.evidence.ttlDays))) }}
{{- if eq .Values.storage.mode "redis" }}
{{- $_ := set $config "Redis" (dict "KeyPrefix" .Values.storage.redis.keyPrefix) }}
{{- end }}
{{- mustMergeOverwrite $config (deepCopy .Values.extraConfig) | toPrettyJson }}
{{- end }}
