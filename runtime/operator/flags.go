package operator

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kubesmith/kubesmith/runtime/reconciler"
)

// Flags are the controller's command line. The names match the
// incumbent's, so the Helm values map onto them unchanged.
type Flags struct {
	Region                 string
	EndpointURL            string
	EndpointUsePathStyle   optionalBool
	WatchNamespace         string
	DefaultResyncSeconds   int
	ResourceResyncSeconds  kindInts
	DefaultMaxConcurrent   int
	ResourceMaxConcurrent  kindInts
	DeletionPolicy         string
	LogLevel               string
	DevelopmentLogging     bool
	LeaderElection         bool
	LeaderElectionNS       string
	MetricsAddr            string
	HealthProbeAddr        string
	Kubeconfig             string
	ResourceTags           string
	WatchSelectors         string
	ReconcileResources     string
	EnableCARM             bool
	EnableCrossNamespace   bool
	AllowUnsafeEndpointURL bool
	PendingRequeueInterval time.Duration
	BackoffBase            time.Duration
	BackoffMax             time.Duration
	AWSAPIQPS              float64
	AWSAPIBurst            int
	KubeAPIQPS             float64
	KubeAPIBurst           int
	ReconcileTimeout       time.Duration
	AWSCallTimeout         time.Duration
	PprofAddr              string
	GCPercent              int
}

// DefaultMaxConcurrentSyncs is the reconciles of one kind in parallel;
// see the README's Performance section for the measurement behind it.
const DefaultMaxConcurrentSyncs = 8

// DefaultGCPercent is --gc-percent's default; see Bind.
const DefaultGCPercent = 50

// Bind registers the flags on fs.
func (f *Flags) Bind(fs *flag.FlagSet) {
	fs.StringVar(&f.Region, "aws-region", "", "default AWS region for resources that name none (defaults to AWS_REGION)")
	fs.StringVar(&f.EndpointURL, "aws-endpoint-url", "", "override the AWS endpoint, for example an emulator")
	fs.Var(&f.EndpointUsePathStyle, "aws-endpoint-use-path-style", "address S3 buckets by path (endpoint/bucket) rather than by host name (bucket.endpoint), on services that have it; default: true when --aws-endpoint-url is set, else false")
	fs.StringVar(&f.WatchNamespace, "watch-namespace", "", "comma-separated namespaces to watch; empty watches all")
	fs.IntVar(&f.DefaultResyncSeconds, "reconcile-default-resync-seconds", 36000, "seconds between re-reads of an unchanged resource")
	fs.Var(&f.ResourceResyncSeconds, "reconcile-resource-resync-seconds", "per-kind resync period as Kind=seconds; repeatable")
	// A pass waits on AWS and the API server far more than it computes.
	fs.IntVar(&f.DefaultMaxConcurrent, "reconcile-default-max-concurrent-syncs", DefaultMaxConcurrentSyncs, "parallel reconciles per kind")
	fs.Var(&f.ResourceMaxConcurrent, "reconcile-resource-max-concurrent-syncs", "per-kind parallel reconciles as Kind=N; repeatable")
	fs.StringVar(&f.DeletionPolicy, "deletion-policy", "delete", "what deleting a resource does in AWS: delete or retain")
	fs.StringVar(&f.LogLevel, "log-level", "info", "log level: debug, info or error")
	fs.BoolVar(&f.DevelopmentLogging, "enable-development-logging", false, "human-readable logs")
	fs.BoolVar(&f.LeaderElection, "enable-leader-election", false, "elect a leader so that only one replica reconciles")
	fs.StringVar(&f.LeaderElectionNS, "leader-election-namespace", "", "namespace of the leader election lease")
	fs.StringVar(&f.MetricsAddr, "metrics-addr", ":8080", "address of the Prometheus metrics endpoint; 0 disables it")
	fs.StringVar(&f.HealthProbeAddr, "health-probe-addr", ":8081", "address of the /healthz and /readyz endpoints; 0 disables them")
	fs.StringVar(&f.Kubeconfig, "kubeconfig", "", "kubeconfig file; in-cluster configuration when empty")
	fs.StringVar(&f.ResourceTags, "resource-tags", reconciler.DefaultResourceTags, "comma-separated key=value tags added to every taggable resource; values may use %K8S_NAMESPACE%, %K8S_RESOURCE_NAME%, %CONTROLLER_SERVICE% and %CONTROLLER_VERSION%")
	fs.StringVar(&f.WatchSelectors, "watch-selectors", "", "comma-separated label selectors of the resources to watch")
	fs.StringVar(&f.ReconcileResources, "reconcile-resources", "", "comma-separated kinds to reconcile; empty reconciles all")
	fs.BoolVar(&f.EnableCARM, "enable-carm", true, "allow cross-account resource management")
	fs.BoolVar(&f.EnableCrossNamespace, "enable-cross-namespace", true, "allow references and Secret keys in other namespaces than the resource's")
	fs.BoolVar(&f.AllowUnsafeEndpointURL, "allow-unsafe-aws-endpoint-urls", false, "allow AWS endpoint URLs over plain http, as an emulator needs")
	fs.DurationVar(&f.PendingRequeueInterval, "pending-requeue-interval", 10*time.Second, "how soon a resource in a transitional state is re-read")
	fs.DurationVar(&f.BackoffBase, "reconcile-backoff-base", time.Second, "first retry delay after a recoverable error; it doubles per failure, with jitter")
	fs.DurationVar(&f.BackoffMax, "reconcile-backoff-max", 5*time.Minute, "longest retry delay after recoverable errors")
	// AWS's quotas differ per account and operation: rather than a fixed cap
	// set for the worst of them, the SDK's adaptive retry mode slows down
	// when AWS throttles.
	fs.Float64Var(&f.AWSAPIQPS, "aws-api-qps", 0, "fixed client-side limit of AWS calls per second, per region and service; 0 means none: the calls slow down when AWS throttles them (the SDK's adaptive retry mode)")
	fs.IntVar(&f.AWSAPIBurst, "aws-api-burst", 40, "burst of the fixed client-side AWS call limit")
	// client-go's default of 5 per second made 1,000 Tables take 16 minutes
	// to become Ready; the API server's priority and fairness protects it.
	fs.Float64Var(&f.KubeAPIQPS, "kube-api-qps", 200, "client-side limit of Kubernetes API requests per second; 0 means none, leaving it to the API server's flow control")
	fs.IntVar(&f.KubeAPIBurst, "kube-api-burst", 400, "burst of the client-side Kubernetes API request limit")
	// A pass makes a handful of calls (read, write, tags, sub-resources);
	// AWS answers each in well under a second, and the SDK's own retries
	// of a throttled call fit in the call timeout.
	fs.DurationVar(&f.ReconcileTimeout, "reconcile-timeout", 2*time.Minute, "longest reconcile of one resource; a longer one is cut short and retried as Recoverable; 0 means no limit")
	fs.DurationVar(&f.AWSCallTimeout, "aws-call-timeout", 30*time.Second, "longest AWS call, its retries included; a longer one fails as Recoverable; 0 means no limit")
	// Off by default: profiles show the objects' contents.
	fs.StringVar(&f.PprofAddr, "pprof-addr", "", "address of Go's /debug/pprof endpoints, to profile memory and CPU; empty disables them")
	// The live heap is mostly the cache of the objects; Go's default of 100
	// lets the heap grow to twice it between collections, and RSS follows
	// the heap's high point. 50 cost 1,000 SecurityGroups several MiB less
	// (README, Performance) for more collections of a small heap.
	fs.IntVar(&f.GCPercent, "gc-percent", DefaultGCPercent, "heap growth between garbage collections, in percent of the live heap (Go's GOGC); GOGC in the environment wins")
}

