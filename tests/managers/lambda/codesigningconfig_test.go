// Package lambda runs the generated Lambda CodeSigningConfig manager
// against a fake Lambda over HTTP: moto 5.2.1 has no code signing
// configuration operations (generated/lambda/README.md lists the gap), so
// the kind's create, read, update and delete are checked here, against
// Lambda's REST JSON protocol as AWS documents it.
package lambda

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/resources/codesigningconfig"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// prefix is the path of Lambda's code signing configurations.
const prefix = "/2020-04-22/code-signing-configs"

// fakeLambda keeps code signing configurations by ARN and records every
// call as its method and the last body of each.
type fakeLambda struct {
	mu      sync.Mutex
	configs map[string]map[string]any
	calls   []string
	last    map[string]map[string]any // method -> its last body
	n       int
}

func newFake(t *testing.T) (*fakeLambda, aws.Config) {
	t.Helper()
	f := &fakeLambda{configs: map[string]map[string]any{}, last: map[string]map[string]any{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

func (f *fakeLambda) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	in := map[string]any{}
	if r.ContentLength > 0 {
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			fail(w, http.StatusBadRequest, "InvalidParameterValueException", err.Error())
			return
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, r.Method)
	f.last[r.Method] = in
	arn, _ := url.PathUnescape(strings.TrimPrefix(strings.TrimPrefix(r.URL.EscapedPath(), prefix), "/"))
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodPost && arn == "":
		f.n++
		id := fmt.Sprintf("csc-%017d", f.n)
		c := map[string]any{"CodeSigningConfigId": id, "CodeSigningConfigArn": "arn:aws:lambda:us-east-1:123456789012:code-signing-config:" + id,
			"Description": in["Description"], "AllowedPublishers": in["AllowedPublishers"], "CodeSigningPolicies": in["CodeSigningPolicies"]}
		f.configs[c["CodeSigningConfigArn"].(string)] = c
		w.WriteHeader(http.StatusCreated)
		answer(w, map[string]any{"CodeSigningConfig": c})
	case f.configs[arn] == nil:
		fail(w, http.StatusNotFound, "ResourceNotFoundException", "no code signing configuration "+arn)
	case r.Method == http.MethodGet:
		answer(w, map[string]any{"CodeSigningConfig": f.configs[arn]})
	case r.Method == http.MethodPut:
		for _, k := range []string{"Description", "AllowedPublishers", "CodeSigningPolicies"} {
			if v, ok := in[k]; ok {
				f.configs[arn][k] = v
			}
		}
		answer(w, map[string]any{"CodeSigningConfig": f.configs[arn]})
	case r.Method == http.MethodDelete:
		delete(f.configs, arn)
		w.WriteHeader(http.StatusNoContent)
	default:
		fail(w, http.StatusBadRequest, "InvalidParameterValueException", r.Method+" "+r.URL.Path)
	}
}

func answer(w http.ResponseWriter, v any) { _ = json.NewEncoder(w).Encode(v) }

func fail(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("X-Amzn-Errortype", code)
	w.WriteHeader(status)
	answer(w, map[string]string{"Type": "User", "message": msg})
}

// writes are the recorded calls that change something.
func (f *fakeLambda) writes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.DeleteFunc(slices.Clone(f.calls), func(m string) bool { return m == http.MethodGet })
}

const (
	profileA = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/a/0123456789"
	profileB = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/b/0123456789"
)

// TestCodeSigningConfig walks a code signing configuration through its
// manager: absent, created with every field sent, observed with no
// difference, its publishers changed by one update naming only them, a
// change made outside seen as drift, then deleted, and deleted again
// (already gone).
func TestCodeSigningConfig(t *testing.T) {
	f, cfg := newFake(t)
	ext := codesigningconfig.Kind().Connect(cfg, managed.ClientOptions{})
	ctx := context.Background()
	cr := &v1alpha1.CodeSigningConfig{Spec: v1alpha1.CodeSigningConfigSpec{
		Description:         aws.String("signed only"),
		AllowedPublishers:   &v1alpha1.AllowedPublishers{SigningProfileVersionARNs: []string{profileA}},
		CodeSigningPolicies: &v1alpha1.CodeSigningPolicies{UntrustedArtifactOnDeployment: aws.String("Enforce")},
	}}
	observe := func(reason string) managed.Observation {
		t.Helper()
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: Observe: %v", reason, err)
		}
		return obs
	}
	if obs := observe("before the create"); obs.Exists {
		t.Fatalf("before the create: the configuration exists: %+v", obs)
	}
	if err := ext.Create(ctx, cr); err != nil {
		t.Fatalf("Create: %v", err)
	}
	arn := aws.ToString((*string)(managed.ARN(cr)))
	got := f.configs[arn]
	if got == nil || got["Description"] != "signed only" || fmt.Sprint(got["AllowedPublishers"]) != fmt.Sprintf("map[SigningProfileVersionArns:[%s]]", profileA) {
		t.Fatalf("created %v at %q, want the spec's description and publishers", got, arn)
	}
	if obs := observe("after the create"); !obs.Exists || len(obs.Diff) != 0 {
		t.Errorf("after the create: exists %t, diff %v; want an unchanged configuration", obs.Exists, obs.Diff)
	}

	cr.Spec.AllowedPublishers.SigningProfileVersionARNs = []string{profileB}
	obs := observe("publishers changed in the spec")
	if !slices.Equal(obs.Diff, []string{"allowedPublishers.signingProfileVersionARNs"}) {
		t.Fatalf("publishers changed in the spec: diff %v, want [allowedPublishers.signingProfileVersionARNs]", obs.Diff)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %v", err)
	}
	sent := f.last[http.MethodPut]
	if _, ok := sent["Description"]; ok || fmt.Sprint(sent["AllowedPublishers"]) != fmt.Sprintf("map[SigningProfileVersionArns:[%s]]", profileB) {
		t.Errorf("the update sent %v, want the new publishers only", sent)
	}
	if obs := observe("after the update"); len(obs.Diff) != 0 {
		t.Errorf("after the update: diff %v", obs.Diff)
	}

	f.mu.Lock()
	f.configs[arn]["Description"] = "changed outside"
	f.mu.Unlock()
	if obs := observe("description changed outside"); !slices.Equal(obs.Diff, []string{"description"}) {
		t.Errorf("description changed outside: diff %v, want [description]", obs.Diff)
	}

	if err := ext.Delete(ctx, cr); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, ok := f.configs[arn]; ok {
		t.Error("the configuration is still there after Delete")
	}
	if obs := observe("after the delete"); obs.Exists {
		t.Error("after the delete: the configuration exists")
	}
	if err := ext.Delete(ctx, cr); err != nil {
		t.Errorf("Delete of a configuration already gone: %v", err)
	}
	want := []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodDelete}
	if w := f.writes(); !slices.Equal(w, want) {
		t.Errorf("writes %v, want %v", w, want)
	}
}
