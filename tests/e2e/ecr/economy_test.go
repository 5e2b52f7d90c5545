package ecr

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"

	"github.com/kubesmith/kubesmith/generated/ecr/apis/v1alpha1"
)

// calls counts the calls on repository name over ten resyncs after act,
// from before act: by operation, and how many resyncs that was.
func (e env) calls(name string, act func()) (map[string]int, float64) {
	e.T.Helper()
	all := map[string]string{"kind": "Repository"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(e.T, name)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	act()
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(e.T, name)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	calls := map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			calls[op] = d
		}
	}
	return calls, passes
}

// checkEconomy: an unchanged repository costs, over ten resyncs, no writes
// and reads only of the operations named, each at most once per resync.
func (e env) checkEconomy(name string, reads ...string) {
	e.T.Helper()
	calls, passes := e.calls(name, func() {})
	e.T.Logf("economy ecr Repository: %.1f calls per resync: %v", float64(total(calls))/passes, calls)
	for op, n := range calls {
		if !isRead(op) {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged Repository", n, op, passes)
		}
	}
	for _, op := range reads {
		// A pass can straddle a count: a margin of one pass.
		if n := calls[op]; n == 0 || float64(n) > passes+1 {
			e.T.Errorf("%d %s calls in %v resyncs of an unchanged Repository, want one per resync", n, op, passes)
		}
	}
	if n := total(calls); float64(n) > float64(len(reads))*(passes+1) {
		e.T.Errorf("%d calls in %v resyncs of an unchanged Repository, want only %v once each: %v", n, passes, reads, calls)
	}
}

// TestRepositoryEconomy: a repository with every sub-resource and tags set
// costs one read of each per resync (the repository, its lifecycle policy,
// its policy, its tags) and no writes; one with none of them set reads
// only the repository and its tags.
func TestRepositoryEconomy(t *testing.T) {
	t.Parallel()
	e := start(t, "economy")
	full := e.newRepository("economy", "full")
	full.Spec.ImageTagMutability = aws.String("IMMUTABLE")
	full.Spec.ImageScanningConfiguration = &v1alpha1.ImageScanningConfiguration{ScanOnPush: aws.Bool(true)}
	full.Spec.LifecyclePolicy = aws.String(lifecycleRule(10))
	full.Spec.Policy = aws.String(pullPolicy("111122223333"))
	full.Spec.Tags = []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("platform")}}
	bare := e.newRepository("economy", "bare")
	e.Create(full)
	e.Create(bare)
	e.waitReady(full)
	e.waitReady(bare)
	e.checkEconomy(*full.Spec.Name, "DescribeRepositories", "GetLifecyclePolicy", "GetRepositoryPolicy", "ListTagsForResource")
	e.checkEconomy(*bare.Spec.Name, "DescribeRepositories", "ListTagsForResource")
}

// TestPolicyReformattedNoDrift: a repository policy ECR returns formatted
// otherwise (indented, keys reordered, an Action list of one as a string,
// as AWS normalizes policies) grants the same: ten resyncs write nothing.
func TestPolicyReformattedNoDrift(t *testing.T) {
	t.Parallel()
	e := start(t, "policy-json")
	r := e.newRepository("policy-json", "app")
	name := *r.Spec.Name
	r.Spec.Policy = aws.String(`{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ecr:BatchGetImage"]}]}`)
	e.Create(r)
	e.waitReady(r)
	same := `{
  "Statement" : [ {
    "Action" : "ecr:BatchGetImage",
    "Principal" : { "AWS" : [ "arn:aws:iam::111122223333:root" ] },
    "Effect" : "Allow",
    "Sid" : "pull"
  } ],
  "Version" : "2012-10-17"
}`
	calls, passes := e.calls(name, func() {
		if _, err := ecrClient().SetRepositoryPolicy(context.Background(), &ecr.SetRepositoryPolicyInput{RepositoryName: aws.String(name), PolicyText: aws.String(same)}); err != nil {
			t.Fatal(err)
		}
	})
	calls["SetRepositoryPolicy"]-- // the test's own
	for op, n := range calls {
		if !isRead(op) && n != 0 {
			t.Errorf("%d %s calls in %v resyncs of a policy that grants the same", n, op, passes)
		}
	}
	if p := repositoryPolicy(t, name); p != same {
		t.Errorf("the reformatted policy was replaced by %q", p)
	}
}
