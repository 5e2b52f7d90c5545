package s3

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/s3/resources/bucket"
)

// analytics is an analytics configuration exporting to prefix.
func analytics(id, prefix string) v1alpha1.AnalyticsConfiguration {
	return v1alpha1.AnalyticsConfiguration{ID: aws.String(id), StorageClassAnalysis: &v1alpha1.StorageClassAnalysis{
		DataExport: &v1alpha1.StorageClassAnalysisDataExport{OutputSchemaVersion: aws.String("V_1"), Destination: &v1alpha1.AnalyticsExportDestination{
			S3BucketDestination: &v1alpha1.AnalyticsS3BucketDestination{Bucket: aws.String("arn:aws:s3:::reports"), Format: aws.String("CSV"), Prefix: aws.String(prefix)},
		}},
	}}
}

// analyticsXML is what S3 holds for analytics(id, prefix).
func analyticsXML(id, prefix string) string {
	return `<AnalyticsConfiguration><Id>` + id + `</Id><StorageClassAnalysis><DataExport><OutputSchemaVersion>V_1</OutputSchemaVersion>` +
		`<Destination><S3BucketDestination><Format>CSV</Format><Bucket>arn:aws:s3:::reports</Bucket><Prefix>` + prefix +
		`</Prefix></S3BucketDestination></Destination></DataExport></StorageClassAnalysis></AnalyticsConfiguration>`
}

// owned is a Bucket this object created, with the runtime's record of the
// sub-resources applied to it.
func owned(spec v1alpha1.BucketSpec, applied ...string) *v1alpha1.Bucket {
	b := &v1alpha1.Bucket{Spec: spec}
	b.Spec.Name = aws.String("b")
	b.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	for _, f := range applied {
		if b.Status.LastApplied == nil {
			b.Status.LastApplied = map[string]string{}
		}
		b.Status.LastApplied[f] = "h"
	}
	return b
}

// resync is one pass of the runtime as far as AWS sees it: observe, and
// update when the observation differs.
func resync(t *testing.T, ext managed.External[*v1alpha1.Bucket], b *v1alpha1.Bucket) managed.Observation {
	t.Helper()
	ctx := context.Background()
	obs, err := ext.Observe(ctx, b)
	if err != nil {
		t.Fatalf("observe: %v", err)
	}
	if len(obs.Diff) > 0 {
		if err := ext.Update(ctx, b, obs); err != nil {
			t.Fatalf("update of %v: %v", obs.Diff, err)
		}
	}
	return obs
}

// TestAnalyticsCollection takes a bucket's analytics configurations, a
// keyed collection, through its life, each step a resync, counting the
// calls S3 sees.
func TestAnalyticsCollection(t *testing.T) {
	f, cfg := newFake(t, 100)
	ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
	b := owned(v1alpha1.BucketSpec{Analytics: []v1alpha1.AnalyticsConfiguration{analytics("a", "one"), analytics("b", "two")}}, "analytics")
	if err := ext.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		reason string
		spec   func(s *v1alpha1.BucketSpec)
		aws    func()   // a change behind the controller's back
		want   []string // the calls of the resync, in order
		ids    []string // the entries S3 has after it
	}{
		{reason: "the update that follows the create puts both entries",
			want: []string{"HEAD ?", "GET ?analytics", "PUT ?analytics&id=a", "PUT ?analytics&id=b"}, ids: []string{"a", "b"}},
		{reason: "then one list call finds nothing to change",
			want: []string{"HEAD ?", "GET ?analytics"}, ids: []string{"a", "b"}},
		{reason: "changing one entry puts that entry alone",
			spec: func(s *v1alpha1.BucketSpec) { s.Analytics[1] = analytics("b", "three") },
			want: []string{"HEAD ?", "GET ?analytics", "PUT ?analytics&id=b"}, ids: []string{"a", "b"}},
		{reason: "an entry changed behind the controller's back is put back",
			aws:  func() { f.put("analytics", "a", analyticsXML("a", "elsewhere")) },
			want: []string{"HEAD ?", "GET ?analytics", "PUT ?analytics&id=a"}, ids: []string{"a", "b"}},
		{reason: "an entry added behind the controller's back is deleted by its key",
			aws:  func() { f.put("analytics", "c", analyticsXML("c", "x")) },
			want: []string{"HEAD ?", "GET ?analytics", "DELETE ?analytics&id=c"}, ids: []string{"a", "b"}},
		{reason: "an entry the spec drops is deleted, nothing put",
			spec: func(s *v1alpha1.BucketSpec) { s.Analytics = s.Analytics[:1] },
			want: []string{"HEAD ?", "GET ?analytics", "DELETE ?analytics&id=b"}, ids: []string{"a"}},
		{reason: "an unchanged collection costs one list and no write",
			want: []string{"HEAD ?", "GET ?analytics"}, ids: []string{"a"}},
		{reason: "once applied, an unset field is the empty collection: every entry is deleted",
			spec: func(s *v1alpha1.BucketSpec) { s.Analytics = nil },
			want: []string{"HEAD ?", "GET ?analytics", "DELETE ?analytics&id=a"}, ids: nil},
	}
	for _, s := range steps {
		if s.spec != nil {
			s.spec(&b.Spec)
		}
		if s.aws != nil {
			s.aws()
		}
		n := f.mark()
		resync(t, ext, b)
		if got := untagged(t, f.since(n)); !slices.Equal(got, s.want) {
			t.Errorf("%s: calls %v, want %v", s.reason, got, s.want)
		}
		if got := f.ids("analytics"); !slices.Equal(got, s.ids) {
			t.Errorf("%s: S3 has entries %v, want %v", s.reason, got, s.ids)
		}
	}
	if n := f.count("PUT ?analytics"); n != 4 {
		t.Errorf("%d analytics puts in all, want 4: two at create, one change, one put back", n)
	}
}

// TestCollectionPages: a list S3 answers in pages is read to its end, and
// the entries on later pages count as AWS's.
func TestCollectionPages(t *testing.T) {
	f, cfg := newFake(t, 1)
	ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
	for _, id := range []string{"a", "b", "c"} {
		f.put("analytics", id, analyticsXML(id, "p"))
	}
	b := owned(v1alpha1.BucketSpec{Analytics: []v1alpha1.AnalyticsConfiguration{analytics("a", "p"), analytics("b", "p"), analytics("c", "p")}}, "analytics")
	n := f.mark()
	if obs := resync(t, ext, b); len(obs.Diff) > 0 {
		t.Errorf("three entries over three pages differ from the same three in the spec: %v", obs.Diff)
	}
	if got := untagged(t, f.since(n)); !slices.Equal(got, []string{"HEAD ?", "GET ?analytics", "GET ?analytics", "GET ?analytics"}) {
		t.Errorf("calls %v, want the existence read and three pages", got)
	}
}
