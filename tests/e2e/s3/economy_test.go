package s3

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// resyncs runs a controller that checks every Bucket each second.
func resyncs(t *testing.T, ns string) env {
	return start(t, harness.ControllerOptions{Namespaces: []string{ns}, Flags: []string{"--reconcile-resource-resync-seconds", "Bucket=1"}})
}

// settle waits for one resync of the kind after the current pass.
func settle(e env) {
	e.T.Helper()
	all := map[string]string{"kind": "Bucket"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
}

// steadyCalls counts the calls over ten resyncs after the next one, with
// nothing changed.
func steadyCalls(t *testing.T, e env, b *v1alpha1.Bucket) (reads, writes map[string]int, passes float64) {
	settle(e)
	return callsOver(t, e, b, func() {})
}

// callsOver runs act, then counts the calls on the bucket from before act
// over ten more resyncs: reads (GET, HEAD) and writes (the rest), by
// operation, and how many resyncs that was.
func callsOver(t *testing.T, e env, b *v1alpha1.Bucket, act func()) (reads, writes map[string]int, passes float64) {
	t.Helper()
	bucket := *b.Spec.Name
	all := map[string]string{"kind": "Bucket"}
	before := opsOn(t, bucket)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	act()
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(t, bucket)
	passes = e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	reads, writes = map[string]int{}, map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			if strings.HasPrefix(op, "GET") || strings.HasPrefix(op, "HEAD") {
				reads[op] = d
			} else {
				writes[op] = d
			}
		}
	}
	return reads, writes, passes
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// TestDefaultsAreNoDrift: S3 reports SSE-S3 encryption, BucketOwnerEnforced
// ownership and a full public access block on a bucket whose spec sets
// none (put here out of band, as AWS does by itself). Ten resyncs of each
// write nothing: a delete would open the bucket up, and AWS would report
// the default again. Unset in the spec, each is no opinion, so not even
// read.
func TestDefaultsAreNoDrift(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "defaults")
	yes := aws.Bool(true)
	defaults := []struct {
		name, read, put string
		report          func(ctx context.Context, c *s3.Client, bucket string) error
	}{
		{"encryption", "GET ?encryption", "PUT ?encryption", func(ctx context.Context, c *s3.Client, bucket string) error {
			_, err := c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: &bucket, ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{
				ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAes256},
			}}}})
			return err
		}},
		{"ownership", "GET ?ownershipControls", "PUT ?ownershipControls", func(ctx context.Context, c *s3.Client, bucket string) error {
			_, err := c.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: &bucket, OwnershipControls: &types.OwnershipControls{Rules: []types.OwnershipControlsRule{{ObjectOwnership: types.ObjectOwnershipBucketOwnerEnforced}}}})
			return err
		}},
		{"public-access", "GET ?publicAccessBlock", "PUT ?publicAccessBlock", func(ctx context.Context, c *s3.Client, bucket string) error {
			_, err := c.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: &bucket, PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{
				BlockPublicAcls: yes, IgnorePublicAcls: yes, BlockPublicPolicy: yes, RestrictPublicBuckets: yes,
			}})
			return err
		}},
	}
	for _, d := range defaults {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			e := env{e.For(t)}
			b := e.newBucket("defaults", d.name, nil)
			bucket := *b.Spec.Name
			e.Create(b)
			e.waitReady(b)
			reads, writes, passes := callsOver(t, e, b, func() {
				if err := d.report(context.Background(), s3Client(region), bucket); err != nil {
					t.Fatal(err)
				}
			})
			delete(writes, d.put) // the test's own
			if total(writes) != 0 {
				t.Errorf("%d writes in %v resyncs of a bucket reporting a default %s: %v", total(writes), passes, d.name, writes)
			}
			if n := reads[d.read]; n != 0 {
				t.Errorf("%s, unset in the spec, was read %d times in %v resyncs: %v", d.name, n, passes, reads)
			}
		})
	}
}

// TestEconomy counts, with moto's recorder, what an unchanged bucket with
// versioning, website, encryption and tags costs per resync: no writes, and at
// most one read per configured sub-resource plus the existence read.
func TestEconomy(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "economy")
	b := e.newBucket("economy", "steady", nil)
	b.Spec.Versioning = &v1alpha1.VersioningConfiguration{Status: aws.String("Enabled")}
	b.Spec.Website = &v1alpha1.WebsiteConfiguration{IndexDocument: &v1alpha1.IndexDocument{Suffix: aws.String("index.html")}, ErrorDocument: &v1alpha1.ErrorDocument{Key: aws.String("error.html")}}
	b.Spec.Encryption = &v1alpha1.ServerSideEncryptionConfiguration{Rules: []v1alpha1.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: &v1alpha1.ServerSideEncryptionByDefault{SSEAlgorithm: aws.String("AES256")}}}}
	b.Spec.Tagging = &v1alpha1.Tagging{TagSet: []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("storage")}}}
	set := 4
	e.Create(b)
	e.waitReady(b)
	reads, writes, passes := steadyCalls(t, e, b)
	perPass := func(n int) float64 { return float64(n) / passes }
	t.Logf("economy s3 Bucket: %.1f reads, %.1f writes per resync (%d sub-resources set)", perPass(total(reads)), perPass(total(writes)), set)
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs of an unchanged bucket: %v", total(writes), passes, writes)
	}
	// A pass can straddle a count: a margin of one pass.
	if max := float64(set+1) * (passes + 1); float64(total(reads)) > max {
		t.Errorf("%d reads in %v resyncs, more than %d per resync: %v", total(reads), passes, set+1, reads)
	}
}

// TestPolicyComparedAsJSON: a bucket policy S3 returns formatted otherwise
// (here re-put indented, its statement's Action a list of one, as AWS
// may normalize it) grants the same, so ten resyncs write nothing.
func TestPolicyComparedAsJSON(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "policy-json")
	b := e.newBucket("policy-json", "policy", nil)
	bucket := *b.Spec.Name
	b.Spec.Policy = aws.String(policyFor(bucket, "s3:GetObject"))
	e.Create(b)
	e.waitReady(b)
	same := `{
  "Statement": [ {"Resource": "arn:aws:s3:::` + bucket + `/*", "Action": ["s3:GetObject"], "Principal": "*", "Effect": "Allow", "Sid": "s"} ],
  "Version": "2012-10-17"
}`
	_, writes, passes := callsOver(t, e, b, func() {
		if _, err := s3Client(region).PutBucketPolicy(context.Background(), &s3.PutBucketPolicyInput{Bucket: &bucket, Policy: aws.String(same)}); err != nil {
			t.Fatal(err)
		}
	})
	writes["PUT ?policy"]-- // the test's own
	if writes["PUT ?policy"] == 0 {
		delete(writes, "PUT ?policy")
	}
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs of a policy that grants the same: %v", total(writes), passes, writes)
	}
}
