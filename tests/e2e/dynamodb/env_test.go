package dynamodb

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	corev1 "k8s.io/api/core/v1"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

const region = "us-west-2"

// env is one API server with the generated CRDs and one running controller.
type env struct {
	k    client.Client
	ddb  *dynamodb.Client
	ctrl *harness.Process
}

// start brings up the API server and the controller binary, pointed at
// moto, with extra controller flags.
func start(t *testing.T, flags ...string) *env {
	t.Helper()
	root := harness.RepoRoot(t)
	scheme := runtime.NewScheme()
	if err := clientgoscheme.AddToScheme(scheme); err != nil {
		t.Fatal(err)
	}
	if err := v1alpha1.AddToScheme(scheme); err != nil {
		t.Fatal(err)
	}
	kube := harness.StartKube(t, harness.WithCRDs(filepath.Join(root, "generated/dynamodb/config/crd")), harness.WithScheme(scheme))
	bin := harness.BuildBinary(t, "./generated/dynamodb/cmd/controller")
	args := append([]string{
		"--kubeconfig", kube.WriteKubeconfig(t),
		"--aws-endpoint-url", moto.Endpoint(),
		"--aws-region", region,
		"--metrics-addr", "0",
		"--health-probe-addr", "0",
		"--log-level", "debug",
	}, flags...)
	proc := harness.StartProcess(t, "dynamodb-controller", bin, args, harness.AWSEnv(moto.Endpoint(), region))
	return &env{k: kube.Client, ddb: dynamodb.NewFromConfig(moto.AWSConfig(region)), ctrl: proc}
}

func (e *env) namespace(t *testing.T, name string, annotations map[string]string) {
	t.Helper()
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name, Annotations: annotations}}
	if err := e.k.Create(context.Background(), ns); err != nil {
		t.Fatal(err)
	}
}

// waitReady waits for the Ready condition of the current generation.
func (e *env) waitReady(t *testing.T, key client.ObjectKey) *v1alpha1.Table {
	t.Helper()
	var tbl v1alpha1.Table
	harness.Eventually(t, 60*time.Second, 250*time.Millisecond, func() error {
		if exited, err := e.ctrl.Exited(); exited {
			t.Fatalf("the controller exited: %v", err)
		}
		if err := e.k.Get(context.Background(), key, &tbl); err != nil {
			return err
		}
		c := apimeta.FindStatusCondition(tbl.Status.Conditions, "Ready")
		if c == nil || c.Status != metav1.ConditionTrue || c.ObservedGeneration != tbl.Generation {
			return fmt.Errorf("table %s not Ready yet: conditions %+v", key.Name, tbl.Status.Conditions)
		}
		return nil
	})
	return &tbl
}
