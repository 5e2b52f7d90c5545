package ecr

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateRepository kills the controller right after ECR made
// a repository and before the controller heard of it. The restarted
// controller reads it by name and claims it: one CreateRepository, the
// object Ready and its owner.
func TestKillAfterCreateRepository(t *testing.T) {
	t.Parallel()
	h, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateRepository")
	e := env{h}
	r := e.newRepository("kill", "killed")
	e.Create(r)
	got := e.waitReady(r)
	if !killed() {
		t.Fatal("the controller was not killed after CreateRepository; the test did not test")
	}
	name := aws.ToString(r.Spec.Name)
	if n := opsOn(t, name)["CreateRepository"]; n != 1 {
		t.Errorf("%d CreateRepository calls for %s, want 1", n, name)
	}
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership %+v, want Created", md)
	}
	if describe(t, name) == nil {
		t.Errorf("ECR has no repository %s", name)
	}
}

// TestAdoptRepository adopts a repository made outside Kubernetes with
// immutable tags by a manifest asking for mutable ones, under each
// policy: no CreateRepository; adopt makes the spec ECR's (IMMUTABLE),
// adopt-or-create keeps the spec's MUTABLE, which then reaches ECR.
func TestAdoptRepository(t *testing.T) {
	t.Parallel()
	e := start(t, "adopt")
	for _, c := range []struct{ policy, want string }{{"adopt", "IMMUTABLE"}, {"adopt-or-create", "MUTABLE"}} {
		t.Run(c.policy, func(t *testing.T) {
			t.Parallel()
			e := env{e.For(t)}
			r := e.newRepository("adopt", "legacy-"+c.policy)
			name := aws.ToString(r.Spec.Name)
			if _, err := ecrClient().CreateRepository(context.Background(), &ecr.CreateRepositoryInput{
				RepositoryName: aws.String(name), ImageTagMutability: types.ImageTagMutabilityImmutable,
			}); err != nil {
				t.Fatal(err)
			}
			r.Spec.ImageTagMutability = aws.String("MUTABLE")
			r.Annotations = map[string]string{
				"services.k8s.aws/adoption-policy": c.policy,
				"services.k8s.aws/adoption-fields": fmt.Sprintf(`{"name": %q}`, name),
			}
			e.Create(r)
			got := harness.WaitFor(e.Env, r, "to be adopted and synced", func(r *v1alpha1.Repository) error {
				if md := r.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipAdopted {
					return fmt.Errorf("ownership %+v, want Adopted", md)
				}
				if d := describe(t, name); d == nil || string(d.ImageTagMutability) != c.want {
					return fmt.Errorf("repository in ECR: %+v, want %s tags", d, c.want)
				}
				return harness.ConditionIs[*v1alpha1.Repository]("ACK.ResourceSynced", metav1.ConditionTrue)(r)
			})
			if m := aws.ToString(got.Spec.ImageTagMutability); m != c.want {
				t.Errorf("adopted spec's imageTagMutability %q, want %s", m, c.want)
			}
			if n := opsOn(t, name)["CreateRepository"]; n != 1 {
				t.Errorf("%d CreateRepository calls for %s, want only the one that made it outside Kubernetes", n, name)
			}
		})
	}
}
