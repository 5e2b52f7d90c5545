package lambda

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/resources/function"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// TestFunctionUpdateStatus reads a Function whose GetFunction reports a
// LastUpdateStatus and CodeSha256 that moto 5.2.1 never reports (its
// LastUpdateStatus is always Successful, at once), through the generated
// manager against a fake Lambda: a running update is pending, so the
// runtime sends nothing more until it ends; a failed one, or a package
// whose CodeSha256 is not the spec's code.sha256, is Failed, which the
// runtime reports as Terminal.
func TestFunctionUpdateStatus(t *testing.T) {
	for _, tc := range []struct {
		name, reason         string
		state, update, sha   string
		specSHA              *string
		wantPending, wantHas string // wantHas: a part of obs.Failed, "" for none
	}{{
		name: "update in progress", state: "Active", update: "InProgress", sha: "abc=",
		reason:      "Lambda refuses another update while one runs, so the Function waits",
		wantPending: "LastUpdateStatus InProgress",
	}, {
		name: "update failed", state: "Active", update: "Failed", sha: "abc=",
		reason:  "AWS gave up on the last update: retrying the same spec cannot help",
		wantHas: "LastUpdateStatus Failed",
	}, {
		name: "state pending wins", state: "Pending", update: "InProgress", sha: "abc=",
		reason:      "the function's own state is checked first",
		wantPending: "Pending",
	}, {
		name: "settled", state: "Active", update: "Successful", sha: "abc=", specSHA: aws.String("abc="),
		reason: "a finished update whose package is the one the spec states is neither pending nor failed",
	}, {
		name: "other package", state: "Active", update: "Successful", sha: "abc=", specSHA: aws.String("xyz="),
		reason:  "Lambda runs a package other than the one code.sha256 states",
		wantHas: `codeSHA256 "abc=", where spec.code.sha256 expects "xyz="`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodGet || !strings.HasSuffix(r.URL.Path, "/functions/fn") {
					fail(w, http.StatusNotFound, "ResourceNotFoundException", "no "+r.URL.Path)
					return
				}
				answer(w, map[string]any{"Configuration": map[string]any{
					"FunctionName": "fn", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:fn",
					"State": tc.state, "LastUpdateStatus": tc.update, "CodeSha256": tc.sha,
				}})
			}))
			t.Cleanup(srv.Close)
			cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
			cr := &v1alpha1.Function{Spec: v1alpha1.FunctionSpec{Name: aws.String("fn"), Code: &v1alpha1.FunctionCode{S3Key: aws.String("k"), SHA256: tc.specSHA}}}
			obs, err := function.Kind().Connect(cfg, managed.ClientOptions{}).Observe(context.Background(), cr)
			if err != nil {
				t.Fatal(err)
			}
			if obs.Pending != tc.wantPending {
				t.Errorf("Pending %q, want %q: %s", obs.Pending, tc.wantPending, tc.reason)
			}
			if (tc.wantHas == "") != (obs.Failed == "") || !strings.Contains(obs.Failed, tc.wantHas) {
				t.Errorf("Failed %q, want %q: %s", obs.Failed, tc.wantHas, tc.reason)
			}
		})
	}
}
