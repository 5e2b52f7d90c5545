package ecr

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/compare"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/ecr/samples/ as its header says, in one
// kubectl apply --validate=strict: the Repository becomes Ready, ECR has
// it with the sample's tag mutability and lifecycle policy, and deleting
// the folder removes it. (The PullThroughCacheRule sample is an emulator
// gap: moto has no pull through cache rules.)
func TestSamples(t *testing.T) {
	t.Parallel()
	e := env{suite.StartController(t, harness.ControllerOptions{Namespaces: []string{"samples"}, Region: region})}
	objs := e.ApplySamples("samples")
	var names []string
	for _, o := range objs {
		r, ok := harness.WaitReady(e.Env, o).(*v1alpha1.Repository)
		if !ok {
			t.Fatalf("no check of a %T sample in ECR", o)
		}
		name := aws.ToString(r.Spec.Name)
		names = append(names, name)
		got := describe(t, name)
		if got == nil {
			t.Fatalf("Repository sample %s: ECR has no repository %s", r.Name, name)
		}
		if string(got.ImageTagMutability) != aws.ToString(r.Spec.ImageTagMutability) {
			t.Errorf("Repository sample %s: imageTagMutability %s, want %s", r.Name, got.ImageTagMutability, aws.ToString(r.Spec.ImageTagMutability))
		}
		if p := lifecyclePolicy(t, name); !compare.JSON(p, aws.ToString(r.Spec.LifecyclePolicy)) {
			t.Errorf("Repository sample %s: lifecycle policy %q, want %q", r.Name, p, aws.ToString(r.Spec.LifecyclePolicy))
		}
	}
	if len(names) == 0 {
		t.Fatal("the samples hold no Repository")
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		for _, name := range names {
			if describe(t, name) != nil {
				return fmt.Errorf("repository %s is still in ECR", name)
			}
		}
		return nil
	})
}
