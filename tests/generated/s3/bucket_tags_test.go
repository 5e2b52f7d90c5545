// Package s3 runs the generated S3 Bucket manager against a fake S3
// endpoint, for what the moto emulator cannot show: tags whose keys start
// with aws:, which only AWS itself sets.
package s3

import (
	"context"
	"encoding/xml"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/s3/resources/bucket"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

const stack = "aws:cloudformation:stack-name"

func TestBucketTags(t *testing.T) {
	defaults := map[string]string{"services.k8s.aws/namespace": "ns"}
	cases := []struct {
		reason   string
		spec     map[string]string // spec.tagging.tagSet; nil leaves tagging unset
		defaults map[string]string
		aws      map[string]string // what GetBucketTagging reports; nil is none
		// wantDrift says whether Observe reports tagging; wantPut is the
		// tag set Update puts, wantDelete whether it deletes them instead.
		wantDrift  bool
		wantPut    map[string]string
		wantDelete bool
	}{
		{reason: "aws: tags AWS reports are never drift",
			spec: map[string]string{"team": "a"}, defaults: defaults,
			aws: map[string]string{"team": "a", "services.k8s.aws/namespace": "ns", stack: "s"}},
		{reason: "a missing default tag is drift, and the put keeps the aws: tags, which AWS refuses to drop",
			spec: map[string]string{"team": "a"}, defaults: defaults,
			aws:       map[string]string{"team": "a", stack: "s"},
			wantDrift: true, wantPut: map[string]string{"team": "a", "services.k8s.aws/namespace": "ns", stack: "s"}},
		{reason: "a tag changed out of band is put back with the rest",
			spec: map[string]string{"team": "a"}, defaults: defaults,
			aws:       map[string]string{"team": "b", "services.k8s.aws/namespace": "ns"},
			wantDrift: true, wantPut: map[string]string{"team": "a", "services.k8s.aws/namespace": "ns"}},
		{reason: "tagging removed from the spec leaves the default tags, not no tags",
			defaults: defaults, aws: map[string]string{"team": "a", "services.k8s.aws/namespace": "ns", stack: "s"},
			wantDrift: true, wantPut: map[string]string{"services.k8s.aws/namespace": "ns", stack: "s"}},
		{reason: "with no default tags, tagging removed from the spec deletes the tag set",
			aws: map[string]string{"team": "a"}, wantDrift: true, wantDelete: true},
		{reason: "a bucket with no tags lacks the default tags: drift, and they are put",
			defaults: defaults, aws: nil, wantDrift: true, wantPut: defaults},
		{reason: "no tags wanted and none there is no drift"},
	}
	for _, c := range cases {
		s3 := newFakeS3(c.aws)
		ext := connect(t, s3.URL())
		ctx := managed.WithDefaultTags(context.Background(), c.defaults)
		cr := newBucket(c.spec)
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if got := obs.Changed("tagging"); got != c.wantDrift {
			t.Errorf("%s: tagging drift %v, want %v (diff %v)", c.reason, got, c.wantDrift, obs.Diff)
		}
		if err := ext.Update(ctx, cr, obs); err != nil {
			t.Fatalf("%s: update: %v", c.reason, err)
		}
		put, deleted := s3.result()
		if !maps.Equal(put, c.wantPut) {
			t.Errorf("%s: put %v, want %v", c.reason, put, c.wantPut)
		}
		if deleted != c.wantDelete {
			t.Errorf("%s: DeleteBucketTagging called %v, want %v", c.reason, deleted, c.wantDelete)
		}
	}
}

// TestBucketCreateTags checks that the pass that creates a bucket puts the
// default tags with the spec's, and puts none when there are none.
func TestBucketCreateTags(t *testing.T) {
	cases := []struct {
		reason   string
		spec     map[string]string
		defaults map[string]string
		wantPut  map[string]string
	}{
		{reason: "the default tags go with the spec's", spec: map[string]string{"team": "a"},
			defaults: map[string]string{"services.k8s.aws/namespace": "ns"},
			wantPut:  map[string]string{"team": "a", "services.k8s.aws/namespace": "ns"}},
		{reason: "the default tags go on a bucket whose spec has none",
			defaults: map[string]string{"services.k8s.aws/namespace": "ns"},
			wantPut:  map[string]string{"services.k8s.aws/namespace": "ns"}},
		{reason: "no tags at all costs no tag call"},
	}
	for _, c := range cases {
		s3 := newFakeS3(nil)
		ext := connect(t, s3.URL())
		ctx := managed.WithDefaultTags(context.Background(), c.defaults)
		cr := newBucket(c.spec)
		if err := ext.Create(ctx, cr); err != nil {
			t.Fatalf("%s: create: %v", c.reason, err)
		}
		// The tags, like every sub-resource, go by the update that follows.
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if len(obs.Diff) > 0 {
			if err := ext.Update(ctx, cr, obs); err != nil {
				t.Fatalf("%s: update: %v", c.reason, err)
			}
		}
		put, deleted := s3.result()
		if !maps.Equal(put, c.wantPut) || deleted {
			t.Errorf("%s: put %v (delete %v), want %v", c.reason, put, deleted, c.wantPut)
		}
	}
}

func connect(t *testing.T, url string) managed.External[*v1alpha1.Bucket] {
	t.Helper()
	return bucket.Kind().Connect(aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		BaseEndpoint: aws.String(url),
	}, managed.ClientOptions{PathStyle: true})
}

