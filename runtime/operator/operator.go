// Package operator is the main program of every generated controller:
// flags, logging, the controller-runtime manager and one reconciler per kind.
package operator

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"net/url"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"go.uber.org/zap/zapcore"
	"k8s.io/apimachinery/pkg/labels"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/tools/clientcmd"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	ctrlmetrics "sigs.k8s.io/controller-runtime/pkg/metrics"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"

	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
	"github.com/kubesmith/kubesmith/runtime/reconciler"
)

// createSettle is how long after a create whose answer was lost, with
// nothing found in AWS, the controller waits before creating again: well
// past any AWS call's deadline, so a request a dead process sent cannot
// still land.
const createSettle = 90 * time.Second

// Main runs the controller for one service until it is signalled to stop.
func Main(service string, addToScheme func(*kruntime.Scheme) error, kinds ...reconciler.Registration) {
	// A flag set of our own: controller-runtime registers --kubeconfig on
	// the global one, and we define it ourselves.
	var f Flags
	fs := flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	f.Bind(fs)
	_ = fs.Parse(os.Args[1:]) // ExitOnError: Parse exits on a bad flag
	if err := run(ctrl.SetupSignalHandler(), service, addToScheme, kinds, f); err != nil {
		fmt.Fprintf(os.Stderr, "%s-controller: %v\n", service, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, service string, addToScheme func(*kruntime.Scheme) error, kinds []reconciler.Registration, f Flags) error {
	level, err := zapcore.ParseLevel(f.LogLevel)
	if err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	ctrl.SetLogger(zap.New(zap.UseDevMode(f.DevelopmentLogging), zap.Level(level)))
	logger := ctrl.Log.WithName(service)
	gcPercent(f.GCPercent, os.Getenv)

	if f.Region == "" {
		f.Region = os.Getenv("AWS_REGION")
	}
	if err := validate(kinds, f, os.Getenv); err != nil {
		return err
	}
	tags, _ := reconciler.ParseTags(f.ResourceTags) // validated above
	systemNamespace := os.Getenv("ACK_SYSTEM_NAMESPACE")
	if f.LeaderElectionNS == "" {
		f.LeaderElectionNS = systemNamespace
	}

	scheme := kruntime.NewScheme()
	if err := errors.Join(clientgoscheme.AddToScheme(scheme), addToScheme(scheme)); err != nil {
		return fmt.Errorf("building the scheme: %w", err)
	}
	cacheOpts, _ := cacheOptions(kinds, f) // validated above
	// In-cluster configuration when --kubeconfig is empty.
	restConfig, err := clientcmd.BuildConfigFromFlags("", f.Kubeconfig)
	if err != nil {
		return fmt.Errorf("finding the Kubernetes API server: %w", err)
	}
	restConfig.QPS, restConfig.Burst = kubeRateLimit(f.KubeAPIQPS, f.KubeAPIBurst)
	mgr, err := ctrl.NewManager(restConfig, ctrl.Options{
		Scheme:                  scheme,
		Cache:                   cacheOpts,
		Metrics:                 metricsserver.Options{BindAddress: f.MetricsAddr},
		HealthProbeBindAddress:  f.HealthProbeAddr,
		PprofBindAddress:        f.PprofAddr,
		LeaderElection:          f.LeaderElection,
		LeaderElectionID:        service + ".services.k8s.aws",
		LeaderElectionNamespace: f.LeaderElectionNS,
	})
	if err != nil {
		return fmt.Errorf("starting the controller manager: %w", err)
	}
	if err := errors.Join(mgr.AddHealthzCheck("ping", healthz.Ping), mgr.AddReadyzCheck("ping", healthz.Ping)); err != nil {
		return err
	}

	m := metrics.New()
	if err := m.Register(ctrlmetrics.Registry); err != nil {
		return fmt.Errorf("registering metrics: %w", err)
	}
	factory := awsclient.NewFactory(awsclient.Options{
		Endpoint:    f.EndpointURL,
		QPS:         f.AWSAPIQPS,
		Burst:       f.AWSAPIBurst,
		Calls:       m,
		CallTimeout: f.AWSCallTimeout,
	})
	var roles reconciler.RoleMapper
	if f.EnableCARM {
		// Uncached: reading one ConfigMap must not need a watch on all of them.
		roles = reconciler.ConfigMapRoles{Reader: mgr.GetAPIReader(), Namespace: systemNamespace, Name: reconciler.RoleAccountMapName}
	}
	version := controllerVersion()
	for _, k := range kinds {
		if !reconciled(k.Kind, f.ReconcileResources) {
			continue
		}
		opts := reconciler.Options{
			DefaultRegion:   f.Region,
			Resync:          seconds(f.ResourceResyncSeconds, k.Kind, f.DefaultResyncSeconds),
			Pending:         f.PendingRequeueInterval,
			Confirm:         time.Second,
			CreateSettle:    createSettle,
			DeletionPolicy:  f.DeletionPolicy,
			MaxConcurrent:   valueFor(f.ResourceMaxConcurrent, k.Kind, f.DefaultMaxConcurrent),
			BackoffBase:     f.BackoffBase,
			BackoffMax:      f.BackoffMax,
			Timeout:         f.ReconcileTimeout,
			AWS:             factory.Config,
			Client:          managed.ClientOptions{PathStyle: f.PathStyle()},
			Roles:           roles,
			Tags:            tags,
			Service:         service,
			Version:         version,
			WatchNamespaces: splitList(f.WatchNamespace),
			Metrics:         m,
			// Uncached, like the role map: a cache would hold every Secret.
			SecretReader:      mgr.GetAPIReader(),
			SameNamespaceOnly: !f.EnableCrossNamespace,
		}
		// Long enough for a batched kind's resyncs, all due at one instant,
		// to join one round; short against any resync period.
		opts.BatchWindow = time.Second
		if err := k.Setup(mgr, opts); err != nil {
			return err
		}
		logger.Info("reconciling kind", "kind", k.Kind, "resync", opts.Resync.String())
	}
	logger.Info("starting", "version", version, "region", f.Region, "endpoint", f.EndpointURL, "pathStyle", f.PathStyle(),
		"watchNamespace", f.WatchNamespace, "carm", f.EnableCARM, "crossNamespace", f.EnableCrossNamespace, "systemNamespace", systemNamespace,
		// Namespace annotations always work: the controller watches namespaces
		// in every install mode, and fails to start if it may not.
		"namespaceAnnotations", "watched")
	if f.EnableCARM && systemNamespace == "" {
		logger.Info("ACK_SYSTEM_NAMESPACE is unset: resources in namespaces with " + reconciler.AnnotationOwnerAccountID + " will report an error until it is set")
	}
	return mgr.Start(ctx)
}

// validate checks the flags before anything starts, so a typo in Helm
// values stops the controller with a message instead of being ignored.
// getenv reads the environment, where the SDK finds endpoints too.
func validate(kinds []reconciler.Registration, f Flags, getenv func(string) string) error {
	var errs []error
	if !f.AllowUnsafeEndpointURL {
		errs = append(errs, checkEndpoints(map[string]string{
			"--aws-endpoint-url":   f.EndpointURL,
			"AWS_ENDPOINT_URL":     getenv("AWS_ENDPOINT_URL"),
			"AWS_ENDPOINT_URL_STS": getenv("AWS_ENDPOINT_URL_STS"),
		}))
	}
	if f.DeletionPolicy != reconciler.DeletionPolicyDelete && f.DeletionPolicy != reconciler.DeletionPolicyRetain {
		errs = append(errs, fmt.Errorf("--deletion-policy %q: want %s or %s", f.DeletionPolicy, reconciler.DeletionPolicyDelete, reconciler.DeletionPolicyRetain))
	}
	if _, err := reconciler.ParseTags(f.ResourceTags); err != nil {
		errs = append(errs, fmt.Errorf("--resource-tags: %w", err))
	}
	if f.KubeAPIQPS > 0 && float64(f.KubeAPIBurst) < 1 {
		errs = append(errs, fmt.Errorf("--kube-api-burst %d: want at least 1 with --kube-api-qps %g", f.KubeAPIBurst, f.KubeAPIQPS))
	}
	if f.BackoffBase <= 0 || f.BackoffMax < f.BackoffBase {
		errs = append(errs, fmt.Errorf("--reconcile-backoff-base %s and --reconcile-backoff-max %s: want 0 < base <= max", f.BackoffBase, f.BackoffMax))
	}
	if f.ReconcileTimeout < 0 || f.AWSCallTimeout < 0 || (f.ReconcileTimeout > 0 && f.AWSCallTimeout > f.ReconcileTimeout) {
		// A call longer than the reconcile would be cut by the wrong deadline.
		errs = append(errs, fmt.Errorf("--aws-call-timeout %s and --reconcile-timeout %s: want 0 <= call timeout <= reconcile timeout (0: no limit)", f.AWSCallTimeout, f.ReconcileTimeout))
	}
	if f.GCPercent <= 0 {
		// Go reads a negative percent as no collection at all.
		errs = append(errs, fmt.Errorf("--gc-percent %d: want a positive percent", f.GCPercent))
	}
	if _, err := cacheOptions(kinds, f); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(append(errs, checkKinds(kinds, f))...)
}

// checkEndpoints refuses an endpoint URL that is not https: AWS calls carry
// signed requests and answers with secrets, so plain http must be asked for
// with --allow-unsafe-aws-endpoint-urls.
func checkEndpoints(byName map[string]string) error {
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		raw := byName[name]
		if raw == "" {
			continue
		}
		u, err := url.Parse(raw)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s %q: %w", name, raw, err))
		case u.Scheme != "https":
			errs = append(errs, fmt.Errorf("%s %q is not https: set --allow-unsafe-aws-endpoint-urls (Helm value aws.allow_unsafe_aws_endpoint_urls) to use it", name, raw))
		}
	}
	return errors.Join(errs...)
}

