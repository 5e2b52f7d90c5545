package iam

import (
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

// Thumbprints are 40 hexadecimal digits.
const (
	thumbprintA = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"
	thumbprintB = "1111111111111111111111111111111111111111"
	thumbprintC = "2222222222222222222222222222222222222222"
)

// waitThumbprints waits until IAM's provider holds exactly want.
func waitThumbprints(t *testing.T, arn string, want ...string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 200*time.Millisecond, func() error {
		out, err := iamClient().GetOpenIDConnectProvider(ctx(), &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: aws.String(arn)})
		if err != nil {
			return err
		}
		got := slices.Sorted(slices.Values(out.ThumbprintList))
		if !slices.Equal(got, want) {
			return fmt.Errorf("provider %s holds thumbprints %v, want %v", arn, got, want)
		}
		return nil
	})
}

// TestOpenIDConnectProvider: a provider made with its client IDs and
// thumbprints holds them; new thumbprints in the spec reach IAM; a
// change of them outside Kubernetes is put back at resync; unchanged
// resyncs cost one GetOpenIDConnectProvider and no write; the delete
// removes it.
func TestOpenIDConnectProvider(t *testing.T) {
	t.Parallel()
	e := start(t, "oidc")
	url := "https://" + e.Unique("oidc") + ".example.com"
	p := &v1alpha1.OpenIDConnectProvider{
		ObjectMeta: metav1.ObjectMeta{Name: "cluster", Namespace: e.NS("oidc")},
		Spec: v1alpha1.OpenIDConnectProviderSpec{
			URL:         aws.String(url),
			ClientIDs:   []string{"sts.amazonaws.com"},
			Thumbprints: []string{thumbprintA},
		},
	}
	e.Create(p)
	p = harness.WaitReady(e.Env, p)
	arn := aws.ToString(p.Status.OpenIDConnectProviderARN)
	out, err := iamClient().GetOpenIDConnectProvider(ctx(), &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("GetOpenIDConnectProvider %s: %v", arn, err)
	}
	if !slices.Equal(out.ClientIDList, []string{"sts.amazonaws.com"}) {
		t.Errorf("provider %s: client IDs %v, want [sts.amazonaws.com]", arn, out.ClientIDList)
	}
	waitThumbprints(t, arn, thumbprintA)

	harness.Edit(e.Env, p, func(p *v1alpha1.OpenIDConnectProvider) { p.Spec.Thumbprints = []string{thumbprintB, thumbprintA} })
	waitThumbprints(t, arn, thumbprintB, thumbprintA)

	if _, err := iamClient().UpdateOpenIDConnectProviderThumbprint(ctx(), &iam.UpdateOpenIDConnectProviderThumbprintInput{
		OpenIDConnectProviderArn: aws.String(arn), ThumbprintList: []string{thumbprintC},
	}); err != nil {
		t.Fatal(err)
	}
	waitThumbprints(t, arn, thumbprintB, thumbprintA)
	harness.WaitReady(e.Env, p)

	e.checkReads("OpenIDConnectProvider", arn, "GetOpenIDConnectProvider")

	e.Delete(p)
	e.WaitGone(p)
	if _, err := iamClient().GetOpenIDConnectProvider(ctx(), &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: aws.String(arn)}); !notFound(err) {
		t.Errorf("GetOpenIDConnectProvider %s after the delete: %v, want NoSuchEntity", arn, err)
	}
}
