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
	"github.com/kubesmith/kubesmith/tests/harness"
)

// groupState is what IAM holds for a group, read through the SDK.
type groupState struct {
	path     string
	inline   map[string]string
	attached []string
}

func readGroup(t *testing.T, name string) groupState {
	t.Helper()
	ctx, c := context.Background(), iamClient()
	got, err := c.GetGroup(ctx, &iam.GetGroupInput{GroupName: aws.String(name)})
	if err != nil {
		t.Fatalf("GetGroup %s: %v", name, err)
	}
	names, err := c.ListGroupPolicies(ctx, &iam.ListGroupPoliciesInput{GroupName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListGroupPolicies %s: %v", name, err)
	}
	attached, err := c.ListAttachedGroupPolicies(ctx, &iam.ListAttachedGroupPoliciesInput{GroupName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListAttachedGroupPolicies %s: %v", name, err)
	}
	return groupState{
		path: aws.ToString(got.Group.Path),
		inline: inline(t, names.PolicyNames, func(p string) (*string, error) {
			out, err := c.GetGroupPolicy(ctx, &iam.GetGroupPolicyInput{GroupName: aws.String(name), PolicyName: aws.String(p)})
			if err != nil {
				return nil, err
			}
			return out.PolicyDocument, nil
		}),
		attached: arns(attached.AttachedPolicies),
	}
}

// TestGroupWithPolicies: a Group with a path, inline and attached
// policies is created and Ready; an update removes an inline policy and
// detaches a managed one; an inline policy changed out of band is put
// back at resync; ten unchanged resyncs only read; the delete empties the
// group first, as IAM requires, and the group is gone.
func TestGroupWithPolicies(t *testing.T) {
	t.Parallel()
	e := start(t, "groups")
	name := e.Unique("ops")
	p1, p2 := customerPolicy(t, e.Unique("g1")), customerPolicy(t, e.Unique("g2"))
	group := &v1alpha1.Group{
		ObjectMeta: metav1.ObjectMeta{Name: "ops", Namespace: e.NS("groups")},
		Spec: v1alpha1.GroupSpec{
			Name:           aws.String(name),
			Path:           aws.String("/ops/"),
			InlinePolicies: map[string]string{"a": allow("ec2:DescribeInstances"), "b": allow("ec2:DescribeVpcs")},
			Policies:       []string{p1, p2},
		},
	}
	e.Create(group)
	harness.WaitReady(e.Env, group)
	got := readGroup(t, name)
	if got.path != "/ops/" || !slices.Equal(got.attached, sorted([]string{p1, p2})) {
		t.Errorf("IAM holds %+v, want path /ops/ and %s, %s attached", got, p1, p2)
	}
	if err := samePolicies(got.inline, group.Spec.InlinePolicies); err != nil {
		t.Error(err)
	}

	harness.Edit(e.Env, group, func(g *v1alpha1.Group) {
		g.Spec.InlinePolicies = map[string]string{"a": allow("ec2:DescribeInstances")}
		g.Spec.Policies = []string{p1}
	})
	wait := func() {
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			s := readGroup(t, name)
			if !slices.Equal(s.attached, []string{p1}) {
				return fmt.Errorf("attached %v, want %s", s.attached, p1)
			}
			return samePolicies(s.inline, map[string]string{"a": allow("ec2:DescribeInstances")})
		})
	}
	wait()

	if _, err := iamClient().PutGroupPolicy(context.Background(), &iam.PutGroupPolicyInput{GroupName: aws.String(name), PolicyName: aws.String("a"), PolicyDocument: aws.String(allow("*"))}); err != nil {
		t.Fatal(err)
	}
	wait()
	e.checkEconomy("Group", name, map[string]int{"GetGroup": 1, "ListGroupPolicies": 1, "GetGroupPolicy": 1, "ListAttachedGroupPolicies": 1})

	e.Delete(group)
	e.WaitGone(group)
	if _, err := iamClient().GetGroup(context.Background(), &iam.GetGroupInput{GroupName: aws.String(name)}); !isNoSuchEntity(err) {
		t.Errorf("GetGroup %s after the delete: %v, want NoSuchEntity", name, err)
	}
}