// cacheOptions limits the cache to the watched namespaces and, per kind,
// to --watch-selectors, and keeps only what the reconciler reads.
func cacheOptions(kinds []reconciler.Registration, f Flags) (cache.Options, error) {
	opts := cache.Options{DefaultNamespaces: namespaces(f.WatchNamespace), DefaultTransform: stripUnread()}
	if f.WatchSelectors == "" {
		return opts, nil
	}
	sel, err := labels.Parse(f.WatchSelectors)
	if err != nil {
		return cache.Options{}, fmt.Errorf("--watch-selectors: %w", err)
	}
	opts.ByObject = map[client.Object]cache.ByObject{}
	for _, k := range kinds {
		opts.ByObject[k.New()] = cache.ByObject{Label: sel}
	}
	return opts, nil
}

// kubeRateLimit is the client-go limit of the flags: client-go reads a QPS
// of 0 as its default of 5, and a negative one as no limit.
func kubeRateLimit(qps float64, burst int) (float32, int) {
	if qps <= 0 {
		return -1, burst
	}
	return float32(qps), max(burst, 1)
}

// controllerVersion is the module version of the binary, or its VCS
// revision for a development build.
func controllerVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return s.Value[:12]
		}
	}
	return "devel"
}

func splitList(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkKinds rejects per-kind settings for kinds this controller lacks, so a
// typo in Helm values is an error at start rather than silently ignored.
func checkKinds(kinds []reconciler.Registration, f Flags) error {
	known := make([]string, len(kinds))
	for i, k := range kinds {
		known[i] = k.Kind
	}
	var errs []error
	check := func(flagName string, names []string) {
		for _, n := range names {
			if n != "" && !slices.Contains(known, n) {
				errs = append(errs, fmt.Errorf("--%s: unknown kind %q (this controller has %s)", flagName, n, strings.Join(known, ", ")))
			}
		}
	}
	check("reconcile-resource-resync-seconds", keys(f.ResourceResyncSeconds))
	check("reconcile-resource-max-concurrent-syncs", keys(f.ResourceMaxConcurrent))
	check("reconcile-resources", strings.Split(f.ReconcileResources, ","))
	return errors.Join(errs...)
}

func keys(m kindInts) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func reconciled(kind, list string) bool {
	return list == "" || slices.Contains(strings.Split(list, ","), kind)
}

func seconds(m kindInts, kind string, fallback int) time.Duration {
	return time.Duration(valueFor(m, kind, fallback)) * time.Second
}

func valueFor(m kindInts, kind string, fallback int) int {
	if n, ok := m[kind]; ok {
		return n
	}
	return fallback
}

func namespaces(list string) map[string]cache.Config {
	names := splitList(list)
	if len(names) == 0 {
		return nil
	}
	out := map[string]cache.Config{}
	for _, ns := range names {
		out[ns] = cache.Config{}
	}
	return out
}

// gcPercent sets the garbage collector's target unless GOGC, which the Go
// runtime has read already, sets it.
func gcPercent(percent int, getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}
