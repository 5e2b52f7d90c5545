package iam

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateRole kills the controller right after IAM made a role
// and before the controller heard of it. The restarted controller reads
// the role by name and claims it: one CreateRole, the object Ready and its
// owner, and deleting it deletes the role.
func TestKillAfterCreateRole(t *testing.T) {
	t.Parallel()
	e, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateRole")
	role := newRole(e, "kill", "killed")
	e.Create(role)
	got := harness.WaitReady(e, role)
	if !killed() {
		t.Fatal("the controller was not killed after CreateRole; the test did not test")
	}
	name := aws.ToString(role.Spec.Name)
	if n := opsOn(t, name)["CreateRole"]; n != 1 {
		t.Errorf("%d CreateRole calls for %s, want 1", n, name)
	}
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership %+v, want Created", md)
	}
	e.Delete(got)
	e.WaitGone(got)
	if roleExists(t, name) {
		t.Errorf("role %s is left after its object was deleted", name)
	}
}

// TestAdoptRole adopts a role made outside Kubernetes under each adoption
// policy: no CreateRole; adopt makes the spec IAM's (its description
// copied in, IAM unchanged), adopt-or-create fills only what the spec
// leaves empty (maxSessionDuration, IAM's default) and the spec's
// description then reaches IAM.
func TestAdoptRole(t *testing.T) {
	t.Parallel()
	e := start(t, "adopt")
	for _, c := range []struct{ policy, wantDescription string }{
		{policy: "adopt", wantDescription: "made by hand"},
		{policy: "adopt-or-create", wantDescription: "from the spec"},
	} {
		t.Run(c.policy, func(t *testing.T) {
			t.Parallel()
			e := e.For(t)
			role := newRole(e, "adopt", "legacy-"+c.policy)
			name := aws.ToString(role.Spec.Name)
			if _, err := iamClient().CreateRole(context.Background(), &iam.CreateRoleInput{
				RoleName: aws.String(name), AssumeRolePolicyDocument: role.Spec.AssumeRolePolicyDocument,
				// MaxSessionDuration stays IAM's default: moto's UpdateRole
				// resets an omitted one to 3600 (and an omitted Description
				// to none), where AWS leaves it.
				Description: aws.String("made by hand"),
			}); err != nil {
				t.Fatal(err)
			}
			role.Spec.Description = aws.String("from the spec")
			role.Annotations = map[string]string{
				"services.k8s.aws/adoption-policy": c.policy,
				"services.k8s.aws/adoption-fields": fmt.Sprintf(`{"name": %q}`, name),
			}
			e.Create(role)
			got := harness.WaitFor(e, role, "to be adopted and synced", func(r *v1alpha1.Role) error {
				if md := r.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipAdopted {
					return fmt.Errorf("ownership %+v, want Adopted", md)
				}
				return harness.ConditionIs[*v1alpha1.Role]("ACK.ResourceSynced", metav1.ConditionTrue)(r)
			})
			if d, m := aws.ToString(got.Spec.Description), aws.ToInt64(got.Spec.MaxSessionDuration); d != c.wantDescription || m != 3600 {
				t.Errorf("adopted spec: description %q, maxSessionDuration %d; want %q and IAM's 3600", d, m, c.wantDescription)
			}
			waitRole(t, name, func(s roleState) error {
				if s.description != c.wantDescription {
					return fmt.Errorf("IAM's description %q, want %q", s.description, c.wantDescription)
				}
				return nil
			})
			if n := opsOn(t, name)["CreateRole"]; n != 1 {
				t.Errorf("%d CreateRole calls for %s, want only the one that made it outside Kubernetes", n, name)
			}
		})
	}
}

