{{/* The release's full name, used for every object of the operator (at most 63 characters). */}}
{{- define "min-memory-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "min-memory-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "min-memory-operator.labels" -}}
{{ include "min-memory-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "min-memory-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "min-memory-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
repository:tag, repository@digest, or repository:tag@digest. The tag defaults to appVersion when one is given
(the operator's and the server's images); Qdrant's is passed none, so its image needs a tag or a digest.
*/}}
{{- define "min-memory-operator.image" -}}
{{- $tag := default .appVersion .image.tag -}}
{{- $digest := .image.digest | default "" -}}
{{- if and (not $tag) (not $digest) -}}
{{- fail (printf "%s needs a tag or a digest" .name) -}}
{{- end -}}
{{- .image.repository -}}
{{- if $tag }}:{{ $tag }}{{ end -}}
{{- if $digest }}@{{ $digest }}{{ end -}}
{{- end -}}

{{/*
What the operator may do, the same in a ClusterRole or in a Role per namespace. It mirrors
operator/src/main/kubernetes/kubernetes.yml (a test keeps the two equal): read MemoryServers and patch their status,
create and keep in shape the objects it owns, delete only what a spec switch turns off (Ingress, NetworkPolicies).
*/}}
{{- define "min-memory-operator.rules" -}}
- apiGroups: [minmemory.dev]
  resources: [memoryservers]
  verbs: [get, list, watch]
- apiGroups: [minmemory.dev]
  resources: [memoryservers/status]
  verbs: [patch, update]
- apiGroups: [""]
  resources: [secrets, services]
  verbs: [get, list, watch, create, patch, update]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [apps]
  resources: [statefulsets]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [batch]
  resources: [cronjobs]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [""]
  resources: [persistentvolumeclaims]
  verbs: [get, list, patch]
- apiGroups: [""]
  resources: [pods]
  verbs: [list]
- apiGroups: [""]
  resources: [events]
  verbs: [create]
- apiGroups: [policy]
  resources: [poddisruptionbudgets]
  verbs: [get, list, watch, create, patch, update]
- apiGroups: [networking.k8s.io]
  resources: [ingresses, networkpolicies]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [monitoring.coreos.com]
  resources: [podmonitors]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [gateway.networking.k8s.io]
  resources: [httproutes]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [cert-manager.io]
  resources: [certificates]
  verbs: [get, list, watch, create, patch, update, delete]
{{- end -}}
