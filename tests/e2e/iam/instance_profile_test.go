package iam

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// createRole makes a role through the SDK, as the Role kind's controller
// would, for an instance profile to hold.
func createRole(t *testing.T, name string) {
	t.Helper()
	trust := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}`
	if _, err := iamClient().CreateRole(ctx(), &iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trust)}); err != nil {
		t.Fatalf("CreateRole %s: %v", name, err)
	}
}

// profileRoles are the names of the roles IAM's instance profile holds.
func profileRoles(t *testing.T, name string) ([]string, error) {
	t.Helper()
	out, err := iamClient().GetInstanceProfile(ctx(), &iam.GetInstanceProfileInput{InstanceProfileName: aws.String(name)})
	if err != nil {
		return nil, err
	}
	var roles []string
	for _, r := range out.InstanceProfile.Roles {
		roles = append(roles, aws.ToString(r.RoleName))
	}
	return roles, nil
}

// waitRoles waits until the instance profile holds exactly the role want.
func waitRoles(t *testing.T, name, want string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 200*time.Millisecond, func() error {
		roles, err := profileRoles(t, name)
		if err != nil {
			return err
		}
		if len(roles) != 1 || roles[0] != want {
			return fmt.Errorf("instance profile %s holds roles %v, want [%s]", name, roles, want)
		}
		return nil
	})
}

// TestInstanceProfile: an instance profile made with a role holds it;
// another role in the spec replaces it; a role removed outside Kubernetes
// is put back at resync; unchanged resyncs cost one GetInstanceProfile
// (which carries the tags: moto lacks ListInstanceProfileTags) and no
// write; the delete removes the role from the profile, then the profile.
func TestInstanceProfile(t *testing.T) {
	t.Parallel()
	e := start(t, "profile")
	name := e.Unique("web")
	first, second := e.Unique("web-role"), e.Unique("web-role-2")
	createRole(t, first)
	createRole(t, second)
	p := &v1alpha1.InstanceProfile{
		ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: e.NS("profile")},
		Spec: v1alpha1.InstanceProfileSpec{
			Name: aws.String(name),
			Path: aws.String("/kubesmith/"),
			Role: aws.String(first),
			Tags: []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("web")}},
		},
	}
	e.Create(p)
	p = harness.WaitReady(e.Env, p)
	out, err := iamClient().GetInstanceProfile(ctx(), &iam.GetInstanceProfileInput{InstanceProfileName: aws.String(name)})
	if err != nil {
		t.Fatalf("GetInstanceProfile %s: %v", name, err)
	}
	if aws.ToString(out.InstanceProfile.Path) != "/kubesmith/" || len(out.InstanceProfile.Tags) == 0 {
		t.Errorf("instance profile %s: path %s, tags %+v; want /kubesmith/ and team=web", name, aws.ToString(out.InstanceProfile.Path), out.InstanceProfile.Tags)
	}
	waitRoles(t, name, first)

	harness.Edit(e.Env, p, func(p *v1alpha1.InstanceProfile) { p.Spec.Role = aws.String(second) })
	waitRoles(t, name, second)

	if _, err := iamClient().RemoveRoleFromInstanceProfile(ctx(), &iam.RemoveRoleFromInstanceProfileInput{
		InstanceProfileName: aws.String(name), RoleName: aws.String(second),
	}); err != nil {
		t.Fatal(err)
	}
	waitRoles(t, name, second)
	harness.WaitReady(e.Env, p)

	e.checkReads("InstanceProfile", name, "GetInstanceProfile")

	e.Delete(p)
	e.WaitGone(p)
	if _, err := profileRoles(t, name); !notFound(err) {
		t.Errorf("GetInstanceProfile %s after the delete: %v, want NoSuchEntity", name, err)
	}
}
