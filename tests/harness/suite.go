package harness

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
)

// Suite is what one controller test package shares: one moto (its reset is
// global), one API server holding the service's CRDs, and one build of the
// service's generated controller.
type Suite struct {
	Service string
	Moto    *Moto
	Kube    *Kube
	Bin     string
	// recordAll starts moto's recorder with the suite and nobody resets
	// it: parallel tests then count their own calls by resource name.
	recordAll bool
	// motoEnv is added to moto's environment.
	motoEnv []string
	// peers are other services' controllers run in the same suite (peers.go).
	peers []peer
}

// SuiteOption changes how a suite starts.
type SuiteOption func(*Suite)

// RecordAllCalls records every AWS call from the start of the suite to its
// end; tests must not call StartRecording, and read their own calls from
// Moto.Recording (e.g. by a bucket's path).
func RecordAllCalls() SuiteOption { return func(s *Suite) { s.recordAll = true } }

// MotoEnv adds variables to moto's environment:
// "MOTO_IAM_LOAD_MANAGED_POLICIES=true" lets roles attach AWS managed
// policies by ARN.
func MotoEnv(env ...string) SuiteOption {
	return func(s *Suite) { s.motoEnv = append(s.motoEnv, env...) }
}

// RunSuite starts the suite of the generated service (its CRDs, its
// controller, its API types in addToScheme), hands it to set, runs the
// tests and tears the suite down. A TestMain is one line:
//
//	func TestMain(m *testing.M) { os.Exit(harness.RunSuite(m, "s3", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s })) }
func RunSuite(m *testing.M, service string, addToScheme func(*runtime.Scheme) error, set func(*Suite), opts ...SuiteOption) int {
	s := &Suite{Service: service}
	for _, o := range opts {
		o(s)
	}
	dir, err := os.MkdirTemp("", "kubesmith-e2e-"+service+"-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	stop, err := s.start(dir, addToScheme)
	defer stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	set(s)
	code := m.Run()
	if code != 0 {
		fmt.Fprintf(os.Stderr, "last lines of moto log:\n%s\n", s.Moto.LogTail(40))
	}
	return code
}

// start brings moto, the API server and the controller build up in
// parallel: together they are most of the set-up time. stop undoes what
// did start, also after an error.
func (s *Suite) start(dir string, addToScheme func(*runtime.Scheme) error) (stop func(), err error) {
	root, err := FindRepoRoot()
	if err != nil {
		return func() {}, err
	}
	scheme := runtime.NewScheme()
	adds := []func(*runtime.Scheme) error{clientgoscheme.AddToScheme, addToScheme}
	var crds []string
	for _, p := range s.services() {
		crds = append(crds, filepath.Join(root, "generated", p.s.Service, "config/crd"))
	}
	for _, p := range s.peers {
		adds = append(adds, p.addToScheme)
	}
	for _, add := range adds {
		if err := add(scheme); err != nil {
			return func() {}, err
		}
	}
	type result struct {
		name string
		err  error
	}
	done := make(chan result, 2+len(s.services()))
	var stopKube func() error
	go func() {
		var err error
		s.Moto, err = NewMoto(s.motoEnv...)
		done <- result{"moto", err}
	}()
	go func() {
		var err error
		s.Kube, stopKube, err = NewKube(dir,
			WithCRDs(crds...), WithScheme(scheme))
		done <- result{"kube-apiserver", err}
	}()
	for _, p := range s.services() {
		go func() {
			// Every controller binary is called controller: one folder each.
			out := filepath.Join(dir, p.s.Service)
			err := os.MkdirAll(out, 0o755)
			if err == nil {
				p.s.Bin, err = Build("./generated/"+p.s.Service+"/cmd/controller", out)
			}
			done <- result{p.s.Service + " controller build", err}
		}()
	}
	var failed []error
	for range cap(done) {
		if r := <-done; r.err != nil {
			failed = append(failed, fmt.Errorf("%s: %w", r.name, r.err))
		}
	}
	stop = func() {
		if s.Moto != nil {
			s.Moto.Stop()
		}
		if stopKube != nil {
			stopKube()
		}
	}
	if len(failed) > 0 {
		return stop, fmt.Errorf("starting the %s suite: %v", s.Service, failed)
	}
	s.sharePeers()
	if s.recordAll {
		return stop, s.Moto.startRecording()
	}
	return stop, nil
}
