package helm

import (
	"fmt"
	"slices"
)

// Values is the chart's values.yaml. Both values.yaml and values.schema.json
// are written from this type, so a key cannot exist in one and not the other.
// Key names and nesting are the incumbent's (ACK), so existing values files work.
//
// Tags: json is the key; help is the comment in values.yaml and the description
// in the schema; enum lists the allowed strings; const, in JSON, is the one
// value the schema accepts, for an incumbent key whose other values would not act. Every struct is a fixed shape
// (the schema rejects unknown keys there), every map is keyed by the user.
type Values struct {
	Image                Image          `json:"image" help:"The controller's container image."`
	NameOverride         string         `json:"nameOverride" help:"Replaces the base name of the chart's objects (default: <service>-controller)."`
	FullnameOverride     string         `json:"fullnameOverride" help:"Replaces the full name of the chart's objects (default: <release>-<base name>)."`
	Deployment           Deployment     `json:"deployment" help:"The controller's Deployment and its pod."`
	Role                 Role           `json:"role" help:"The ClusterRole (installScope=cluster) or Roles (installScope=namespace) of the controller."`
	Metrics              Metrics        `json:"metrics" help:"The Prometheus metrics endpoint, served on deployment.containerPort."`
	Resources            Resources      `json:"resources" help:"CPU and memory requests and limits of the controller container."`
	AWS                  AWS            `json:"aws" help:"How the controller reaches AWS."`
	Log                  Log            `json:"log" help:"Controller logging."`
	InstallScope         string         `json:"installScope" enum:"cluster,namespace" help:"cluster: one ClusterRole, resources in any namespace. namespace: a Role in each watched namespace only."`
	WatchNamespace       string         `json:"watchNamespace" help:"Comma-separated namespaces to watch. Empty means all namespaces (installScope=cluster) or the release namespace (installScope=namespace)."`
	WatchSelectors       string         `json:"watchSelectors" help:"Comma-separated label selectors (key=value); only resources that match are reconciled. Empty means all."`
	ResourceTags         []string       `json:"resourceTags" help:"Tags (key=value) put on every AWS resource the controller creates. %CONTROLLER_SERVICE%, %CONTROLLER_VERSION%, %K8S_NAMESPACE% and %K8S_RESOURCE_NAME% are filled in per resource."`
	DeletionPolicy       string         `json:"deletionPolicy" enum:"delete,retain" help:"What happens to the AWS resource when its Kubernetes object is deleted. A resource or namespace annotation services.k8s.aws/deletion-policy overrides it."`
	Reconcile            Reconcile      `json:"reconcile" help:"How often and how many resources the controller reconciles."`
	KubeAPI              KubeAPI        `json:"kubeAPI" help:"The controller's requests to the Kubernetes API server."`
	ServiceAccount       ServiceAccount `json:"serviceAccount" help:"The Kubernetes service account the controller runs as."`
	LeaderElection       LeaderElection `json:"leaderElection" help:"Leader election, needed when deployment.replicas is more than 1."`
	EnableCARM           bool           `json:"enableCARM" help:"Cross-account resource management: a namespace annotated with services.k8s.aws/owner-account-id has its resources managed through a role in that account."`
	EnableCrossNamespace bool           `json:"enableCrossNamespace" help:"Let a resource reference objects and Secret keys in other namespaces. false refuses such a reference with a Terminal condition."`
	FeatureGates         FeatureGates   `json:"featureGates" help:"The incumbent's optional features. kubesmith has no switches: each key accepts only the value that describes what the controller always does."`
}

// Image is the controller's container image.
type Image struct {
	Repository  string   `json:"repository" help:"Image repository."`
	Tag         string   `json:"tag" help:"Image tag; empty means the chart's appVersion."`
	PullPolicy  string   `json:"pullPolicy" enum:"Always,IfNotPresent,Never" help:"When the kubelet pulls the image."`
	PullSecrets []string `json:"pullSecrets" help:"Names of Secrets in the release namespace to pull the image with."`
}

