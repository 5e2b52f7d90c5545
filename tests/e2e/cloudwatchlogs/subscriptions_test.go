package cloudwatchlogs

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// filters are the log group's subscription filters in AWS, "name=pattern".
func filters(t *testing.T, name string) []string {
	t.Helper()
	out, err := logsClient().DescribeSubscriptionFilters(context.Background(), &cloudwatchlogs.DescribeSubscriptionFiltersInput{LogGroupName: aws.String(name)})
	if err != nil {
		t.Fatalf("DescribeSubscriptionFilters %s: %v", name, err)
	}
	var got []string
	for _, f := range out.SubscriptionFilters {
		got = append(got, aws.ToString(f.FilterName)+"="+aws.ToString(f.FilterPattern))
	}
	slices.Sort(got)
	return got
}

// TestSubscriptionFilters: a LogGroup's subscription filters, a keyed
// collection, are put at create, changed in place by their filterName, a
// filter added out of band is deleted, and one the spec drops is deleted.
// The destination is another log group, which moto accepts.
func TestSubscriptionFilters(t *testing.T) {
	t.Parallel()
	e := start(t, "subs")
	ctx := context.Background()
	dest := "/" + e.Prefix + "/dest"
	if _, err := logsClient().CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(dest)}); err != nil {
		t.Fatal(err)
	}
	destARN := aws.ToString(group(t, dest).Arn)
	filter := func(name, pattern string) v1alpha1.PutSubscriptionFilterInput {
		return v1alpha1.PutSubscriptionFilterInput{FilterName: aws.String(name), FilterPattern: aws.String(pattern), DestinationARN: aws.String(destARN)}
	}
	g := e.newLogGroup("subs", "src", 0)
	g.Spec.SubscriptionFilters = []v1alpha1.PutSubscriptionFilterInput{filter("errors", "ERROR")}
	name := *g.Spec.Name
	e.Create(g)
	harness.WaitReady(e.Env, g)
	wait := func(want ...string) {
		t.Helper()
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			if got := filters(t, name); !slices.Equal(got, want) {
				return fmt.Errorf("subscription filters %v, want %v", got, want)
			}
			return nil
		})
	}
	wait("errors=ERROR")

	harness.Edit(e.Env, g, func(g *v1alpha1.LogGroup) {
		g.Spec.SubscriptionFilters = []v1alpha1.PutSubscriptionFilterInput{filter("errors", "WARN")}
	})
	wait("errors=WARN")

	if _, err := logsClient().PutSubscriptionFilter(ctx, &cloudwatchlogs.PutSubscriptionFilterInput{
		LogGroupName: aws.String(name), FilterName: aws.String("by-hand"), FilterPattern: aws.String(""), DestinationArn: aws.String(destARN),
	}); err != nil {
		t.Fatal(err)
	}
	wait("errors=WARN")

	harness.Edit(e.Env, g, func(g *v1alpha1.LogGroup) { g.Spec.SubscriptionFilters = []v1alpha1.PutSubscriptionFilterInput{} })
	wait()
	e.Delete(g)
	e.WaitGone(g)
}
