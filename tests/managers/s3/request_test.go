package s3

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"k8s.io/apimachinery/pkg/api/equality"

	"github.com/kubesmith/kubesmith/generated/s3/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/s3/resources/bucket"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// TestBucketLocationFromRegion: a Bucket's create sends the region it
// resolved to as its location, unless the spec names it, sends none in
// us-east-1, and refuses, before any call, a location of another region.
// The spec keeps what the user wrote.
func TestBucketLocationFromRegion(t *testing.T) {
	cases := []struct {
		reason   string
		region   string
		location *string
		want     string // in the CreateBucket body; "" for no location at all
		terminal []string
	}{
		{reason: "no location outside us-east-1: the region goes", region: "ap-northeast-2", want: "<LocationConstraint>ap-northeast-2</LocationConstraint>"},
		{reason: "no location in us-east-1: none goes, S3's default", region: "us-east-1"},
		{reason: "the location of the region: it goes", region: "eu-west-1", location: aws.String("eu-west-1"), want: "<LocationConstraint>eu-west-1</LocationConstraint>"},
		{reason: "us-east-1 named in us-east-1: none goes, S3 refuses the name", region: "us-east-1", location: aws.String("us-east-1")},
		{reason: "another region's location: Terminal, naming both, and no call", region: "ap-northeast-2", location: aws.String("eu-west-1"),
			terminal: []string{"spec.createBucketConfiguration.locationConstraint is eu-west-1", "region is ap-northeast-2"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			f, cfg := newFake(t, 100)
			cfg.Region = c.region
			ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: true})
			cr := &v1alpha1.Bucket{Spec: v1alpha1.BucketSpec{Name: aws.String("orders")}}
			if c.location != nil {
				cr.Spec.CreateBucketConfiguration = &v1alpha1.CreateBucketConfiguration{LocationConstraint: c.location}
			}
			before := cr.Spec.DeepCopy()
			err := ext.Create(context.Background(), cr)
			seen := f.requests()
			if c.terminal != nil {
				var terminal *managed.TerminalError
				if !errors.As(err, &terminal) {
					t.Fatalf("got %v, want a TerminalError", err)
				}
				for _, s := range c.terminal {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("%q does not say %q", err, s)
					}
				}
				if len(seen) != 0 {
					t.Errorf("%d calls reached AWS, want none: %v", len(seen), seen)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != 1 || seen[0].method != http.MethodPut {
				t.Fatalf("calls %v, want one CreateBucket", seen)
			}
			body := seen[0].body
			if c.want == "" && strings.Contains(body, "LocationConstraint") {
				t.Errorf("CreateBucket sent a location: %s", body)
			}
			if c.want != "" && !strings.Contains(body, c.want) {
				t.Errorf("CreateBucket sent %q, want it to hold %s", body, c.want)
			}
			if !equality.Semantic.DeepEqual(*before, cr.Spec) {
				t.Errorf("the create changed the spec: %+v, was %+v", cr.Spec, *before)
			}
		})
	}
}

// TestBucketPathStyle: with path-style addressing, which the controller
// turns on with an endpoint, a Bucket's calls reach a localhost endpoint
// as endpoint/bucket. Without it the SDK addresses bucket.localhost, a
// host the emulator is not at.
func TestBucketPathStyle(t *testing.T) {
	cases := []struct {
		reason    string
		pathStyle bool
	}{
		{reason: "path-style: the bucket is in the path", pathStyle: true},
		{reason: "host-style: the bucket is in the host name", pathStyle: false},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			f, cfg := newFake(t, 100)
			ext := bucket.Kind().Connect(cfg, managed.ClientOptions{PathStyle: c.pathStyle})
			cr := &v1alpha1.Bucket{Spec: v1alpha1.BucketSpec{Name: aws.String("orders")}}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := ext.Create(ctx, cr)
			seen := f.requests()
			if !c.pathStyle {
				// bucket.localhost may not resolve at all; if it does, the
				// server sees the bucket in the host name.
				for _, r := range seen {
					if r.path == "/orders" {
						t.Errorf("host-style addressing sent %s %s to %s", r.method, r.path, r.host)
					}
				}
				if err == nil && len(seen) == 0 {
					t.Errorf("the create neither failed nor reached the server")
				}
				return
			}
			if err != nil {
				t.Fatalf("create through a localhost endpoint: %v", err)
			}
			if len(seen) != 1 || seen[0].path != "/orders" || seen[0].host != f.host {
				t.Errorf("calls %v, want one to %s/orders", seen, f.host)
			}
		})
	}
}
