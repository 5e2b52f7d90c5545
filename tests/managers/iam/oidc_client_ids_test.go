// Package iam runs generated IAM managers against a fake IAM over HTTP
// where moto 5.2.1 lacks an operation (generated/iam/README.md lists the
// gaps).
package iam

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/iam/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/iam/resources/openidconnectprovider"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

const providerARN = "arn:aws:iam::123456789012:oidc-provider/oidc.example.com"

// fakeIAM holds one OIDC provider's client IDs and records the calls,
// each as its operation and client ID.
type fakeIAM struct {
	mu        sync.Mutex
	clientIDs []string
	calls     []string
}

func (f *fakeIAM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	op, id := r.Form.Get("Action"), r.Form.Get("ClientID")
	f.mu.Lock()
	defer f.mu.Unlock()
	result := ""
	switch op {
	case "GetOpenIDConnectProvider":
		for _, c := range f.clientIDs {
			result += "<member>" + c + "</member>"
		}
		result = "<GetOpenIDConnectProviderResult><ClientIDList>" + result + "</ClientIDList><Url>oidc.example.com</Url></GetOpenIDConnectProviderResult>"
	case "AddClientIDToOpenIDConnectProvider":
		if !slices.Contains(f.clientIDs, id) {
			f.clientIDs = append(f.clientIDs, id)
		}
		f.calls = append(f.calls, op+" "+id)
	case "RemoveClientIDFromOpenIDConnectProvider":
		f.clientIDs = slices.DeleteFunc(f.clientIDs, func(c string) bool { return c == id })
		f.calls = append(f.calls, op+" "+id)
	default:
		f.calls = append(f.calls, op)
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>%s</Message></Error></ErrorResponse>`, op)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%[1]sResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">%[2]s<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></%[1]sResponse>`, op, result)
}

// TestClientIDsUpdated: a provider's client IDs, which no update
// operation takes, are no longer refused as create-only: a spec that
// adds one and drops another is a difference the update makes, one
// AddClientIDToOpenIDConnectProvider and one
// RemoveClientIDFromOpenIDConnectProvider, after which the read finds
// nothing to change.
func TestClientIDsUpdated(t *testing.T) {
	cases := []struct {
		reason    string
		have      []string
		spec      []string
		wantCalls []string
	}{{
		reason:    "one client ID added and one removed",
		have:      []string{"sts.amazonaws.com", "old"},
		spec:      []string{"sts.amazonaws.com", "new"},
		wantCalls: []string{"AddClientIDToOpenIDConnectProvider new", "RemoveClientIDFromOpenIDConnectProvider old"},
	}, {
		reason:    "the same client IDs in another order are no change",
		have:      []string{"b", "a"},
		spec:      []string{"a", "b"},
		wantCalls: nil,
	}, {
		reason:    "an empty list removes every client ID",
		have:      []string{"a"},
		spec:      []string{},
		wantCalls: []string{"RemoveClientIDFromOpenIDConnectProvider a"},
	}}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			f := &fakeIAM{clientIDs: slices.Clone(c.have)}
			srv := httptest.NewServer(f)
			defer srv.Close()
			cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
			m := openidconnectprovider.Kind().Connect(cfg, managed.ClientOptions{})
			cr := &v1alpha1.OpenIDConnectProvider{Spec: v1alpha1.OpenIDConnectProviderSpec{ClientIDs: c.spec}}
			cr.Status.OpenIDConnectProviderARN = aws.String(providerARN)
			ctx := context.Background()

			obs, err := m.Observe(ctx, cr)
			if err != nil {
				t.Fatalf("Observe: %v", err)
			}
			if len(obs.Immutable) > 0 {
				t.Fatalf("Observe refuses %v as create-only, want the client IDs updatable", obs.Immutable)
			}
			if obs.Changed("clientIDs") != (c.wantCalls != nil) {
				t.Fatalf("Observe's diff %v: clientIDs changed %v, want %v", obs.Diff, obs.Changed("clientIDs"), c.wantCalls != nil)
			}
			if err := m.Update(ctx, cr, obs); err != nil {
				t.Fatalf("Update: %v", err)
			}
			f.mu.Lock()
			calls := f.calls
			f.mu.Unlock()
			var writes []string
			for _, call := range calls {
				if !strings.HasPrefix(call, "Get") {
					writes = append(writes, call)
				}
			}
			if !slices.Equal(writes, c.wantCalls) {
				t.Errorf("calls of the update: %v, want %v", writes, c.wantCalls)
			}
			again, err := m.Observe(ctx, cr)
			if err != nil {
				t.Fatalf("Observe after the update: %v", err)
			}
			if again.Changed("clientIDs") {
				t.Errorf("after the update IAM holds %v, the spec asks %v", f.clientIDs, c.spec)
			}
		})
	}
}
