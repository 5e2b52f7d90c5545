package cloudwatchlogs

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestLogGroupLifecycle: a LogGroup is made with its retention and tags;
// a new retention and new tags reach AWS; a retention changed out of band
// is put back at resync; an unchanged group costs one DescribeLogGroups
// and one ListTagsForResource per resync and no write; deleting the
// object deletes the group.
func TestLogGroupLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t, "life")
	ctx := context.Background()
	g := e.newLogGroup("life", "app", 7)
	g.Spec.Tags = map[string]string{"team": "a"}
	name := *g.Spec.Name
	e.Create(g)
	g = harness.WaitReady(e.Env, g)
	aws1 := group(t, name)
	if aws1 == nil {
		t.Fatalf("no log group %s in CloudWatch Logs", name)
	}
	if got := aws.ToInt32(aws1.RetentionInDays); got != 7 {
		t.Errorf("retention %d, want 7", got)
	}
	arn := aws.ToString(aws1.LogGroupArn)
	if got := aws.ToString(g.Status.ACKResourceMetadata.ARN); got != arn {
		t.Errorf("status ARN %s, want %s", got, arn)
	}
	if got := tags(t, arn); got["team"] != "a" {
		t.Errorf("tags %v, want team=a among the controller's own", got)
	}

	t.Run("economy", func(t *testing.T) {
		env{e.For(t)}.checkEconomy(name, "DescribeLogGroups", "ListTagsForResource")
	})

	harness.Edit(e.Env, g, func(g *v1alpha1.LogGroup) {
		g.Spec.RetentionDays = aws.Int64(14)
		g.Spec.Tags = map[string]string{"team": "b"}
	})
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		cur, tg := group(t, name), tags(t, arn)
		if aws.ToInt32(cur.RetentionInDays) != 14 || tg["team"] != "b" {
			return fmt.Errorf("retention %d, tags %v; want 14 and team=b", aws.ToInt32(cur.RetentionInDays), tg)
		}
		return nil
	})

	// A retention changed out of band is put back.
	if _, err := logsClient().PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: aws.String(name), RetentionInDays: aws.Int32(30)}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := aws.ToInt32(group(t, name).RetentionInDays); got != 14 {
			return fmt.Errorf("retention %d, want 14 put back", got)
		}
		return nil
	})

	e.Delete(g)
	e.WaitGone(g)
	if group(t, name) != nil {
		t.Errorf("log group %s is still in CloudWatch Logs after the object's delete", name)
	}
}

// TestPrefixNamesAnotherGroup: DescribeLogGroups finds groups by name
// prefix, so the group "app-2" is among the answers for "app". Made first,
// it must not pass for "app": both are made, each object sees only its
// own group, and a retention changed on one is put back on that one alone.
func TestPrefixNamesAnotherGroup(t *testing.T) {
	t.Parallel()
	e := start(t, "prefix")
	ctx := context.Background()
	long := e.newLogGroup("prefix", "app-2", 3)
	e.Create(long)
	long = harness.WaitReady(e.Env, long)
	short := e.newLogGroup("prefix", "app", 5)
	e.Create(short)
	short = harness.WaitReady(e.Env, short)
	for _, c := range []struct {
		obj       *v1alpha1.LogGroup
		retention int32
	}{{long, 3}, {short, 5}} {
		name := *c.obj.Spec.Name
		g := group(t, name)
		if g == nil {
			t.Fatalf("no log group %s in CloudWatch Logs", name)
		}
		if got := aws.ToInt32(g.RetentionInDays); got != c.retention {
			t.Errorf("%s: retention %d, want %d", name, got, c.retention)
		}
		if got := aws.ToString(c.obj.Status.ACKResourceMetadata.ARN); got != aws.ToString(g.LogGroupArn) {
			t.Errorf("%s: status ARN %s, want its own %s", c.obj.Name, got, aws.ToString(g.LogGroupArn))
		}
	}
	if _, err := logsClient().PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: long.Spec.Name, RetentionInDays: aws.Int32(60)}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if got := aws.ToInt32(group(t, *long.Spec.Name).RetentionInDays); got != 3 {
			return fmt.Errorf("%s: retention %d, want 3 put back", *long.Spec.Name, got)
		}
		return nil
	})
	if got := aws.ToInt32(group(t, *short.Spec.Name).RetentionInDays); got != 5 {
		t.Errorf("%s: retention %d after its neighbour's correction, want 5", *short.Spec.Name, got)
	}
	e.Delete(short)
	e.WaitGone(short)
	if group(t, *long.Spec.Name) == nil {
		t.Errorf("deleting %s removed %s too", *short.Spec.Name, *long.Spec.Name)
	}
	e.Delete(long)
	e.WaitGone(long)
}
