{{/*
Named templates are global across a chart and its subcharts, so every name
carries the chart's own prefix.
*/}}

{{/* Base name of the objects: nameOverride, or "<service>-controller". */}}
{{- define "[[ .Service ]]-chart.name" -}}
{{- default "[[ .Service ]]-controller" .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Full name of the objects: fullnameOverride, or the release name joined with the
base name (just the release name when it already holds the base name). Kept to
63 characters, the limit of a label value and of a Service name.
*/}}
{{- define "[[ .Service ]]-chart.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "[[ .Service ]]-chart.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Chart name and version, as the helm.sh/chart label wants them. */}}
{{- define "[[ .Service ]]-chart.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that pick the controller's pods; they must never change between upgrades. */}}
{{- define "[[ .Service ]]-chart.selectorLabels" -}}
app.kubernetes.io/name: {{ include "[[ .Service ]]-chart.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels on every object of the chart. */}}
{{- define "[[ .Service ]]-chart.labels" -}}
{{ include "[[ .Service ]]-chart.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: controller
app.kubernetes.io/part-of: kubesmith
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "[[ .Service ]]-chart.chart" . }}
{{- end -}}

{{/* The service account the controller runs as, created by the chart or not. */}}
{{- define "[[ .Service ]]-chart.serviceAccountName" -}}
{{- default (include "[[ .Service ]]-chart.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/*
Comma list of the namespaces the controller watches, spaces and empty entries
dropped. With installScope=namespace an empty watchNamespace means the release
namespace; with installScope=cluster it means all namespaces.
*/}}
{{- define "[[ .Service ]]-chart.watchNamespaces" -}}
{{- $given := .Values.watchNamespace -}}
{{- if and (eq .Values.installScope "namespace") (not $given) -}}
{{- $given = .Release.Namespace -}}
{{- end -}}
{{- $namespaces := list -}}
{{- range splitList "," $given -}}
{{- with trim . -}}
{{- $namespaces = append $namespaces . -}}
{{- end -}}
{{- end -}}
{{- join "," $namespaces -}}
{{- end -}}

{{/*
Comma list of the namespaces that get a Role with installScope=namespace: the
watched ones plus the release namespace, where the controller reads its own
ConfigMaps (for example the cross-account role map).
*/}}
{{- define "[[ .Service ]]-chart.roleNamespaces" -}}
{{- concat (splitList "," (include "[[ .Service ]]-chart.watchNamespaces" .)) (list .Release.Namespace) | uniq | join "," -}}
{{- end -}}

{{/* featureGates as the controller's --feature-gates value: name=bool pairs in name order. */}}
{{- define "[[ .Service ]]-chart.featureGates" -}}
{{- $gates := list -}}
{{- range $name, $enabled := .Values.featureGates -}}
{{- $gates = append $gates (printf "%s=%t" $name $enabled) -}}
{{- end -}}
{{- join "," $gates -}}
{{- end -}}

{{/*
What the controller may do in the cluster, shared by the ClusterRole
(installScope=cluster) and each namespace's Role (installScope=namespace).
*/}}
{{- define "[[ .Service ]]-chart.rules" -}}
- apiGroups:
    - [[ .Group ]]
  resources:
[[- range .Kinds ]]
    - [[ .Plural ]]
[[- end ]]
  verbs:
    - create
    - delete
    - get
    - list
    - patch
    - update
    - watch
- apiGroups:
    - [[ .Group ]]
  resources:
[[- range .Kinds ]]
    - [[ .Plural ]]/status
[[- end ]]
  verbs:
    - get
    - patch
    - update
- apiGroups:
    - [[ .Group ]]
  resources:
[[- range .Kinds ]]
    - [[ .Plural ]]/finalizers
[[- end ]]
  verbs:
    - update
- apiGroups:
    - ""
  resources:
    - namespaces
    - configmaps
    - secrets
  verbs:
    - get
    - list
    - watch
- apiGroups:
    - ""
    - events.k8s.io
  resources:
    - events
  verbs:
    - create
    - patch
{{- end -}}
