// Package harness runs the pieces of an end-to-end test: a real kube-apiserver and
// etcd (envtest), the moto AWS emulator, a TCP proxy for outages, and the generated
// controller as a separate process. Tools come from `make tools` (hack/tools.sh);
// the harness never downloads or builds them.
//
// A controller test package shares one Suite (one moto, whose reset is
// global; one API server with the service's CRDs; one controller build),
// and each test runs its own controller under the chart's RBAC:
//
//	var suite *harness.Suite
//
//	func TestMain(m *testing.M) {
//		os.Exit(harness.RunSuite(m, "s3", v1alpha1.AddToScheme, func(s *harness.Suite) { suite = s }))
//	}
//
//	func TestBucket(t *testing.T) {
//		e := suite.StartController(t, harness.ControllerOptions{Namespaces: []string{"a"}, Region: "us-east-1"})
//		b := &v1alpha1.Bucket{...} // in namespace e.NS("a"), named e.Unique("b") in AWS
//		e.Create(b)
//		harness.WaitReady(e, b)
//		// check AWS with suite.Moto.AWSConfig(...); count calls with
//		// harness.RecordAllCalls() and suite.Moto.Recording.
//	}
//
// StartProxy, StartFaults and StartCallHook put an outage, injected errors
// or a hook between a controller (ControllerOptions.Endpoint) and moto.
//
// A package whose tests apply kinds of two services (an SNS Subscription of
// an SQS Queue) adds the other with WithPeer, and a test runs its
// controller beside the first with Env.StartPeer (peers.go).
package harness

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const modulePath = "github.com/kubesmith/kubesmith"

// RepoRoot returns the folder holding this module's go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	root, err := FindRepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// FindRepoRoot walks up from the working directory (a test's package folder) to
// the go.mod of this module. It checks the module line, because test data may
// hold go.mod files of other modules.
func FindRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && moduleOf(data) == modulePath {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod for module %s above the working directory", modulePath)
		}
		dir = parent
	}
}

func moduleOf(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "module" {
			return strings.Trim(fields[1], `"`)
		}
	}
	return ""
}

// missingTool explains how to get a tool that hack/tools.sh provides.
func missingTool(p string) error {
	if _, err := os.Stat(p); err != nil {
		return fmt.Errorf("%s is missing (%v): run `make tools` (hack/tools.sh) first", p, err)
	}
	return nil
}

// BuildBinary builds a main package (an import path, or a ./path relative to the repo
// root) into t.TempDir() and returns the binary's path.
func BuildBinary(t testing.TB, pkg string) string {
	t.Helper()
	start := time.Now()
	bin, err := Build(pkg, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %s", pkg, time.Since(start).Round(time.Millisecond))
	return bin
}

// Build is BuildBinary for TestMain, where a package builds its controller once.
// The Go build cache makes compiling cheap; linking still costs seconds.
func Build(pkg, outDir string) (string, error) {
	root, err := FindRepoRoot()
	if err != nil {
		return "", err
	}
	name := path.Base(strings.TrimSuffix(pkg, "/"))
	if name == "." {
		name = "main"
	}
	bin := filepath.Join(outDir, name)
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin, nil
}

// Eventually calls fn every interval until it returns nil, and fails the test with
// fn's last error once timeout has passed.
func Eventually(t testing.TB, timeout, interval time.Duration, fn func() error) {
	t.Helper()
	if err := poll(timeout, interval, fn); err != nil {
		t.Fatal(err)
	}
}

func poll(timeout, interval time.Duration, fn func() error) error {
	deadline := time.Now().Add(timeout)
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still failing after %s (%d attempts): %w", timeout, attempt, err)
		}
		time.Sleep(interval)
	}
}

// tail returns at most the last n lines of a file, for failure reports.
func tail(file string, n int) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", file, err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("... (%d earlier lines cut)\n", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "")
}
