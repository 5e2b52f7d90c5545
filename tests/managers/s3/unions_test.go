package s3

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/s3/resources/bucket"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// metrics is a metrics configuration whose filter is the union filter.
func metrics(id string, filter *v1alpha1.MetricsFilter) v1alpha1.MetricsConfiguration {
	return v1alpha1.MetricsConfiguration{ID: aws.String(id), Filter: filter}
}

// TestUnionFilters takes union-typed filters (metrics: prefix | tag |
// accessPointARN | and{prefix, tags, accessPointARN}; analytics: prefix |
// tag | and{prefix, tags}) through S3 and back: what is put is the union
// member the spec sets, the read-back compares equal to the spec, and a
// filter changed behind the controller's back is put back.
func TestUnionFilters(t *testing.T) {
	f, cfg := newFake(t, 100)
	ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
	and := &v1alpha1.MetricsFilter{And: &v1alpha1.MetricsAndOperator{
		Prefix: aws.String("logs/"),
		Tags:   []v1alpha1.Tag{{Key: aws.String("team"), Value: aws.String("a")}, {Key: aws.String("env"), Value: aws.String("prod")}},
	}}
	withFilter := analytics("x", "out")
	withFilter.Filter = &v1alpha1.AnalyticsFilter{Tag: &v1alpha1.Tag{Key: aws.String("k"), Value: aws.String("v")}}
	b := owned(v1alpha1.BucketSpec{
		Metrics:   []v1alpha1.MetricsConfiguration{metrics("m", and)},
		Analytics: []v1alpha1.AnalyticsConfiguration{withFilter},
	}, "metrics", "analytics")
	if err := ext.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		reason string
		spec   func(s *v1alpha1.BucketSpec)
		aws    func()
		want   []string // the calls of the resync
		stored []string // what S3 holds for metrics configuration m
	}{
		{reason: "the update that follows the create puts both configurations",
			want:   []string{"HEAD ?", "GET ?analytics", "GET ?metrics", "PUT ?analytics&id=x", "PUT ?metrics&id=m"},
			stored: []string{"<Filter><And><Prefix>logs/</Prefix><Tag><Key>team</Key><Value>a</Value></Tag><Tag><Key>env</Key><Value>prod</Value></Tag></And></Filter>"}},
		{reason: "an and{prefix, tags} filter and a tag filter read back equal to the spec",
			want:   []string{"HEAD ?", "GET ?analytics", "GET ?metrics"},
			stored: []string{"<Filter><And><Prefix>logs/</Prefix><Tag><Key>team</Key><Value>a</Value></Tag><Tag><Key>env</Key><Value>prod</Value></Tag></And></Filter>"}},
		{reason: "a filter changed behind the controller's back to another member is put back",
			aws: func() {
				f.put("metrics", "m", `<MetricsConfiguration><Id>m</Id><Filter><AccessPointArn>arn:aws:s3:us-east-1:1:accesspoint/ap</AccessPointArn></Filter></MetricsConfiguration>`)
			},
			want:   []string{"HEAD ?", "GET ?analytics", "GET ?metrics", "PUT ?metrics&id=m"},
			stored: []string{"<And><Prefix>logs/</Prefix>"}},
		{reason: "a filter moved to another member in the spec is one put of that member",
			spec: func(s *v1alpha1.BucketSpec) {
				s.Metrics[0].Filter = &v1alpha1.MetricsFilter{Prefix: aws.String("images/")}
			},
			want:   []string{"HEAD ?", "GET ?analytics", "GET ?metrics", "PUT ?metrics&id=m"},
			stored: []string{"<Filter><Prefix>images/</Prefix></Filter>"}},
		{reason: "unchanged, nothing is written",
			want:   []string{"HEAD ?", "GET ?analytics", "GET ?metrics"},
			stored: []string{"<Filter><Prefix>images/</Prefix></Filter>"}},
	}
	for _, s := range steps {
		if s.spec != nil {
			s.spec(&b.Spec)
		}
		if s.aws != nil {
			s.aws()
		}
		n := f.mark()
		obs := resync(t, ext, b)
		if got := untagged(t, f.since(n)); !slices.Equal(got, s.want) {
			t.Errorf("%s: calls %v (diff %v), want %v", s.reason, got, obs.Diff, s.want)
		}
		stored := f.body("metrics", "m")
		for _, want := range s.stored {
			if !strings.Contains(stored, want) {
				t.Errorf("%s: S3 holds %s, want it to contain %s", s.reason, stored, want)
			}
		}
	}
	if got := f.body("analytics", "x"); !strings.Contains(got, "<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>") {
		t.Errorf("S3 holds analytics configuration %s, want its tag filter", got)
	}
}
