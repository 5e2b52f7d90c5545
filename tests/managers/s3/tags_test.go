package s3

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/s3/resources/bucket"
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
		f, cfg := newFake(t, 100)
		f.setTags(c.aws)
		ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
		ctx := managed.WithDefaultTags(context.Background(), c.defaults)
		cr := tagged(c.spec)
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
		put, deleted := f.tagsPut(t), f.count("DELETE ?tagging") > 0
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
		f, cfg := newFake(t, 100)
		ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
		ctx := managed.WithDefaultTags(context.Background(), c.defaults)
		cr := tagged(c.spec)
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
		put, deleted := f.tagsPut(t), f.count("DELETE ?tagging") > 0
		if !maps.Equal(put, c.wantPut) || deleted {
			t.Errorf("%s: put %v (delete %v), want %v", c.reason, put, deleted, c.wantPut)
		}
	}
}

// tagged is an owned bucket whose spec sets tags; nil leaves tagging
// unset. Owned: a resync reads what the spec sets, and the tags.
func tagged(tags map[string]string) *v1alpha1.Bucket {
	b := owned(v1alpha1.BucketSpec{})
	if tags != nil {
		b.Spec.Tagging = &v1alpha1.Tagging{}
		for _, k := range slices.Sorted(maps.Keys(tags)) {
			b.Spec.Tagging.TagSet = append(b.Spec.Tagging.TagSet, v1alpha1.Tag{Key: aws.String(k), Value: aws.String(tags[k])})
		}
	}
	return b
}
