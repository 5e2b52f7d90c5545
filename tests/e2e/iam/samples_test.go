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
		case *v1alpha1.Policy:
			arn := obj.Status.ACKResourceMetadata.ARN
			out, err := iamClient().GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: arn})
			if err != nil || aws.ToString(out.Policy.PolicyName) != aws.ToString(obj.Spec.Name) {
				t.Errorf("Policy sample %s: GetPolicy %s: %+v, %v", obj.Name, aws.ToString(arn), out, err)
			}
			gone = append(gone, func() error {
				_, err := iamClient().GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: arn})
				return stillThere("policy", aws.ToString(arn), err)
			})
		case *v1alpha1.InstanceProfile:
			name := obj.Spec.Name
			out, err := iamClient().GetInstanceProfile(ctx, &iam.GetInstanceProfileInput{InstanceProfileName: name})
			if err != nil || aws.ToString(out.InstanceProfile.Path) != aws.ToString(obj.Spec.Path) {
				t.Errorf("InstanceProfile sample %s: GetInstanceProfile %s: %+v, %v", obj.Name, aws.ToString(name), out, err)
			}
			gone = append(gone, func() error {
				_, err := iamClient().GetInstanceProfile(ctx, &iam.GetInstanceProfileInput{InstanceProfileName: name})
				return stillThere("instance profile", aws.ToString(name), err)
			})
		case *v1alpha1.OpenIDConnectProvider:
			arn := obj.Status.OpenIDConnectProviderARN
			out, err := iamClient().GetOpenIDConnectProvider(ctx, &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: arn})
			if err != nil || len(out.ThumbprintList) != len(obj.Spec.Thumbprints) {
				t.Errorf("OpenIDConnectProvider sample %s: GetOpenIDConnectProvider %s: %+v, %v", obj.Name, aws.ToString(arn), out, err)
			}
			gone = append(gone, func() error {
				_, err := iamClient().GetOpenIDConnectProvider(ctx, &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: arn})
				return stillThere("OpenID Connect provider", aws.ToString(arn), err)
			})
		default:
			t.Errorf("no check of a %T sample in IAM", o)
		}
	}
	if len(gone) != 6 {
		t.Fatalf("checked %d samples, want a Role, a User, a Group, a Policy, an InstanceProfile and an OpenIDConnectProvider", len(gone))
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

// stillThere is an error unless err says IAM has no such entity.
func stillThere(what, id string, err error) error {
	if notFound(err) {
		return nil
	}
	return fmt.Errorf("the %s %s is still in IAM (%v)", what, id, err)
}
