package dynamodb

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTags: a table carries the controller's default tags and the spec's;
// a spec change reaches AWS; at resync a tag added in the console is
// removed, and an aws: tag (AWS's own) is left alone.
func TestTags(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"tags"}, Flags: []string{"--reconcile-resource-resync-seconds", "Table=2"}})
	tbl := e.newTable("tags", "tagged", nil)
	tbl.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("orders")}}
	e.Create(tbl)
	ready := e.waitReady(tbl)
	arn := aws.ToString(ready.Status.ACKResourceMetadata.ARN)

	defaults := map[string]string{
		"services.k8s.aws/controller-version": "dynamodb-" + controllerVersion(t, e),
		"services.k8s.aws/namespace":          tbl.Namespace,
		"services.k8s.aws/name":               "tagged",
	}
	want := maps.Clone(defaults)
	want["team"] = "orders"
	if got := tagsInAWS(t, arn); !maps.Equal(got, want) {
		t.Errorf("tags in DynamoDB after create = %v, want %v", got, want)
	}

	// A spec change: one tag changes, one is added.
	e.editSpec(tbl, func(s *v1alpha1.TableSpec) {
		s.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("billing")}, {Key: aws.String("tier"), Value: aws.String("gold")}}
	})
	want["team"], want["tier"] = "billing", "gold"
	waitTags(t, arn, want)
	e.waitReady(tbl)

	// Behind the controller's back: an aws: tag and an ordinary one. The
	// resync removes the ordinary one only.
	if _, err := ddb(region, "").TagResource(context.Background(), &dynamodb.TagResourceInput{ResourceArn: aws.String(arn), Tags: []types.Tag{
		{Key: aws.String("aws:cloudformation:stack-name"), Value: aws.String("legacy")},
		{Key: aws.String("owner"), Value: aws.String("someone")},
	}}); err != nil {
		t.Fatal(err)
	}
	want["aws:cloudformation:stack-name"] = "legacy"
	waitTags(t, arn, want)
	e.WaitEvent(tbl, "DriftCorrected", "tags")
}

// waitTags waits until the table's tags in DynamoDB are exactly want.
func waitTags(t *testing.T, arn string, want map[string]string) {
	t.Helper()
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		if got := tagsInAWS(t, arn); !maps.Equal(got, want) {
			return fmt.Errorf("tags in DynamoDB = %v, want %v", got, want)
		}
		return nil
	})
}

func tagsInAWS(t *testing.T, arn string) map[string]string {
	t.Helper()
	out, err := ddb(region, "").ListTagsOfResource(context.Background(), &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Fatalf("ListTagsOfResource %s: %v", arn, err)
	}
	tags := map[string]string{}
	for _, tag := range out.Tags {
		tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
	}
	return tags
}

// controllerVersion is the version the controller logs at start, which its
// controller-version tag carries.
func controllerVersion(t *testing.T, e *env) string {
	t.Helper()
	m := regexp.MustCompile(`"version":"([^"]+)"`).FindStringSubmatch(logLine(e.Ctrl().Log(), `"msg":"starting"`))
	if m == nil {
		t.Fatalf("the controller logged no version at start")
	}
	return m[1]
}

// TestTagChangedTwelveTimes: moto's TagResource appends a tag whose key
// is already there, and once a table has more than ten tags its
// ListTagsOfResource hands back the same NextToken forever. A tag value
// changed twelve times must still converge: each change is Ready, and AWS
// ends with the last value as the only tag of its key.
func TestTagChangedTwelveTimes(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"retag"}})
	tbl := e.newTable("retag", "retagged", nil)
	tbl.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("v0")}}
	e.Create(tbl)
	arn := aws.ToString(e.waitReady(tbl).Status.ACKResourceMetadata.ARN)
	for i := 1; i <= 12; i++ {
		value := fmt.Sprintf("v%d", i)
		e.editSpec(tbl, func(s *v1alpha1.TableSpec) {
			s.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String(value)}}
		})
		e.waitReady(tbl)
	}
	out, err := ddb(region, "").ListTagsOfResource(context.Background(), &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	var team []string
	for _, tag := range out.Tags {
		if aws.ToString(tag.Key) == "team" {
			team = append(team, aws.ToString(tag.Value))
		}
	}
	if len(team) != 1 || team[0] != "v12" || out.NextToken != nil {
		t.Errorf("team tags in DynamoDB = %v (next token %v), want only v12 on one page", team, aws.ToString(out.NextToken))
	}
}
