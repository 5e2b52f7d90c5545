package sns

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateTopic kills the controller right after SNS made a
// topic and before the controller heard its ARN. SNS assigns the ARN and
// has no read by name, so the object turns Terminal (CreateOutcomeUnknown)
// rather than create blindly, and SNS holds one topic of the name. The
// way out the condition names works: with the create-pending annotation
// removed the controller creates again, which SNS answers with the same
// topic (CreateTopic is idempotent by name), and the object is Ready, one
// topic still.
func TestKillAfterCreateTopic(t *testing.T) {
	t.Parallel()
	h, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateTopic")
	e := env{Env: h}
	name := e.Unique("killed")
	topic := &v1alpha1.Topic{ObjectMeta: metaIn(e.NS("kill"), "killed"), Spec: v1alpha1.TopicSpec{Name: aws.String(name)}}
	e.Create(topic)
	got := harness.WaitFor(e.Env, topic, "to be Terminal", harness.ConditionIs[*v1alpha1.Topic]("ACK.Terminal", metav1.ConditionTrue))
	if !killed() {
		t.Fatal("the controller was not killed after CreateTopic; the test did not test")
	}
	if c := harness.Condition(got, "ACK.Terminal"); c.Reason != "CreateOutcomeUnknown" || !strings.Contains(c.Message, "create-pending") {
		t.Errorf("Terminal %s: %s; want CreateOutcomeUnknown naming the create-pending annotation", c.Reason, c.Message)
	}
	if n := len(topicsNamed(t, name)); n != 1 {
		t.Fatalf("%d topics named %s, want the one the killed create made", n, name)
	}

	e.Annotate(topic, map[string]string{"services.k8s.aws/create-pending": ""})
	got = harness.WaitReady(e.Env, topic)
	arns := topicsNamed(t, name)
	if len(arns) != 1 || arns[0] != aws.ToString(got.Status.ACKResourceMetadata.ARN) {
		t.Errorf("topics named %s: %v; want exactly the one in status, %q", name, arns, aws.ToString(got.Status.ACKResourceMetadata.ARN))
	}
	if md := got.Status.ACKResourceMetadata; md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("ownership %q, want Created", md.Ownership)
	}
}

// topicsNamed lists the ARNs of SNS's topics called name.
func topicsNamed(t *testing.T, name string) []string {
	t.Helper()
	var arns []string
	p := sns.NewListTopicsPaginator(snsClient(), &sns.ListTopicsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("ListTopics: %v", err)
		}
		for _, tp := range page.Topics {
			if a := aws.ToString(tp.TopicArn); strings.HasSuffix(a, ":"+name) {
				arns = append(arns, a)
			}
		}
	}
	return arns
}