// PathStyle tells whether clients use path-style addressing: as the flag
// says, else when an endpoint is set, since an emulator at localhost or at
// an IP address has no host name per bucket.
func (f *Flags) PathStyle() bool {
	if f.EndpointUsePathStyle.set {
		return f.EndpointUsePathStyle.value
	}
	return f.EndpointURL != ""
}

// optionalBool is a bool flag that knows whether it was given.
type optionalBool struct{ set, value bool }

func (b *optionalBool) String() string {
	if b == nil || !b.set {
		return ""
	}
	return strconv.FormatBool(b.value)
}

func (b *optionalBool) Set(v string) error {
	value, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("%q is not true or false", v)
	}
	b.set, b.value = true, value
	return nil
}

// IsBoolFlag lets the flag be given without a value, meaning true.
func (b *optionalBool) IsBoolFlag() bool { return true }

// kindInts is a repeatable Kind=N flag.
type kindInts map[string]int

func (k *kindInts) String() string {
	if k == nil {
		return ""
	}
	parts := make([]string, 0, len(*k))
	for kind, n := range *k {
		parts = append(parts, fmt.Sprintf("%s=%d", kind, n))
	}
	return strings.Join(parts, ",")
}

func (k *kindInts) Set(v string) error {
	kind, n, ok := strings.Cut(v, "=")
	if !ok || kind == "" {
		return fmt.Errorf("%q is not Kind=N", v)
	}
	i, err := strconv.Atoi(n)
	if err != nil || i <= 0 {
		return fmt.Errorf("%q: %q is not a positive integer", v, n)
	}
	if *k == nil {
		*k = kindInts{}
	}
	(*k)[kind] = i
	return nil
}
