package operator

import (
	"flag"
	"io"
	"runtime/debug"
	"strings"
	"testing"

	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/runtime/reconciler"
)

func TestFlags(t *testing.T) {
	kinds := []reconciler.Registration{{Kind: "Table", New: func() client.Object { return nil }}}
	cases := map[string]struct {
		reason string
		args   []string
		env    map[string]string
		err    string
	}{
		"Defaults": {
			reason: "The defaults start: 10 h resync, delete policy, default tags.",
		},
		"HelmStyle": {
			reason: "The Helm chart's flags parse, per-kind resync included.",
			args:   []string{"--reconcile-default-resync-seconds", "600", "--reconcile-resource-resync-seconds", "Table=60", "--resource-tags", "team=a,%K8S_NAMESPACE%=x", "--deletion-policy", "retain", "--watch-selectors", "app=orders"},
		},
		"UnknownKind": {
			reason: "A per-kind setting for a kind the controller lacks is an error, not ignored.",
			args:   []string{"--reconcile-resource-resync-seconds", "Tabel=60"},
			err:    `unknown kind "Tabel"`,
		},
		"BadPolicy": {
			reason: "An unknown deletion policy is an error.",
			args:   []string{"--deletion-policy", "keep"},
			err:    "--deletion-policy",
		},
		"BadTags": {
			reason: "Malformed tags are an error.",
			args:   []string{"--resource-tags", "team"},
			err:    "--resource-tags",
		},
		"BadSelector": {
			reason: "A malformed label selector is an error.",
			args:   []string{"--watch-selectors", "a in (b"},
			err:    "--watch-selectors",
		},
		"HTTPEndpoint": {
			reason: "An http endpoint is refused unless explicitly allowed.",
			args:   []string{"--aws-endpoint-url", "http://127.0.0.1:5000"},
			err:    `--aws-endpoint-url "http://127.0.0.1:5000" is not https`,
		},
		"HTTPEndpointInEnv": {
			reason: "An http endpoint the SDK would read from the environment is refused too.",
			env:    map[string]string{"AWS_ENDPOINT_URL_STS": "http://127.0.0.1:5001"},
			err:    `AWS_ENDPOINT_URL_STS "http://127.0.0.1:5001" is not https`,
		},
		"HTTPEndpointAllowed": {
			reason: "--allow-unsafe-aws-endpoint-urls allows http endpoints, as for an emulator.",
			args:   []string{"--aws-endpoint-url", "http://127.0.0.1:5000", "--allow-unsafe-aws-endpoint-urls"},
			env:    map[string]string{"AWS_ENDPOINT_URL": "http://127.0.0.1:5000"},
		},
		"HTTPSEndpoint": {
			reason: "An https endpoint needs no permission.",
			args:   []string{"--aws-endpoint-url", "https://dynamodb.example.com"},
		},
		"BadBackoff": {
			reason: "A backoff cap below its base is an error.",
			args:   []string{"--reconcile-backoff-base", "10s", "--reconcile-backoff-max", "1s"},
			err:    "--reconcile-backoff",
		},
		"Timeouts": {
			reason: "Both deadlines are settable, as the Helm chart writes them.",
			args:   []string{"--reconcile-timeout", "60s", "--aws-call-timeout", "10s"},
		},
		"GCPercentOff": {
			reason: "Go reads a negative percent as no garbage collection at all: the heap would grow without bound.",
			args:   []string{"--gc-percent", "-1"},
			err:    "--gc-percent",
		},
		"CallLongerThanReconcile": {
			reason: "A call timeout above the reconcile timeout would never fire; it is an error.",
			args:   []string{"--reconcile-timeout", "10s", "--aws-call-timeout", "1m"},
			err:    "--aws-call-timeout",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			var f Flags
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			f.Bind(fs)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			err := validate(kinds, f, func(name string) string { return tc.env[name] })
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("%s\nerr %v, want %q", tc.reason, err, tc.err)
			}
		})
	}
}

// TestPathStyle: path-style addressing follows the flag, else whether an
// endpoint is set, so that an emulator at localhost works unasked.
func TestPathStyle(t *testing.T) {
	cases := []struct {
		reason string
		args   []string
		want   bool
	}{
		{reason: "real AWS: host-style, the SDK default", want: false},
		{reason: "an endpoint: path-style, bucket.localhost resolves nowhere", args: []string{"--aws-endpoint-url", "http://localhost:5000"}, want: true},
		{reason: "an endpoint, path-style turned off as the Helm chart writes it", args: []string{"--aws-endpoint-url", "http://localhost:5000", "--aws-endpoint-use-path-style=false"}, want: false},
		{reason: "no endpoint, path-style asked for", args: []string{"--aws-endpoint-use-path-style=true"}, want: true},
		{reason: "the flag alone means true", args: []string{"--aws-endpoint-use-path-style"}, want: true},
	}
	for _, c := range cases {
		var f Flags
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		f.Bind(fs)
		if err := fs.Parse(c.args); err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		if got := f.PathStyle(); got != c.want {
			t.Errorf("%s: path-style %t, want %t", c.reason, got, c.want)
		}
	}
	var f Flags
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f.Bind(fs)
	if err := fs.Parse([]string{"--aws-endpoint-use-path-style=maybe"}); err == nil || !strings.Contains(err.Error(), "aws-endpoint-use-path-style") {
		t.Errorf("a value that is no bool: got %v, want an error naming the flag", err)
	}
}

// TestKubeRateLimit: the Kubernetes client's limit follows the flags, and
// 0 means none rather than client-go's default of 5 requests a second,
// which made 1,000 objects take a quarter of an hour to become Ready.
func TestKubeRateLimit(t *testing.T) {
	cases := []struct {
		reason    string
		args      []string
		qps       float32
		burst     int
		unlimited bool
	}{
		{reason: "the default does not throttle a thousand creates a minute", qps: 200, burst: 400},
		{reason: "the flags set the limit", args: []string{"--kube-api-qps", "50", "--kube-api-burst", "80"}, qps: 50, burst: 80},
		{reason: "0 turns the client-side limit off, leaving the API server's flow control", args: []string{"--kube-api-qps", "0"}, unlimited: true, burst: 400},
	}
	for _, tc := range cases {
		var f Flags
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		f.Bind(fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		qps, burst := kubeRateLimit(f.KubeAPIQPS, f.KubeAPIBurst)
		if tc.unlimited && qps >= 0 || !tc.unlimited && qps != tc.qps || burst != tc.burst {
			t.Errorf("%s\nqps %g burst %d, want qps %g (unlimited %v) burst %d", tc.reason, qps, burst, tc.qps, tc.unlimited, tc.burst)
		}
	}
}

// TestGCPercent: the controller collects garbage at --gc-percent, which
// keeps its RSS nearer its live heap than Go's default, unless GOGC in the
// environment says otherwise.
func TestGCPercent(t *testing.T) {
	was := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(was) })
	cases := []struct {
		reason string
		args   []string
		env    map[string]string
		want   int
	}{
		{reason: "the default: 50", want: DefaultGCPercent},
		{reason: "the flag sets it", args: []string{"--gc-percent", "80"}, want: 80},
		{reason: "GOGC in the environment wins: the runtime has applied it already", env: map[string]string{"GOGC": "100"}, want: 100},
	}
	for _, tc := range cases {
		debug.SetGCPercent(100)
		var f Flags
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		f.Bind(fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		gcPercent(f.GCPercent, func(name string) string { return tc.env[name] })
		if got := debug.SetGCPercent(100); got != tc.want {
			t.Errorf("%s\nGC percent %d, want %d", tc.reason, got, tc.want)
		}
	}
}
