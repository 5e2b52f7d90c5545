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
What the controller may do, from the generator's one list of rules (the same
as config/rbac). rules: in each watched namespace (a ClusterRole when it watches
all); clusterRules: on cluster-scoped objects, a ClusterRole in every scope;
carmRules: in the release namespace with enableCARM; leaderElectionRules: in the
namespace of the Lease.
*/}}
{{- define "[[ .Service ]]-chart.rules" -}}
[[ .Rules.Watched ]]
{{- end -}}

{{- define "[[ .Service ]]-chart.clusterRules" -}}
[[ .Rules.Cluster ]]
{{- end -}}

{{- define "[[ .Service ]]-chart.carmRules" -}}
[[ .Rules.CARM ]]
{{- end -}}

{{- define "[[ .Service ]]-chart.leaderElectionRules" -}}
[[ .Rules.LeaderElection ]]
{{- end -}}
