package iam

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestRoleRegionDoesNotMatter: IAM is global. A Role in a namespace whose
// default region is not the controller's is made where the controller's
// IAM client (signing region us-east-1) sees it, and is the same role
// after the namespace names yet another region: the object stays Ready
// and an edit still reaches it, where a regional kind would be Terminal
// ("a region cannot change").
func TestRoleRegionDoesNotMatter(t *testing.T) {
	t.Parallel()
	e := start(t, "elsewhere")
	e.AnnotateNamespace("elsewhere", map[string]string{"services.k8s.aws/default-region": "eu-west-1"})
	name := e.Unique("global")
	role := &v1alpha1.Role{
		ObjectMeta: metav1.ObjectMeta{Name: "global", Namespace: e.NS("elsewhere")},
		Spec: v1alpha1.RoleSpec{
			Name:                     aws.String(name),
			Description:              aws.String("first"),
			AssumeRolePolicyDocument: aws.String(trust("ec2.amazonaws.com")),
		},
	}
	e.Create(role)
	harness.WaitReady(e.Env, role)
	if got := readRole(t, name); got.description != "first" {
		t.Fatalf("IAM's role %s has description %q, want first", name, got.description)
	}

	e.AnnotateNamespace("elsewhere", map[string]string{"services.k8s.aws/default-region": "ap-southeast-2"})
	harness.Edit(e.Env, role, func(r *v1alpha1.Role) { r.Spec.Description = aws.String("second") })
	waitRole(t, name, func(s roleState) error {
		if s.description != "second" {
			return fmt.Errorf("description %q, want second", s.description)
		}
		return nil
	})
	harness.WaitReady(e.Env, role)
	if c := harness.Condition(role, "ACK.Terminal"); c != nil && c.Status == metav1.ConditionTrue {
		t.Errorf("Terminal after the namespace's region changed: %s", c.Message)
	}
	e.Delete(role)
	e.WaitGone(role)
}