func newBucket(tags map[string]string) *v1alpha1.Bucket {
	cr := &v1alpha1.Bucket{}
	cr.Spec.Name = aws.String("bkt")
	// Owned: a resync reads what the spec sets, and the tags.
	cr.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	if tags != nil {
		cr.Spec.Tagging = &v1alpha1.Tagging{}
		for _, k := range slices.Sorted(maps.Keys(tags)) {
			cr.Spec.Tagging.TagSet = append(cr.Spec.Tagging.TagSet, v1alpha1.Tag{Key: aws.String(k), Value: aws.String(tags[k])})
		}
	}
	return cr
}

// fakeS3 answers the calls of one bucket: its tags as given, every other
// configuration missing, and it records the tag set put and whether the
// tags were deleted.
type fakeS3 struct {
	srv     *httptest.Server
	mu      sync.Mutex
	tags    map[string]string
	put     map[string]string
	deleted bool
}

func newFakeS3(tags map[string]string) *fakeS3 {
	f := &fakeS3{tags: tags}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

func (f *fakeS3) URL() string { return f.srv.URL }

func (f *fakeS3) result() (map[string]string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.srv.Close()
	return f.put, f.deleted
}

type tagging struct {
	XMLName xml.Name `xml:"Tagging"`
	Tags    []struct {
		Key   string `xml:"Key"`
		Value string `xml:"Value"`
	} `xml:"TagSet>Tag"`
}

func (f *fakeS3) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, tagCall := r.URL.Query()["tagging"]
	switch {
	case r.Method == http.MethodHead, r.Method == http.MethodPut && r.URL.RawQuery == "":
		w.WriteHeader(http.StatusOK) // HeadBucket, CreateBucket
	case tagCall && r.Method == http.MethodGet && f.tags != nil:
		w.Header().Set("Content-Type", "application/xml")
		var b strings.Builder
		b.WriteString("<Tagging><TagSet>")
		for _, k := range slices.Sorted(maps.Keys(f.tags)) {
			b.WriteString("<Tag><Key>" + k + "</Key><Value>" + f.tags[k] + "</Value></Tag>")
		}
		b.WriteString("</TagSet></Tagging>")
		io.WriteString(w, b.String())
	case tagCall && r.Method == http.MethodPut:
		var in tagging
		if err := xml.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.put = map[string]string{}
		for _, t := range in.Tags {
			f.put[t.Key] = t.Value
		}
		w.WriteHeader(http.StatusNoContent)
	case tagCall && r.Method == http.MethodDelete:
		f.deleted = true
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<Error><Code>NoSuchConfiguration</Code><Message>none</Message></Error>")
	}
}