// Deployment is the controller's Deployment and pod.
type Deployment struct {
	Annotations       map[string]string `json:"annotations" help:"Annotations on the Deployment and its pods."`
	Labels            map[string]string `json:"labels" help:"Extra labels on the Deployment and its pods."`
	ContainerPort     int               `json:"containerPort" help:"Port of the metrics endpoint (the controller's --metrics-addr)."`
	Replicas          int               `json:"replicas" help:"Number of controller pods. With more than 1, enable leaderElection so only one acts at a time."`
	NodeSelector      map[string]string `json:"nodeSelector" help:"Node labels a pod needs to be scheduled on a node."`
	Tolerations       []Object          `json:"tolerations" help:"Pod tolerations, as in a pod spec."`
	Affinity          Object            `json:"affinity" help:"Pod affinity, as in a pod spec."`
	PriorityClassName string            `json:"priorityClassName" help:"PriorityClass of the pods; empty means the cluster default."`
	HostNetwork       bool              `json:"hostNetwork" help:"Run the pods in the node's network namespace."`
	DNSPolicy         string            `json:"dnsPolicy" enum:"ClusterFirst,ClusterFirstWithHostNet,Default,None" help:"Pod DNS policy; with hostNetwork you usually want ClusterFirstWithHostNet."`
	Strategy          Object            `json:"strategy" help:"Deployment update strategy, as in a Deployment spec; empty means the Kubernetes default."`
	ExtraVolumes      []Object          `json:"extraVolumes" help:"More pod volumes, as in a pod spec."`
	ExtraVolumeMounts []Object          `json:"extraVolumeMounts" help:"More container volume mounts, as in a container spec."`
	ExtraEnvVars      []Object          `json:"extraEnvVars" help:"More container environment variables, as in a container spec (value or valueFrom)."`
}

// Object is a free-form Kubernetes fragment passed through to a manifest as is.
type Object = map[string]any

// Role holds settings of the controller's RBAC role.
type Role struct {
	Labels map[string]string `json:"labels" help:"Extra labels on the ClusterRole or Roles."`
}

// Metrics is the metrics endpoint.
type Metrics struct {
	Service MetricsService `json:"service" help:"A Service in front of the metrics endpoint."`
}

// MetricsService is the Service in front of the metrics endpoint.
type MetricsService struct {
	Create bool   `json:"create" help:"Create the metrics Service."`
	Type   string `json:"type" enum:"ClusterIP,NodePort,LoadBalancer" help:"Kubernetes Service type."`
}

// Resources are container resource requests and limits.
type Resources struct {
	Requests map[string]Quantity `json:"requests" help:"Resources reserved for the container, by name (cpu, memory)."`
	Limits   map[string]Quantity `json:"limits" help:"Most resources the container may use, by name (cpu, memory)."`
}

// Quantity is a Kubernetes resource quantity: a string such as "64Mi", or a
// plain number such as 1 (CPU). The schema accepts both.
type Quantity string

