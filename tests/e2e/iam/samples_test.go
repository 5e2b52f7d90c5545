package iam

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/iam/samples/ as its header says, in one
// kubectl apply --validate=strict: every object becomes Ready, IAM has
// each role, user and group with the sample's inline policies, and
// deleting the folder removes them from IAM.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, "samples")
	objs := e.ApplySamples("samples")
	ctx, c := context.Background(), iamClient()
	var gone []func() error
	for _, o := range objs {
		switch obj := harness.WaitReady(e.Env, o).(type) {
		case *v1alpha1.Role:
			name := aws.ToString(obj.Spec.Name)
			if err := samePolicies(readRole(t, name).inline, obj.Spec.InlinePolicies); err != nil {
				t.Errorf("Role sample %s: %v", obj.Name, err)
			}
			gone = append(gone, func() error {
				if _, err := c.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)}); !isNoSuchEntity(err) {
					return fmt.Errorf("role %s is still in IAM (%v)", name, err)
				}
				return nil
			})
		case *v1alpha1.User:
			name := aws.ToString(obj.Spec.Name)
			if err := samePolicies(readUser(t, name).inline, obj.Spec.InlinePolicies); err != nil {
				t.Errorf("User sample %s: %v", obj.Name, err)
			}
			gone = append(gone, func() error {
				if _, err := c.GetUser(ctx, &iam.GetUserInput{UserName: aws.String(name)}); !isNoSuchEntity(err) {
					return fmt.Errorf("user %s is still in IAM (%v)", name, err)
				}
				return nil
			})
		case *v1alpha1.Group:
			name := aws.ToString(obj.Spec.Name)
			if err := samePolicies(readGroup(t, name).inline, obj.Spec.InlinePolicies); err != nil {
				t.Errorf("Group sample %s: %v", obj.Name, err)
			}
			gone = append(gone, func() error {
				if _, err := c.GetGroup(ctx, &iam.GetGroupInput{GroupName: aws.String(name)}); !isNoSuchEntity(err) {
					return fmt.Errorf("group %s is still in IAM (%v)", name, err)
				}
				return nil
			})
		default:
			t.Errorf("no check of a %T sample in IAM", o)
		}
	}
	if len(gone) != 3 {
		t.Fatalf("checked %d samples, want a Role, a User and a Group", len(gone))
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		for _, check := range gone {
			if err := check(); err != nil {
				return err
			}
		}
		return nil
	})
}
