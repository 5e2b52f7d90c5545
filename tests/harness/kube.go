package harness

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/envtest"
)

// Kube is a kube-apiserver and etcd started by envtest.
type Kube struct {
	Env    *envtest.Environment
	Config *rest.Config  // cluster-admin
	Client client.Client // uses the scheme from WithScheme, else client-go's
	// kubeconfig of a separate system:masters user, for processes.
	kubeconfig []byte
}

type kubeOptions struct {
	crdDirs []string
	scheme  *runtime.Scheme
}

// KubeOption configures StartKube.
type KubeOption func(*kubeOptions)

// WithCRDs installs the CRDs in these folders (relative ones are taken from the
// repo root) before StartKube returns. A missing folder fails the test.
func WithCRDs(dirs ...string) KubeOption {
	return func(o *kubeOptions) { o.crdDirs = append(o.crdDirs, dirs...) }
}

// WithScheme sets the scheme of Kube.Client, e.g. one with the generated API types.
func WithScheme(s *runtime.Scheme) KubeOption {
	return func(o *kubeOptions) { o.scheme = s }
}

// StartKube starts etcd and kube-apiserver from <repo>/bin and stops them on
// cleanup. Each call is a separate, empty cluster.
func StartKube(t testing.TB, opts ...KubeOption) *Kube {
	t.Helper()
	k, stop, err := NewKube(t.TempDir(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Logf("stop envtest: %v", err)
		}
	})
	t.Logf("kube-apiserver ready at %s", k.Config.Host)
	return k
}

// NewKube is StartKube for TestMain, where a package shares one API server
// across its tests: logs go to logDir, and the caller must call stop.
func NewKube(logDir string, opts ...KubeOption) (k *Kube, stop func() error, err error) {
	o := kubeOptions{scheme: clientgoscheme.Scheme}
	for _, opt := range opts {
		opt(&o)
	}
	root, err := FindRepoRoot()
	if err != nil {
		return nil, nil, err
	}
	bin := filepath.Join(root, "bin")
	for _, tool := range []string{"kube-apiserver", "etcd", "kubectl"} {
		if err := missingTool(filepath.Join(bin, tool)); err != nil {
			return nil, nil, err
		}
	}
	var crdDirs []string
	for _, d := range o.crdDirs {
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		crdDirs = append(crdDirs, d)
	}

	// Control-plane output goes to files, shown only when starting fails: it is
	// loud, and a failing e2e test is nearly always about the controller.
	apiLog, err := os.Create(filepath.Join(logDir, "kube-apiserver.log"))
	if err != nil {
		return nil, nil, err
	}
	etcdLog, err := os.Create(filepath.Join(logDir, "etcd.log"))
	if err != nil {
		_ = apiLog.Close()
		return nil, nil, err
	}
	closeLogs := func() { _ = apiLog.Close(); _ = etcdLog.Close() }

	env := &envtest.Environment{
		// Explicit paths too, so KUBEBUILDER_ASSETS or TEST_ASSET_* from the
		// machine cannot swap in other binaries than the ones checked above.
		BinaryAssetsDirectory: bin,
		ControlPlane: envtest.ControlPlane{
			APIServer:   &envtest.APIServer{Path: filepath.Join(bin, "kube-apiserver"), Out: apiLog, Err: apiLog},
			Etcd:        &envtest.Etcd{Path: filepath.Join(bin, "etcd"), Out: etcdLog, Err: etcdLog},
			KubectlPath: filepath.Join(bin, "kubectl"),
		},
		Scheme:                o.scheme,
		CRDDirectoryPaths:     crdDirs,
		ErrorIfCRDPathMissing: true,
		// The default 20s is tight on two cores with test packages in parallel.
		ControlPlaneStartTimeout: 90 * time.Second,
		ControlPlaneStopTimeout:  30 * time.Second,
	}
	cfg, err := env.Start()
	if err != nil {
		_ = env.Stop()
		defer closeLogs()
		return nil, nil, fmt.Errorf("start envtest: %v\n--- kube-apiserver log:\n%s\n--- etcd log:\n%s",
			err, tail(apiLog.Name(), 40), tail(etcdLog.Name(), 40))
	}
	stop = func() error {
		defer closeLogs()
		return env.Stop()
	}

	// A user of its own for the controller process, so the apiserver audit and
	// logs tell it apart from the test's admin.
	user, err := env.AddUser(envtest.User{Name: "kubesmith-e2e", Groups: []string{"system:masters"}}, nil)
	if err != nil {
		_ = stop()
		return nil, nil, fmt.Errorf("add kubeconfig user: %w", err)
	}
	kubeconfig, err := user.KubeConfig()
	if err != nil {
		_ = stop()
		return nil, nil, fmt.Errorf("kubeconfig: %w", err)
	}
	k = &Kube{Env: env, Config: cfg, kubeconfig: kubeconfig}
	k.Client, err = client.New(cfg, client.Options{Scheme: o.scheme})
	if err != nil {
		_ = stop()
		return nil, nil, fmt.Errorf("kube client: %w", err)
	}
	return k, stop, nil
}

// NewClient returns a client of the admin config with the given scheme.
func (k *Kube) NewClient(t testing.TB, scheme *runtime.Scheme) client.Client {
	t.Helper()
	c, err := client.New(k.Config, client.Options{Scheme: scheme})
	if err != nil {
		t.Fatalf("kube client: %v", err)
	}
	return c
}

// WriteKubeconfig writes a kubeconfig (cluster-admin via system:masters) to a new
// file under t.TempDir() and returns its path, for --kubeconfig of a process.
func (k *Kube) WriteKubeconfig(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "kubeconfig")
	if err := os.WriteFile(p, k.kubeconfig, 0o600); err != nil {
		t.Fatal(fmt.Errorf("write kubeconfig: %w", err))
	}
	return p
}
