// Package dynamodb drives the generated DynamoDB controller, as its real
// binary, against a real API server and the moto emulator, and checks the
// AWS side through the SDK.
//
// The package shares one moto, one API server and one build of the
// controller. Each test starts its own controller process, watching only
// the namespaces it creates, with the flags it needs; tests run in
// parallel and keep apart by unique namespace and table names.
package dynamodb

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var (
	moto          *harness.Moto
	kube          *harness.Kube
	controllerBin string
)

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "kubesmith-e2e-dynamodb-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)

	scheme := runtime.NewScheme()
	if err := clientgoscheme.AddToScheme(scheme); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := v1alpha1.AddToScheme(scheme); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	root, err := harness.FindRepoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}

	// The three start in parallel: together they are most of the set-up time.
	type result struct {
		name string
		err  error
	}
	done := make(chan result, 3)
	var stopKube func() error
	go func() {
		var err error
		moto, err = harness.NewMoto()
		done <- result{"moto", err}
	}()
	go func() {
		var err error
		kube, stopKube, err = harness.NewKube(dir,
			harness.WithCRDs(filepath.Join(root, "generated/dynamodb/config/crd")), harness.WithScheme(scheme))
		done <- result{"kube-apiserver", err}
	}()
	go func() {
		var err error
		controllerBin, err = harness.Build("./generated/dynamodb/cmd/controller", dir)
		done <- result{"controller build", err}
	}()
	failed := false
	for range 3 {
		if r := <-done; r.err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", r.name, r.err)
			failed = true
		}
	}
	if moto != nil {
		defer moto.Stop()
	}
	if stopKube != nil {
		defer stopKube()
	}
	if failed {
		return 1
	}
	code := m.Run()
	if code != 0 {
		fmt.Fprintf(os.Stderr, "last lines of moto log:\n%s\n", moto.LogTail(40))
	}
	return code
}
