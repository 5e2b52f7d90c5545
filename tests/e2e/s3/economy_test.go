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

// TestDefaultEncryptionIsNoDrift: S3 reports SSE-S3 encryption on a
// bucket whose spec sets none (put here out of band, as AWS does by
// itself). Ten resyncs of it write nothing: neither a delete nor a put.
// An unset encryption is no opinion, so it is not even read.
func TestDefaultEncryptionIsNoDrift(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "default-enc")
	b := e.newBucket("default-enc", "plain", nil)
	bucket := *b.Spec.Name
	e.Create(b)
	e.waitReady(b)
	reads, writes, passes := callsOver(t, e, b, func() {
		if _, err := s3Client(region).PutBucketEncryption(context.Background(), &s3.PutBucketEncryptionInput{Bucket: &bucket, ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{
			ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAes256},
		}}}}); err != nil {
			t.Fatal(err)
		}
	})
	delete(writes, "PUT ?encryption") // the test's own
	if total(writes) != 0 {
		t.Errorf("%d writes in %v resyncs of a bucket reporting default encryption: %v", total(writes), passes, writes)
	}
	if n := reads["GET ?encryption"]; n != 0 {
		t.Errorf("encryption, unset in the spec, was read %d times in %v resyncs: %v", n, passes, reads)
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
