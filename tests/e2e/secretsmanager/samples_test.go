package secretsmanager

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/secretsmanager/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/secretsmanager/samples/ as its header
// says, after the Kubernetes Secret the sample names (as models/secretsmanager/samples.yaml
// tells a user to make): the Secret becomes Ready, Secrets Manager holds
// the Kubernetes Secret's value, and deleting the folder schedules it for
// deletion.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, "samples")
	const password = "sample-Pw-5c2e"
	e.kubeSecret("samples", "sample-secret-value", map[string]string{"password": password})
	objs := e.ApplySamples("samples")
	var names []string
	for _, o := range objs {
		s, ok := harness.WaitReady(e.Env, o).(*v1alpha1.Secret)
		if !ok {
			t.Fatalf("no check of a %T sample in Secrets Manager", o)
		}
		name := aws.ToString(s.Spec.Name)
		names = append(names, name)
		if got := value(t, name); got != password {
			t.Errorf("Secret sample %s: value %q, want the Kubernetes Secret's", s.Name, got)
		}
	}
	if len(names) == 0 {
		t.Fatal("the samples hold no Secret")
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		for _, name := range names {
			if describe(t, name).DeletedDate == nil {
				return fmt.Errorf("secret %s is not scheduled for deletion", name)
			}
		}
		return nil
	})
}