// AWS is how the controller reaches AWS.
type AWS struct {
	Region                     string         `json:"region" help:"Region for AWS calls when neither the resource nor its namespace names one. Empty means the region from the environment."`
	EndpointURL                string         `json:"endpoint_url" help:"Endpoint URL for all AWS calls, for example an emulator. Empty means the real AWS endpoints."`
	IdentityEndpointURL        string         `json:"identity_endpoint_url" help:"Endpoint URL for STS calls only (caller identity, role assumption)."`
	AllowUnsafeAWSEndpointURLs bool           `json:"allow_unsafe_aws_endpoint_urls" help:"Allow endpoint_url and identity_endpoint_url over plain http, as an emulator needs. Without it the controller refuses to start with such an endpoint."`
	EndpointUsePathStyle       *bool          `json:"endpoint_use_path_style" help:"Address S3 buckets by path (endpoint/bucket) rather than by host name (bucket.endpoint); services without such addressing ignore it. Empty (null) means true when endpoint_url is set, as an emulator at localhost needs, and false otherwise."`
	Credentials                AWSCredentials `json:"credentials" help:"Static credentials from a Secret. Leave secretName empty to use the pod's identity (IRSA or EKS Pod Identity)."`
	CallTimeoutSeconds         int            `json:"callTimeoutSeconds" help:"Seconds one AWS call, its retries included, may take before it fails as Recoverable (an endpoint that accepts the connection and never answers). 0 means no limit."`
	APIQPS                     int            `json:"apiQPS" help:"A fixed limit of AWS calls per second, per region and service. 0 means none: calls slow down only when AWS throttles them (the SDK's adaptive retry mode), so one account's quota does not cap every controller."`
	APIBurst                   int            `json:"apiBurst" help:"Calls apiQPS lets through at once after a quiet spell."`
}

// KubeAPI is the controller's client-side limit of Kubernetes API requests.
type KubeAPI struct {
	QPS   int `json:"qps" help:"Requests per second to the Kubernetes API server. The default does not throttle a controller creating 1,000 resources a minute (about 3 writes each); the API server's priority and fairness protects it. 0 means no client-side limit."`
	Burst int `json:"burst" help:"Requests qps lets through at once after a quiet spell."`
}

// AWSCredentials names a Secret holding a shared credentials file.
type AWSCredentials struct {
	SecretName string `json:"secretName" help:"Secret in the release namespace that holds an AWS shared credentials file. Empty means no Secret."`
	SecretKey  string `json:"secretKey" help:"Key of the Secret that holds the file."`
	Profile    string `json:"profile" help:"Profile of the file to use."`
}

// Log is controller logging.
type Log struct {
	EnableDevelopmentLogging bool   `json:"enable_development_logging" help:"Human-readable console logs with stack traces, instead of JSON."`
	Level                    string `json:"level" enum:"debug,info,warn,error" help:"Least severe level that is logged."`
}

// Reconcile is how often and how many resources the controller reconciles.
type Reconcile struct {
	DefaultResyncPeriod        int            `json:"defaultResyncPeriod" help:"Seconds between two reads of a resource from AWS, to find and undo drift (36000 is 10 hours)."`
	ResourceResyncPeriods      map[string]int `json:"resourceResyncPeriods" help:"defaultResyncPeriod for one kind, by kind name (Table: 600)."`
	DefaultMaxConcurrentSyncs  int            `json:"defaultMaxConcurrentSyncs" help:"How many resources of one kind are reconciled at the same time. A reconcile mostly waits on AWS and the API server: with 8 and no client-side throttling, 1,000 DynamoDB Tables were Ready in 41 s on a quiet 2-core machine (README, Performance)."`
	ResourceMaxConcurrentSyncs map[string]int `json:"resourceMaxConcurrentSyncs" help:"defaultMaxConcurrentSyncs for one kind, by kind name."`
	Resources                  []string       `json:"resources" help:"Kinds to reconcile; the others are ignored. Empty means all."`
	TimeoutSeconds             int            `json:"timeoutSeconds" help:"Seconds one reconcile of one resource may take before it is cut short and retried as Recoverable, so that a hung call cannot stall its kind. 0 means no limit."`
}

// ServiceAccount is the Kubernetes service account of the controller.
type ServiceAccount struct {
	Create      bool              `json:"create" help:"Create the service account; otherwise it must exist."`
	Name        string            `json:"name" help:"Name of the service account; empty means the full name of the chart's objects."`
	Annotations map[string]string `json:"annotations" help:"Annotations on the service account, for example eks.amazonaws.com/role-arn for IRSA."`
}

