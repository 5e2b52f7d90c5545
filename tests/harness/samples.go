package harness

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// SamplesDir is generated/<service>/samples, relative to the repository.
func SamplesDir(service string) string { return filepath.Join("generated", service, "samples") }

// Kubectl runs the suite's kubectl against its API server from the
// repository root and returns its output; a failure fails the test.
func (e *Env) Kubectl(args ...string) string {
	e.T.Helper()
	root := RepoRoot(e.T)
	cmd := exec.Command(filepath.Join(root, "bin", "kubectl"), append([]string{"--kubeconfig", e.suite.Kube.WriteKubeconfig(e.T)}, args...)...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		e.T.Fatalf("kubectl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// ApplySamples applies the service's samples as a user would, in one
// `kubectl apply --validate=strict -f generated/<service>/samples/` into
// the test's namespace ns, and returns the objects the files hold. The
// samples of kinds the emulator cannot run (samples/emulator-gaps/) go
// through the API server's strict validation only, with a server-side
// dry run.
func (e *Env) ApplySamples(ns string) []Managed {
	e.T.Helper()
	dir := SamplesDir(e.suite.Service)
	e.Kubectl("apply", "--validate=strict", "-n", e.NS(ns), "-f", dir+"/")
	gaps := filepath.Join(dir, "emulator-gaps")
	if _, err := os.Stat(filepath.Join(RepoRoot(e.T), gaps)); err == nil {
		e.Kubectl("apply", "--dry-run=server", "--validate=strict", "-n", e.NS(ns), "-f", gaps+"/")
	} else if !errors.Is(err, fs.ErrNotExist) {
		e.T.Fatal(err)
	}
	objs := e.readSamples(dir)
	for _, o := range objs {
		o.SetNamespace(e.NS(ns))
	}
	return objs
}

// DeleteSamples deletes what ApplySamples applied, in one kubectl delete
// of the same folder, and waits until every object is gone.
func (e *Env) DeleteSamples(ns string, objs []Managed) {
	e.T.Helper()
	e.Kubectl("delete", "--wait=false", "-n", e.NS(ns), "-f", SamplesDir(e.suite.Service)+"/")
	for _, o := range objs {
		e.WaitGone(o)
	}
}

// readSamples decodes every object of the folder's files (not of its
// subfolders, as kubectl) into the suite's API types.
func (e *Env) readSamples(dir string) []Managed {
	e.T.Helper()
	files, err := filepath.Glob(filepath.Join(RepoRoot(e.T), dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		e.T.Fatalf("no samples in %s: %v", dir, err)
	}
	var out []Managed
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			e.T.Fatal(err)
		}
		dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
		for {
			var u unstructured.Unstructured
			if err := dec.Decode(&u.Object); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				e.T.Fatalf("%s: %v", f, err)
			}
			if len(u.Object) == 0 {
				continue
			}
			out = append(out, e.typed(f, &u))
		}
	}
	return out
}

// typed converts an object read from a file into its API type.
func (e *Env) typed(file string, u *unstructured.Unstructured) Managed {
	e.T.Helper()
	obj, err := e.K.Scheme().New(u.GroupVersionKind())
	if err != nil {
		e.T.Fatalf("%s: %v", file, err)
	}
	if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, obj); err != nil {
		e.T.Fatalf("%s: %v", file, err)
	}
	m, ok := obj.(Managed)
	if !ok {
		e.T.Fatalf("%s: %s is no managed kind", file, u.GroupVersionKind())
	}
	return m
}
