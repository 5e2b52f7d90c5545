// Package operator is the main program of every generated controller:
// flags, logging, the controller-runtime manager and one reconciler per kind.
package operator

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"go.uber.org/zap/zapcore"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/tools/clientcmd"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"

	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/reconciler"
)

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

	if f.Region == "" {
		f.Region = os.Getenv("AWS_REGION")
	}
	if f.DeletionPolicy != reconciler.DeletionPolicyDelete && f.DeletionPolicy != reconciler.DeletionPolicyRetain {
		return fmt.Errorf("--deletion-policy %q: want %s or %s", f.DeletionPolicy, reconciler.DeletionPolicyDelete, reconciler.DeletionPolicyRetain)
	}
	if err := checkKinds(kinds, f); err != nil {
		return err
	}

	scheme := kruntime.NewScheme()
	if err := errors.Join(clientgoscheme.AddToScheme(scheme), addToScheme(scheme)); err != nil {
		return fmt.Errorf("building the scheme: %w", err)
	}
	restConfig, err := clientcmd.BuildConfigFromFlags("", f.Kubeconfig) // in-cluster when empty
	if err != nil {
		return fmt.Errorf("finding the Kubernetes API server: %w", err)
	}
	mgr, err := ctrl.NewManager(restConfig, ctrl.Options{
		Scheme:                  scheme,
		Cache:                   cache.Options{DefaultNamespaces: namespaces(f.WatchNamespace)},
		Metrics:                 metricsserver.Options{BindAddress: f.MetricsAddr},
		HealthProbeBindAddress:  f.HealthProbeAddr,
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

	configs := &awsclient.Factory{Endpoint: f.EndpointURL}
	for _, k := range kinds {
		if !reconciled(k.Kind, f.ReconcileResources) {
			continue
		}
		opts := reconciler.Options{
			DefaultRegion:  f.Region,
			Resync:         seconds(f.ResourceResyncSeconds, k.Kind, f.DefaultResyncSeconds),
			Pending:        f.PendingRequeueInterval,
			DeletionPolicy: f.DeletionPolicy,
			MaxConcurrent:  valueFor(f.ResourceMaxConcurrent, k.Kind, f.DefaultMaxConcurrent),
			Config:         configs.Config,
		}
		if err := k.Setup(mgr, opts); err != nil {
			return fmt.Errorf("setting up %s: %w", k.Kind, err)
		}
		logger.Info("reconciling kind", "kind", k.Kind, "resync", opts.Resync.String())
	}
	logger.Info("starting", "region", f.Region, "endpoint", f.EndpointURL, "watchNamespace", f.WatchNamespace)
	return mgr.Start(ctx)
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
	if list == "" {
		return nil
	}
	out := map[string]cache.Config{}
	for _, ns := range strings.Split(list, ",") {
		if ns = strings.TrimSpace(ns); ns != "" {
			out[ns] = cache.Config{}
		}
	}
	return out
}
