// Package cloudwatchlogs runs the generated LogGroup manager against a
// fake CloudWatch Logs over HTTP, for what the moto emulator cannot show:
// moto 5.2.1 lacks AssociateKmsKey and DisassociateKmsKey.
package cloudwatchlogs

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/cloudwatchlogs/resources/loggroup"
)

// fakeLogs is one log group as CloudWatch Logs' JSON protocol serves it:
// DescribeLogGroups, ListTagsForResource, AssociateKmsKey and
// DisassociateKmsKey. Every call is recorded by its operation name.
type fakeLogs struct {
	mu   sync.Mutex
	name string
	kms  string // the associated key, "" for none
	seen []string
}

func (f *fakeLogs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	target := r.Header.Get("X-Amz-Target")
	op := target[strings.LastIndex(target, ".")+1:]
	f.seen = append(f.seen, op)
	var in map[string]any
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	arn := "arn:aws:logs:us-east-1:123456789012:log-group:" + f.name
	var out any
	switch op {
	case "DescribeLogGroups":
		g := map[string]any{"logGroupName": f.name, "logGroupArn": arn, "arn": arn + ":*"}
		if f.kms != "" {
			g["kmsKeyId"] = f.kms
		}
		out = map[string]any{"logGroups": []any{g}}
	case "ListTagsForResource":
		out = map[string]any{"tags": map[string]string{}}
	case "AssociateKmsKey":
		f.kms, out = in["kmsKeyId"].(string), map[string]any{}
	case "DisassociateKmsKey":
		f.kms, out = "", map[string]any{}
	default:
		http.Error(w, "unexpected "+op, http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(out)
}

// calls returns the operations called since the last call of calls.
func (f *fakeLogs) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	seen := f.seen
	f.seen = nil
	return seen
}

// TestKMSKeyAssociation takes a log group's key through its life, each
// step a resync, checking the calls the fake sees: the key is associated
// after the create, a new key is associated in place of the old, a key
// changed behind the controller's back is put back, and a key the spec
// drops is disassociated.
func TestKMSKeyAssociation(t *testing.T) {
	f := &fakeLogs{name: "/app/orders"}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	ext := loggroup.Kind().Connect(cfg, managed.ClientOptions{})
	g := &v1alpha1.LogGroup{Spec: v1alpha1.LogGroupSpec{Name: aws.String(f.name), KMSKeyID: aws.String("arn:key/one")}}
	g.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	g.Status.LastApplied = map[string]string{"kmsKeyID": "h"}
	read := []string{"DescribeLogGroups", "ListTagsForResource"}
	steps := []struct {
		reason string
		spec   func(s *v1alpha1.LogGroupSpec)
		aws    func()
		want   []string // the calls of the resync, in order
		key    string   // the key associated after it
	}{
		{reason: "the update after the create associates the key",
			want: append(slices.Clone(read), "AssociateKmsKey"), key: "arn:key/one"},
		{reason: "an associated key costs no call beyond the read",
			want: read, key: "arn:key/one"},
		{reason: "a new key in the spec is associated in place of the old",
			spec: func(s *v1alpha1.LogGroupSpec) { s.KMSKeyID = aws.String("arn:key/two") },
			want: append(slices.Clone(read), "AssociateKmsKey"), key: "arn:key/two"},
		{reason: "a key disassociated behind the controller's back is associated again",
			aws:  func() { f.kms = "" },
			want: append(slices.Clone(read), "AssociateKmsKey"), key: "arn:key/two"},
		{reason: "a key the spec drops is disassociated",
			spec: func(s *v1alpha1.LogGroupSpec) { s.KMSKeyID = nil },
			want: append(slices.Clone(read), "DisassociateKmsKey"), key: ""},
	}
	ctx := context.Background()
	for _, s := range steps {
		if s.spec != nil {
			s.spec(&g.Spec)
		}
		if s.aws != nil {
			f.mu.Lock()
			s.aws()
			f.mu.Unlock()
		}
		obs, err := ext.Observe(ctx, g)
		if err != nil {
			t.Fatalf("%s: observe: %v", s.reason, err)
		}
		if len(obs.Diff) > 0 {
			if err := ext.Update(ctx, g, obs); err != nil {
				t.Fatalf("%s: update of %v: %v", s.reason, obs.Diff, err)
			}
		}
		if got := f.calls(); !slices.Equal(got, s.want) {
			t.Errorf("%s: calls %v, want %v", s.reason, got, s.want)
		}
		if f.kms != s.key {
			t.Errorf("%s: key %q associated, want %q", s.reason, f.kms, s.key)
		}
	}
}