// FeatureGates are the incumbent's feature gates. Each is fixed at what the
// kubesmith controller does, so a values file that turns one the other way
// fails instead of being silently ignored.
type FeatureGates struct {
	ReadOnlyResources bool `json:"ReadOnlyResources" const:"true" help:"The services.k8s.aws/read-only annotation is always honoured: only true is accepted."`
	ResourceAdoption  bool `json:"ResourceAdoption" const:"true" help:"The services.k8s.aws/adoption-policy annotation is always honoured: only true is accepted."`
	ServiceLevelCARM  bool `json:"ServiceLevelCARM" const:"false" help:"Per-service account role maps do not exist in kubesmith: only false is accepted."`
	TeamLevelCARM     bool `json:"TeamLevelCARM" const:"false" help:"Per-team account role maps do not exist in kubesmith: only false is accepted."`
	IAMRoleSelector   bool `json:"IAMRoleSelector" const:"false" help:"IAM role selectors do not exist in kubesmith: only false is accepted."`
}

// LeaderElection is leader election between controller pods.
type LeaderElection struct {
	Enabled   bool   `json:"enabled" help:"Elect one active pod through a Lease."`
	Namespace string `json:"namespace" help:"Namespace of the Lease; empty means the release namespace."`
}

// DefaultValues returns the values a chart for in ships with.
func DefaultValues(in Input) Values {
	kinds := make([]string, 0, len(in.Kinds))
	for _, k := range in.Kinds {
		kinds = append(kinds, k.Kind)
	}
	slices.Sort(kinds)
	return Values{
		Image: Image{
			Repository:  in.Image,
			Tag:         in.Version,
			PullPolicy:  "IfNotPresent",
			PullSecrets: []string{},
		},
		Deployment: Deployment{
			Annotations:       map[string]string{},
			Labels:            map[string]string{},
			ContainerPort:     8080,
			Replicas:          1,
			NodeSelector:      map[string]string{"kubernetes.io/os": "linux"},
			Tolerations:       []Object{},
			Affinity:          Object{},
			DNSPolicy:         "ClusterFirst",
			Strategy:          Object{},
			ExtraVolumes:      []Object{},
			ExtraVolumeMounts: []Object{},
			ExtraEnvVars:      []Object{},
		},
		Role:    Role{Labels: map[string]string{}},
		Metrics: Metrics{Service: MetricsService{Type: "ClusterIP"}},
		Resources: Resources{
			Requests: map[string]Quantity{"cpu": "50m", "memory": "64Mi"},
			Limits:   map[string]Quantity{"cpu": "100m", "memory": "128Mi"},
		},
		AWS: AWS{
			Credentials:        AWSCredentials{SecretKey: "credentials", Profile: "default"},
			CallTimeoutSeconds: 30,
			APIBurst:           40,
		},
		Log:          Log{Level: "info"},
		InstallScope: "cluster",
		ResourceTags: []string{
			"services.k8s.aws/controller-version=%CONTROLLER_SERVICE%-%CONTROLLER_VERSION%",
			"services.k8s.aws/namespace=%K8S_NAMESPACE%",
			"services.k8s.aws/name=%K8S_RESOURCE_NAME%",
		},
		DeletionPolicy: "delete",
		Reconcile: Reconcile{
			DefaultResyncPeriod:        36000,
			ResourceResyncPeriods:      map[string]int{},
			DefaultMaxConcurrentSyncs:  8,
			ResourceMaxConcurrentSyncs: map[string]int{},
			Resources:                  kinds,
			TimeoutSeconds:             120,
		},
		KubeAPI: KubeAPI{QPS: 200, Burst: 400},
		ServiceAccount: ServiceAccount{
			Create:      true,
			Name:        fmt.Sprintf("%s-controller", in.Service),
			Annotations: map[string]string{},
		},
		EnableCARM:           true,
		EnableCrossNamespace: true,
		FeatureGates:         FeatureGates{ReadOnlyResources: true, ResourceAdoption: true},
	}
}
