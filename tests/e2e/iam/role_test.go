package iam

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/compare"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// roleState is what IAM holds for a role, read through the SDK.
type roleState struct {
	description string
	maxSession  int32
	trust       string
	boundary    string
	inline      map[string]string
	attached    []string
	tags        map[string]string
}

func readRole(t *testing.T, name string) roleState {
	t.Helper()
	ctx, c := context.Background(), iamClient()
	got, err := c.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)})
	if err != nil {
		t.Fatalf("GetRole %s: %v", name, err)
	}
	s := roleState{description: aws.ToString(got.Role.Description), maxSession: aws.ToInt32(got.Role.MaxSessionDuration), trust: aws.ToString(got.Role.AssumeRolePolicyDocument)}
	if b := got.Role.PermissionsBoundary; b != nil {
		s.boundary = aws.ToString(b.PermissionsBoundaryArn)
	}
	names, err := c.ListRolePolicies(ctx, &iam.ListRolePoliciesInput{RoleName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListRolePolicies %s: %v", name, err)
	}
	s.inline = inline(t, names.PolicyNames, func(p string) (*string, error) {
		out, err := c.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: aws.String(name), PolicyName: aws.String(p)})
		if err != nil {
			return nil, err
		}
		return out.PolicyDocument, nil
	})
	attached, err := c.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListAttachedRolePolicies %s: %v", name, err)
	}
	s.attached = arns(attached.AttachedPolicies)
	tags, err := c.ListRoleTags(ctx, &iam.ListRoleTagsInput{RoleName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListRoleTags %s: %v", name, err)
	}
	s.tags = map[string]string{}
	for _, tag := range tags.Tags {
		s.tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
	}
	return s
}

// waitRole waits until IAM's role passes check.
func waitRole(t *testing.T, name string, check func(roleState) error) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error { return check(readRole(t, name)) })
}

// TestRoleWithPolicies is the IAM Role: an inline policy and an
// attached managed policy (and a second of each), with a permissions
// boundary and tags. It is created and Ready, IAM holds it all; an update
// changes the description and session length, changes one inline policy
// and removes the other, detaches one managed policy, drops the boundary
// and replaces the tags (UntagRole, TagRole);
// a trust policy changed and an inline policy added out of band are put
// back at resync (a set inlinePolicies map is the whole set, as the
// incumbent syncs it); the same policy reformatted out of band is no
// drift, and ten unchanged resyncs read GetRole, ListRolePolicies (GetRole carries the tags), one
// GetRolePolicy per inline policy and ListAttachedRolePolicies once each,
// and write nothing; the delete detaches and deletes the policies first,
// as IAM requires, and the role is gone.
func TestRoleWithPolicies(t *testing.T) {
	t.Parallel()
	e := start(t, "roles")
	name := e.Unique("app")
	readOnly, writer, boundary := customerPolicy(t, e.Unique("read")), customerPolicy(t, e.Unique("write")), customerPolicy(t, e.Unique("boundary"))
	role := &v1alpha1.Role{
		ObjectMeta: metav1.ObjectMeta{Name: "app", Namespace: e.NS("roles")},
		Spec: v1alpha1.RoleSpec{
			Name:                     aws.String(name),
			Description:              aws.String("the app"),
			MaxSessionDuration:       aws.Int64(3600),
			AssumeRolePolicyDocument: aws.String(trust("ec2.amazonaws.com")),
			PermissionsBoundary:      aws.String(boundary),
			InlinePolicies:           map[string]string{"logs": allow("logs:GetLogEvents"), "queue": allow("sqs:SendMessage")},
			Policies:                 []string{readOnly, writer},
			Tags:                     []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("platform")}},
		},
	}
	e.Create(role)
	harness.WaitReady(e.Env, role)
	got := readRole(t, name)
	if got.description != "the app" || got.maxSession != 3600 || !compare.Policy(trust("ec2.amazonaws.com"), got.trust) || got.boundary != boundary {
		t.Errorf("IAM holds %+v, want the spec's description, session, trust policy and boundary", got)
	}
	if err := samePolicies(got.inline, role.Spec.InlinePolicies); err != nil {
		t.Error(err)
	}
	if got.tags["team"] != "platform" {
		t.Errorf("tags %v, want team=platform", got.tags)
	}
	if want := []string{readOnly, writer}; !slices.Equal(got.attached, sorted(want)) {
		t.Errorf("attached %v, want %v", got.attached, want)
	}

	harness.Edit(e.Env, role, func(r *v1alpha1.Role) {
		r.Spec.Description = aws.String("the app, v2")
		r.Spec.MaxSessionDuration = aws.Int64(7200)
		r.Spec.InlinePolicies = map[string]string{"logs": allow("logs:FilterLogEvents")}
		r.Spec.Policies = []string{readOnly}
		r.Spec.PermissionsBoundary = nil
		r.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}
	})
	waitRole(t, name, func(s roleState) error {
		switch {
		case s.description != "the app, v2" || s.maxSession != 7200:
			return fmt.Errorf("description %q, session %d", s.description, s.maxSession)
		case !slices.Equal(s.attached, []string{readOnly}):
			return fmt.Errorf("attached %v, want %s only", s.attached, readOnly)
		case s.boundary != "":
			return fmt.Errorf("permissions boundary %s, want none", s.boundary)
		case s.tags["env"] != "prod" || s.tags["team"] != "":
			return fmt.Errorf("tags %v, want env=prod and no team", s.tags)
		}
		return samePolicies(s.inline, map[string]string{"logs": allow("logs:FilterLogEvents")})
	})

	ctx, c := context.Background(), iamClient()
	if _, err := c.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String(name), PolicyDocument: aws.String(trust("lambda.amazonaws.com"))}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String(name), PolicyName: aws.String("outside"), PolicyDocument: aws.String(allow("*"))}); err != nil {
		t.Fatal(err)
	}
	waitRole(t, name, func(s roleState) error {
		if !compare.Policy(trust("ec2.amazonaws.com"), s.trust) {
			return fmt.Errorf("trust policy %s, want EC2's back", s.trust)
		}
		return samePolicies(s.inline, map[string]string{"logs": allow("logs:FilterLogEvents")})
	})

	// The same grant, compact and with its keys in another order.
	reformatted := `{"Statement":[{"Resource":"*","Action":["logs:FilterLogEvents"],"Effect":"Allow"}],"Version":"2012-10-17"}`
	if _, err := c.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String(name), PolicyName: aws.String("logs"), PolicyDocument: aws.String(reformatted)}); err != nil {
		t.Fatal(err)
	}
	e.checkEconomy("Role", name, map[string]int{"GetRole": 1, "ListRolePolicies": 1, "GetRolePolicy": 1, "ListAttachedRolePolicies": 1})

	e.Delete(role)
	e.WaitGone(role)
	if _, err := c.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)}); !isNoSuchEntity(err) {
		t.Errorf("GetRole %s after the delete: %v, want NoSuchEntity", name, err)
	}
	if ops := opsOn(t, name); ops["DetachRolePolicy"] < 2 || ops["DeleteRolePolicy"] < 2 {
		t.Errorf("calls on the role %v: want the update's and the delete's DetachRolePolicy and DeleteRolePolicy", ops)
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
