package sns

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/kubesmith/kubesmith/generated/sns/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateTopic kills the controller right after SNS made a
// topic and before the controller heard its ARN. SNS assigns the ARN and
// has no read by name, but CreateTopic is idempotent by name
// (idempotentCreate in generator.yaml): the restarted controller settles
// the lost answer by creating again, which SNS answers with the same
// topic, and the object is Ready with no one's help, owning the one topic
// of its name.
func TestKillAfterCreateTopic(t *testing.T) {
	t.Parallel()
	h, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateTopic")
	e := env{Env: h}
	name := e.Unique("killed")
	topic := &v1alpha1.Topic{ObjectMeta: metaIn(e.NS("kill"), "killed"), Spec: v1alpha1.TopicSpec{Name: aws.String(name)}}
	e.Create(topic)
	got := harness.WaitReady(e.Env, topic)
	if !killed() {
		t.Fatal("the controller was not killed after CreateTopic; the test did not test")
	}
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