// TestRoleReadOnlyThenManaged: an object that observed a role does not own
// it once its read-only annotation goes: Terminal, pointing at adoption,
// no CreateRole and no write, and deleting the object leaves the role.
func TestRoleReadOnlyThenManaged(t *testing.T) {
	t.Parallel()
	e := start(t, "ro")
	role := newRole(e.Env, "ro", "existing")
	name := aws.ToString(role.Spec.Name)
	if _, err := iamClient().CreateRole(context.Background(), &iam.CreateRoleInput{
		RoleName: aws.String(name), AssumeRolePolicyDocument: role.Spec.AssumeRolePolicyDocument, Description: aws.String("made by hand"),
	}); err != nil {
		t.Fatal(err)
	}
	role.Spec.Description = aws.String("made by hand")
	role.Annotations = map[string]string{"services.k8s.aws/read-only": "true"}
	e.Create(role)
	harness.WaitReady(e.Env, role)

	harness.Edit(e.Env, role, func(r *v1alpha1.Role) { r.Spec.Description = aws.String("from the spec") })
	e.Annotate(role, map[string]string{"services.k8s.aws/read-only": ""})
	got := harness.WaitFor(e.Env, role, "to be Terminal", harness.ConditionIs[*v1alpha1.Role]("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(got, "ACK.Terminal").Message; !strings.Contains(msg, "adoption-policy") {
		t.Errorf("Terminal message %q does not point to the adoption policy", msg)
	}
	for op, n := range opsOn(t, name) {
		if !isRead(op) && op != "CreateRole" || op == "CreateRole" && n != 1 {
			t.Errorf("%d %s calls on a role the object never owned", n, op)
		}
	}
	if s := readRole(t, name); s.description != "made by hand" {
		t.Errorf("IAM's description %q: the role was changed without adoption", s.description)
	}
	e.Delete(got)
	e.WaitGone(got)
	if !roleExists(t, name) {
		t.Error("deleting the object deleted a role it never owned")
	}
}

// TestRoleRegionAnnotationRemoved: IAM is global. A Role created with a
// region annotation naming another region than the controller's stays
// the same role when the annotation goes: still Ready, not Terminal, no
// second CreateRole, and an edit still reaches it.
func TestRoleRegionAnnotationRemoved(t *testing.T) {
	t.Parallel()
	e := start(t, "moved")
	role := newRole(e.Env, "moved", "away")
	role.Annotations = map[string]string{"services.k8s.aws/region": "eu-west-1"}
	name := aws.ToString(role.Spec.Name)
	e.Create(role)
	harness.WaitReady(e.Env, role)

	e.Annotate(role, map[string]string{"services.k8s.aws/region": ""})
	harness.Edit(e.Env, role, func(r *v1alpha1.Role) { r.Spec.Description = aws.String("second") })
	waitRole(t, name, func(s roleState) error {
		if s.description != "second" {
			return fmt.Errorf("description %q, want second", s.description)
		}
		return nil
	})
	got := harness.WaitReady(e.Env, role)
	if c := harness.Condition(got, "ACK.Terminal"); c.Status == metav1.ConditionTrue {
		t.Errorf("Terminal after the region annotation went: %s", c.Message)
	}
	if n := opsOn(t, name)["CreateRole"]; n != 1 {
		t.Errorf("%d CreateRole calls for %s, want 1", n, name)
	}
	e.Delete(got)
	e.WaitGone(got)
	if roleExists(t, name) {
		t.Errorf("role %s is left after its object was deleted", name)
	}
}

// newRole is a Role trusting EC2, in the test's namespace ns.
func newRole(e *harness.Env, ns, name string) *v1alpha1.Role {
	return &v1alpha1.Role{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: e.NS(ns)},
		Spec: v1alpha1.RoleSpec{
			Name:                     aws.String(e.Unique(name)),
			Description:              aws.String("first"),
			AssumeRolePolicyDocument: aws.String(trust("ec2.amazonaws.com")),
		},
	}
}

// roleExists asks IAM for the role by name.
func roleExists(t *testing.T, name string) bool {
	t.Helper()
	_, err := iamClient().GetRole(context.Background(), &iam.GetRoleInput{RoleName: aws.String(name)})
	if isNoSuchEntity(err) {
		return false
	}
	if err != nil {
		t.Fatalf("GetRole %s: %v", name, err)
	}
	return true
}
