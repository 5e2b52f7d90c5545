package kms

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateKey kills the controller right after KMS made a key
// and before the controller heard its ID. A key has no name, KMS has no
// idempotency token, and ListKeys filters by nothing, so nothing the
// controller can read says which key that create made: the object turns
// Terminal (CreateOutcomeUnknown, naming the create-pending annotation)
// and KMS holds exactly one key of its description; no second key is made.
func TestKillAfterCreateKey(t *testing.T) {
	t.Parallel()
	h, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateKey")
	e := env{h}
	k := e.newKey("kill", "killed")
	k.Spec.Description = aws.String(e.Unique("killed"))
	e.Create(k)
	got := harness.WaitFor(e.Env, k, "to be Terminal", harness.ConditionIs[*v1alpha1.Key]("ACK.Terminal", metav1.ConditionTrue))
	if !killed() {
		t.Fatal("the controller was not killed after CreateKey; the test did not test")
	}
	c := harness.Condition(got, "ACK.Terminal")
	if c.Reason != "CreateOutcomeUnknown" || !strings.Contains(c.Message, "create-pending") {
		t.Errorf("Terminal %s: %s; want CreateOutcomeUnknown naming the create-pending annotation", c.Reason, c.Message)
	}
	if n := keysDescribed(t, aws.ToString(k.Spec.Description)); n != 1 {
		t.Errorf("%d keys described %q in KMS, want the one the killed create made", n, aws.ToString(k.Spec.Description))
	}
}

// keysDescribed counts KMS's keys whose description is d.
func keysDescribed(t *testing.T, d string) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	p := kms.NewListKeysPaginator(client(), &kms.ListKeysInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListKeys: %v", err)
		}
		for _, k := range page.Keys {
			if aws.ToString(describe(t, aws.ToString(k.KeyId)).Description) == d {
				n++
			}
		}
	}
	return n
}
