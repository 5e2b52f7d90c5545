package dynamodb

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSettingAndTagDriftInOneResync: time to live turned off and a tag
// added outside Kubernetes, together, are both put back by one resync:
// one UpdateTimeToLive and one UntagResource, nothing else written, and
// one drift record naming both.
func TestSettingAndTagDriftInOneResync(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"both"}})
	tbl := e.newTable("both", "ttl-tags", nil)
	tbl.Spec.TimeToLive = &v1alpha1.TimeToLiveSpecification{AttributeName: aws.String("expires"), Enabled: aws.Bool(true)}
	tbl.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("orders")}}
	e.Create(tbl)
	ready := e.waitReady(tbl)
	name, arn := *tbl.Spec.TableName, aws.ToString(ready.Status.ACKResourceMetadata.ARN)
	waitTTL(t, name, types.TimeToLiveStatusEnabled, "expires")
	e.waitSettled(tbl)
	want := tagsInAWS(t, arn)

	start := e.Scrape()
	ctx := context.Background()
	if _, err := ddb(region, "").UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName:               aws.String(name),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String("expires"), Enabled: aws.Bool(false)},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := ddb(region, "").TagResource(ctx, &dynamodb.TagResourceInput{ResourceArn: aws.String(arn), Tags: []types.Tag{
		{Key: aws.String("owner"), Value: aws.String("someone")},
	}}); err != nil {
		t.Fatal(err)
	}
	e.RequestCheck(tbl)
	e.WaitEvent(tbl, "DriftCorrected", "timeToLive")
	waitTTL(t, name, types.TimeToLiveStatusEnabled, "expires")
	waitTags(t, arn, want)
	e.waitSettled(tbl)

	var got v1alpha1.Table
	if err := e.K.Get(ctx, client.ObjectKeyFromObject(tbl), &got); err != nil {
		t.Fatal(err)
	}
	if d := got.Status.LastDrift; d == nil || !slices.Equal(d.Fields, []string{"timeToLive.enabled", "tags"}) {
		t.Errorf("last drift %+v, want one correction of timeToLive.enabled and tags", d)
	}
	end := e.Scrape()
	calls := func(op string) float64 {
		l := map[string]string{"operation": op}
		return end.Sum("kubesmith_aws_api_calls_total", l) - start.Sum("kubesmith_aws_api_calls_total", l)
	}
	for op, n := range map[string]float64{"UpdateTimeToLive": 1, "UntagResource": 1} {
		if calls(op) != n {
			t.Errorf("%v %s calls, want %v", calls(op), op, n)
		}
	}
	if n := writes(end) - writes(start); n != 2 {
		t.Errorf("%v AWS writes to put back the two changes, want 2\n%s", n, end.String("kubesmith_aws_api_calls_total"))
	}
}

// TestRegionAnnotationRemoved: a table made in the region its annotation
// named stays there when the annotation goes. The object turns Terminal,
// naming both regions, and nothing is made in the controller's region;
// with the annotation back it is Ready again, and deleting it deletes the
// table where it is.
func TestRegionAnnotationRemoved(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"unpinned"}})
	tbl := e.newTable("unpinned", "moved", map[string]string{"services.k8s.aws/region": "eu-west-1"})
	e.Create(tbl)
	e.waitReady(tbl)
	name := e.table("moved")
	if !slices.Contains(tableNames(t, "eu-west-1", ""), name) {
		t.Fatalf("table %s is not in eu-west-1", name)
	}

	e.Annotate(tbl, map[string]string{"services.k8s.aws/region": ""})
	got := e.waitFor(tbl, "to be Terminal", conditionIs("ACK.Terminal", metav1.ConditionTrue))
	if msg := harness.Condition(got, "ACK.Terminal").Message; !strings.Contains(msg, "eu-west-1") || !strings.Contains(msg, region) {
		t.Errorf("Terminal message %q does not name both regions", msg)
	}
	if slices.Contains(tableNames(t, region, ""), name) {
		t.Errorf("table %s was created in %s once the annotation went", name, region)
	}

	e.Annotate(tbl, map[string]string{"services.k8s.aws/region": "eu-west-1"})
	e.waitReady(tbl)
	e.Delete(tbl)
	e.WaitGone(tbl)
	for _, r := range []string{"eu-west-1", region} {
		if slices.Contains(tableNames(t, r, ""), name) {
			t.Errorf("table %s still in %s after the object was deleted", name, r)
		}
	}
}
