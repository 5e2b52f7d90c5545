// Package kms runs the generated Key manager against a fake KMS over HTTP,
// for what the moto emulator cannot show: moto 5.2.1 answers
// ListResourceTags in one page whatever the key holds.
package kms

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

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/kms/resources/key"
)

// fakeKMS is one key as KMS's JSON protocol serves it, its tags in two
// pages of ListResourceTags (Marker, NextMarker, Truncated). It records the
// Marker of each ListResourceTags call.
type fakeKMS struct {
	mu      sync.Mutex
	markers []string
}

const keyID = "1234abcd-12ab-34cd-56ef-1234567890ab"

func (f *fakeKMS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	target := r.Header.Get("X-Amz-Target")
	op := target[strings.LastIndex(target, ".")+1:]
	var in map[string]any
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var out any
	switch op {
	case "DescribeKey":
		out = map[string]any{"KeyMetadata": map[string]any{
			"KeyId": keyID, "Arn": "arn:aws:kms:us-east-1:123456789012:key/" + keyID,
			"KeyState": "Enabled", "Enabled": true, "KeyUsage": "ENCRYPT_DECRYPT", "KeySpec": "SYMMETRIC_DEFAULT",
		}}
	case "GetKeyPolicy":
		out = map[string]any{"Policy": "{}"}
	case "GetKeyRotationStatus":
		out = map[string]any{"KeyRotationEnabled": false}
	case "ListResourceTags":
		marker, _ := in["Marker"].(string)
		f.markers = append(f.markers, marker)
		if marker == "" {
			out = map[string]any{"Tags": []any{map[string]string{"TagKey": "team", "TagValue": "platform"}}, "NextMarker": "page-2", "Truncated": true}
		} else {
			out = map[string]any{"Tags": []any{map[string]string{"TagKey": "tier", "TagValue": "gold"}}, "Truncated": false}
		}
	default:
		http.Error(w, "unexpected "+op, http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(out)
}

// TestKeyTagsPaged: a key whose tags KMS lists in two pages is read whole,
// the second page asked for with the first's NextMarker, so the tags the
// spec holds, one on each page, are no drift.
func TestKeyTagsPaged(t *testing.T) {
	f := &fakeKMS{}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	ext := key.Kind().Connect(cfg, managed.ClientOptions{})
	k := &v1alpha1.Key{Spec: v1alpha1.KeySpec{Tags: []v1alpha1.Tag{
		{TagKey: aws.String("team"), TagValue: aws.String("platform")},
		{TagKey: aws.String("tier"), TagValue: aws.String("gold")},
	}}}
	k.Status.KeyID = aws.String(keyID)
	k.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	obs, err := ext.Observe(context.Background(), k)
	if err != nil {
		t.Fatalf("observe: %v", err)
	}
	if slices.Contains(obs.Diff, "tags") {
		t.Errorf("tags differ (diff %v): the second page of ListResourceTags was not read", obs.Diff)
	}
	if want := []string{"", "page-2"}; !slices.Equal(f.markers, want) {
		t.Errorf("ListResourceTags markers %q, want %q", f.markers, want)
	}
}
