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

// userState is what IAM holds for a user, read through the SDK.
type userState struct {
	path     string
	inline   map[string]string
	attached []string
}

func readUser(t *testing.T, name string) userState {
	t.Helper()
	ctx, c := context.Background(), iamClient()
	got, err := c.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(name)})
	if err != nil {
		t.Fatalf("GetUser %s: %v", name, err)
	}
	names, err := c.ListUserPolicies(ctx, &iam.ListUserPoliciesInput{UserName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListUserPolicies %s: %v", name, err)
	}
	attached, err := c.ListAttachedUserPolicies(ctx, &iam.ListAttachedUserPoliciesInput{UserName: aws.String(name)})
	if err != nil {
		t.Fatalf("ListAttachedUserPolicies %s: %v", name, err)
	}
	return userState{
		path: aws.ToString(got.User.Path),
		inline: inline(t, names.PolicyNames, func(p string) (*string, error) {
			out, err := c.GetUserPolicy(ctx, &iam.GetUserPolicyInput{UserName: aws.String(name), PolicyName: aws.String(p)})
			if err != nil {
				return nil, err
			}
			return out.PolicyDocument, nil
		}),
		attached: arns(attached.AttachedPolicies),
	}
}

// TestUserWithPolicies: a User with inline and attached policies is
// created and Ready; an update changes an inline policy, removes another
// and detaches a managed policy; a managed policy detached out of band is
// attached again at resync; ten unchanged resyncs only read; the delete
// empties the user first, as IAM requires, and the user is gone. (moto
// lacks the user permissions boundary: the same generated calls are
// exercised on the Role.)
func TestUserWithPolicies(t *testing.T) {
	t.Parallel()
	e := start(t, "users")
	name := e.Unique("dev")
	p1, p2 := customerPolicy(t, e.Unique("u1")), customerPolicy(t, e.Unique("u2"))
	user := &v1alpha1.User{
		ObjectMeta: metav1.ObjectMeta{Name: "dev", Namespace: e.NS("users")},
		Spec: v1alpha1.UserSpec{
			Name:           aws.String(name),
			Path:           aws.String("/devs/"),
			InlinePolicies: map[string]string{"a": allow("s3:ListBucket"), "b": allow("sqs:ListQueues")},
			Policies:       []string{p1, p2},
		},
	}
	e.Create(user)
	harness.WaitReady(e.Env, user)
	got := readUser(t, name)
	if got.path != "/devs/" || !slices.Equal(got.attached, sorted([]string{p1, p2})) {
		t.Errorf("IAM holds %+v, want path /devs/ and %s, %s attached", got, p1, p2)
	}
	if err := samePolicies(got.inline, user.Spec.InlinePolicies); err != nil {
		t.Error(err)
	}

	harness.Edit(e.Env, user, func(u *v1alpha1.User) {
		u.Spec.InlinePolicies = map[string]string{"a": allow("s3:GetObject")}
		u.Spec.Policies = []string{p2}
	})
	wait := func(want map[string]string, attached []string) {
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			s := readUser(t, name)
			if !slices.Equal(s.attached, attached) {
				return fmt.Errorf("attached %v, want %v", s.attached, attached)
			}
			return samePolicies(s.inline, want)
		})
	}
	wait(map[string]string{"a": allow("s3:GetObject")}, []string{p2})

	if _, err := iamClient().DetachUserPolicy(context.Background(), &iam.DetachUserPolicyInput{UserName: aws.String(name), PolicyArn: aws.String(p2)}); err != nil {
		t.Fatal(err)
	}
	wait(map[string]string{"a": allow("s3:GetObject")}, []string{p2})
	e.checkEconomy("User", name, map[string]int{"GetUser": 1, "ListUserPolicies": 1, "GetUserPolicy": 1, "ListAttachedUserPolicies": 1})

	e.Delete(user)
	e.WaitGone(user)
	if _, err := iamClient().GetUser(context.Background(), &iam.GetUserInput{UserName: aws.String(name)}); !isNoSuchEntity(err) {
		t.Errorf("GetUser %s after the delete: %v, want NoSuchEntity", name, err)
	}
}
