package s3

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/s3/resources/bucket"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// reads are the calls that read: GET and HEAD.
func reads(calls []string) []string {
	return slices.DeleteFunc(calls, func(c string) bool { return !strings.HasPrefix(c, "GET ") && !strings.HasPrefix(c, "HEAD ") })
}

// untagged checks that a resync read the tags once, as it always does
// (the controller's default tags are wanted whatever the spec says), and
// returns the other calls.
func untagged(t *testing.T, calls []string) []string {
	t.Helper()
	if n := slices.Index(calls, "GET ?tagging"); n < 0 || slices.Contains(calls[n+1:], "GET ?tagging") {
		t.Errorf("calls %v: want the tags read once", calls)
	}
	return slices.DeleteFunc(calls, func(c string) bool { return c == "GET ?tagging" })
}

// TestReadsOnlyConfigured: a resync reads a sub-resource only where its
// answer matters: the spec sets it, the controller applied it and the
// spec dropped it since, or the object owns nothing yet (adoption or
// read-only wants all AWS has).
func TestReadsOnlyConfigured(t *testing.T) {
	cases := []struct {
		reason string
		bucket *v1alpha1.Bucket
		want   []string
	}{
		{reason: "an owned bucket whose spec sets nothing: the existence read alone",
			bucket: owned(v1alpha1.BucketSpec{}), want: []string{"HEAD ?"}},
		{reason: "versioning set: that one read more",
			bucket: owned(v1alpha1.BucketSpec{Versioning: &v1alpha1.VersioningConfiguration{Status: aws.String("Enabled")}}),
			want:   []string{"HEAD ?", "GET ?versioning"}},
		{reason: "website applied before and dropped from the spec: read, to delete it",
			bucket: owned(v1alpha1.BucketSpec{}, "website"), want: []string{"HEAD ?", "GET ?website"}},
		{reason: "encryption, which AWS reports by default, unset: not read though recorded, its removal deletes nothing",
			bucket: owned(v1alpha1.BucketSpec{}, "encryption"), want: []string{"HEAD ?"}},
	}
	for _, c := range cases {
		f, cfg := newFake(t, 100)
		f.single["website"] = []byte(`<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument></WebsiteConfiguration>`)
		resync(t, bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true}), c.bucket)
		if got := untagged(t, reads(f.since(0))); !slices.Equal(got, c.want) {
			t.Errorf("%s: reads %v, want %v", c.reason, got, c.want)
		}
	}

	// Not owned yet: every configuration is read, for adoption.
	f, cfg := newFake(t, 100)
	b := owned(v1alpha1.BucketSpec{})
	b.Status.ACKResourceMetadata = nil
	if _, err := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true}).Observe(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"GET ?website", "GET ?versioning", "GET ?encryption", "GET ?analytics", "GET ?inventory", "GET ?metrics", "GET ?intelligent-tiering"} {
		if f.count(sub) != 1 {
			t.Errorf("a bucket the object does not own yet: %s read %d times, want once: %v", sub, f.count(sub), f.since(0))
		}
	}
}

// TestDroppedWebsiteDeletedOnce: website dropped from the spec is deleted
// by one call; once the record is gone, as the runtime drops it after that
// pass, it is not read again.
func TestDroppedWebsiteDeletedOnce(t *testing.T) {
	f, cfg := newFake(t, 100)
	f.single["website"] = []byte(`<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument></WebsiteConfiguration>`)
	ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
	b := owned(v1alpha1.BucketSpec{}, "website")
	resync(t, ext, b)
	if got := untagged(t, f.since(0)); !slices.Equal(got, []string{"HEAD ?", "GET ?website", "DELETE ?website"}) {
		t.Errorf("website dropped from the spec: calls %v, want one read and one delete", got)
	}
	b.Status.LastApplied = nil
	n := f.mark()
	resync(t, ext, b)
	if got := untagged(t, f.since(n)); !slices.Equal(got, []string{"HEAD ?"}) {
		t.Errorf("after the delete: calls %v, want the existence read alone", got)
	}
}
