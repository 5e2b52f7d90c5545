package iam

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/iam/samples/ as its header says, in one
// kubectl apply --validate=strict: every object becomes Ready, IAM holds
// what each names, and deleting the folder removes them all.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, "samples")
	objs := e.ApplySamples("samples")
	var gone []func() error
	for _, o := range objs {
		switch s := harness.WaitReady(e.Env, o).(type) {
		case *v1alpha1.Policy:
			arn := s.Status.ACKResourceMetadata.ARN
			out, err := iamClient().GetPolicy(ctx(), &iam.GetPolicyInput{PolicyArn: arn})
			if err != nil || aws.ToString(out.Policy.PolicyName) != aws.ToString(s.Spec.Name) {
				t.Errorf("Policy sample %s: GetPolicy %s: %+v, %v", s.Name, aws.ToString(arn), out, err)
			}
			gone = append(gone, func() error {
				_, err := iamClient().GetPolicy(ctx(), &iam.GetPolicyInput{PolicyArn: arn})
				return stillThere("policy", aws.ToString(arn), err)
			})
		case *v1alpha1.InstanceProfile:
			name := s.Spec.Name
			out, err := iamClient().GetInstanceProfile(ctx(), &iam.GetInstanceProfileInput{InstanceProfileName: name})
			if err != nil || aws.ToString(out.InstanceProfile.Path) != aws.ToString(s.Spec.Path) {
				t.Errorf("InstanceProfile sample %s: GetInstanceProfile %s: %+v, %v", s.Name, aws.ToString(name), out, err)
			}
			gone = append(gone, func() error {
				_, err := iamClient().GetInstanceProfile(ctx(), &iam.GetInstanceProfileInput{InstanceProfileName: name})
				return stillThere("instance profile", aws.ToString(name), err)
			})
		case *v1alpha1.OpenIDConnectProvider:
			arn := s.Status.OpenIDConnectProviderARN
			out, err := iamClient().GetOpenIDConnectProvider(ctx(), &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: arn})
			if err != nil || len(out.ThumbprintList) != len(s.Spec.Thumbprints) {
				t.Errorf("OpenIDConnectProvider sample %s: GetOpenIDConnectProvider %s: %+v, %v", s.Name, aws.ToString(arn), out, err)
			}
			gone = append(gone, func() error {
				_, err := iamClient().GetOpenIDConnectProvider(ctx(), &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: arn})
				return stillThere("OpenID Connect provider", aws.ToString(arn), err)
			})
		default:
			t.Fatalf("no check of a %T sample in IAM", o)
		}
	}
	if len(gone) != 3 {
		t.Fatalf("the samples hold %d objects, want a Policy, an InstanceProfile and an OpenIDConnectProvider", len(gone))
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
