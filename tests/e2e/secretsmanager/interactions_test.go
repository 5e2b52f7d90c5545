package secretsmanager

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/secretsmanager/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateSecret kills the controller right after Secrets
// Manager made a secret and before the controller heard of it. The
// restarted controller reads it by name and claims it: one CreateSecret,
// the object Ready and its owner, the value the Kubernetes Secret's.
func TestKillAfterCreateSecret(t *testing.T) {
	t.Parallel()
	h, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateSecret")
	e := env{h}
	e.kubeSecret("kill", "db", map[string]string{"password": "first"})
	name := e.Unique("killed")
	s := &v1alpha1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: "killed", Namespace: e.NS("kill")},
		Spec:       v1alpha1.SecretSpec{Name: aws.String(name), SecretString: &ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"}},
	}
	e.Create(s)
	got := harness.WaitReady(e.Env, s)
	if !killed() {
		t.Fatal("the controller was not killed after CreateSecret; the test did not test")
	}
	if n := opsOn(t, name)["CreateSecret"]; n != 1 {
		t.Errorf("%d CreateSecret calls for %s, want 1", n, name)
	}
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership %+v, want Created", md)
	}
	if v := value(t, name); v != "first" {
		t.Errorf("secret value %q, want the Kubernetes Secret's", v)
	}
}

// TestAdoptSecret adopts a secret made outside Kubernetes, described "by
// hand", by a manifest describing it "from the spec", under each policy:
// no CreateSecret; adopt makes the spec's description AWS's,
// adopt-or-create keeps the spec's, which then reaches AWS.
func TestAdoptSecret(t *testing.T) {
	t.Parallel()
	e := start(t, "adopt")
	e.kubeSecret("adopt", "db", map[string]string{"password": "kept"})
	for _, c := range []struct{ policy, want string }{{"adopt", "by hand"}, {"adopt-or-create", "from the spec"}} {
		t.Run(c.policy, func(t *testing.T) {
			t.Parallel()
			e := env{e.For(t)}
			name := e.Unique("legacy-" + c.policy)
			if _, err := smClient().CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{
				Name: aws.String(name), Description: aws.String("by hand"), SecretString: aws.String("kept"),
			}); err != nil {
				t.Fatal(err)
			}
			s := &v1alpha1.Secret{
				ObjectMeta: metav1.ObjectMeta{Name: "legacy-" + c.policy, Namespace: e.NS("adopt"), Annotations: map[string]string{
					"services.k8s.aws/adoption-policy": c.policy,
					"services.k8s.aws/adoption-fields": fmt.Sprintf(`{"name": %q}`, name),
				}},
				Spec: v1alpha1.SecretSpec{Name: aws.String(name), Description: aws.String("from the spec"), SecretString: &ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"}},
			}
			e.Create(s)
			got := harness.WaitFor(e.Env, s, "to be adopted and synced", func(s *v1alpha1.Secret) error {
				if md := s.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipAdopted {
					return fmt.Errorf("ownership %+v, want Adopted", md)
				}
				if d := aws.ToString(describe(t, name).Description); d != c.want {
					return fmt.Errorf("description in AWS %q, want %q", d, c.want)
				}
				return harness.ConditionIs[*v1alpha1.Secret]("ACK.ResourceSynced", metav1.ConditionTrue)(s)
			})
			if d := aws.ToString(got.Spec.Description); d != c.want {
				t.Errorf("adopted spec's description %q, want %q", d, c.want)
			}
			if n := opsOn(t, name)["CreateSecret"]; n != 1 {
				t.Errorf("%d CreateSecret calls for %s, want only the one that made it outside Kubernetes", n, name)
			}
		})
	}
}
