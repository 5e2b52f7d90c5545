package lambda

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

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/resources/alias"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// moto 5.2.1 gets an alias's permissions wrong in ways AWS does not: one
// policy serves every qualifier of a function, an account ID given as the
// principal stays as given, EventSourceToken is dropped, and
// FunctionUrlAuthType and InvokedViaFunctionUrl stay top-level keys of the
// statement instead of conditions. fakePolicies answers as AWS documents:
// one policy per qualifier, and each AddPermission written as Lambda
// writes the statement.
type fakePolicies struct {
	mu       sync.Mutex
	policies map[string][]map[string]any // qualifier -> statements
	calls    []string
}

const functionsPrefix = "/2015-03-31/functions/fn/"

func newFakePolicies(t *testing.T) (*fakePolicies, aws.Config) {
	t.Helper()
	f := &fakePolicies{policies: map[string][]map[string]any{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

func (f *fakePolicies) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	in := map[string]any{}
	if r.ContentLength > 0 {
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			fail(w, http.StatusBadRequest, "InvalidParameterValueException", err.Error())
			return
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	rest, ok := strings.CutPrefix(r.URL.Path, functionsPrefix)
	if !ok {
		fail(w, http.StatusNotFound, "ResourceNotFoundException", "no function at "+r.URL.Path)
		return
	}
	q := r.URL.Query().Get("Qualifier")
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && rest == "aliases/live":
		answer(w, map[string]any{"AliasArn": "arn:aws:lambda:us-east-1:123456789012:function:fn:live", "Name": "live", "FunctionVersion": "1", "RevisionId": "r1"})
	case r.Method == http.MethodGet && rest == "policy":
		f.calls = append(f.calls, "GetPolicy "+q)
		if len(f.policies[q]) == 0 {
			fail(w, http.StatusNotFound, "ResourceNotFoundException", "The resource you requested does not exist.")
			return
		}
		doc, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Id": "default", "Statement": f.policies[q]})
		answer(w, map[string]any{"Policy": string(doc), "RevisionId": "p1"})
	case r.Method == http.MethodPost && rest == "policy":
		f.calls = append(f.calls, "AddPermission "+q+" "+in["StatementId"].(string))
		f.policies[q] = append(f.policies[q], statementOf(in, q))
		w.WriteHeader(http.StatusCreated)
		answer(w, map[string]any{"Statement": "{}"})
	case r.Method == http.MethodDelete && strings.HasPrefix(rest, "policy/"):
		sid := strings.TrimPrefix(rest, "policy/")
		f.calls = append(f.calls, "RemovePermission "+q+" "+sid)
		n := len(f.policies[q])
		f.policies[q] = slices.DeleteFunc(f.policies[q], func(s map[string]any) bool { return s["Sid"] == sid })
		if len(f.policies[q]) == n {
			fail(w, http.StatusNotFound, "ResourceNotFoundException", "no statement "+sid)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		fail(w, http.StatusBadRequest, "InvalidParameterValueException", r.Method+" "+r.URL.Path)
	}
}

// statementOf writes an AddPermission input as Lambda's policy holds it.
func statementOf(in map[string]any, qualifier string) map[string]any {
	s := map[string]any{"Sid": in["StatementId"], "Effect": "Allow", "Action": in["Action"],
		"Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn:" + qualifier}
	switch p := in["Principal"].(string); {
	case strings.HasSuffix(p, ".amazonaws.com"):
		s["Principal"] = map[string]any{"Service": p}
	case len(p) == 12:
		s["Principal"] = map[string]any{"AWS": "arn:aws:iam::" + p + ":root"}
	default:
		s["Principal"] = map[string]any{"AWS": p}
	}
	cond := map[string]map[string]any{}
	put := func(op, key string, v any) {
		if v == nil {
			return
		}
		if cond[op] == nil {
			cond[op] = map[string]any{}
		}
		cond[op][key] = v
	}
	put("ArnLike", "AWS:SourceArn", in["SourceArn"])
	put("StringEquals", "AWS:SourceAccount", in["SourceAccount"])
	put("StringEquals", "lambda:EventSourceToken", in["EventSourceToken"])
	put("StringEquals", "aws:PrincipalOrgID", in["PrincipalOrgID"])
	put("StringEquals", "lambda:FunctionUrlAuthType", in["FunctionUrlAuthType"])
	if v, ok := in["InvokedViaFunctionUrl"].(bool); ok {
		put("Bool", "lambda:InvokedViaFunctionUrl", map[bool]string{true: "true", false: "false"}[v])
	}
	if len(cond) > 0 {
		s["Condition"] = cond
	}
	return s
}

// writes are the recorded calls that change a policy.
func (f *fakePolicies) writes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.DeleteFunc(slices.Clone(f.calls), func(c string) bool { return strings.HasPrefix(c, "GetPolicy") })
}

// TestAliasPermissionsAsAWSWritesThem walks an alias's permissions through
// its manager against policies as AWS writes them: no policy yet is no
// statements, and one Update adds both to the alias's own policy; read
// back, an account ID principal (written as its root ARN) and the
// EventSourceToken, FunctionUrlAuthType, InvokedViaFunctionUrl and
// PrincipalOrgID conditions are no difference, and a statement of the
// function itself is none of the alias's; a condition removed outside is
// a difference, mended by removing and adding that statement alone.
func TestAliasPermissionsAsAWSWritesThem(t *testing.T) {
	f, cfg := newFakePolicies(t)
	f.policies[""] = []map[string]any{statementOf(map[string]any{"StatementId": "function-wide", "Action": "lambda:InvokeFunction", "Principal": "sns.amazonaws.com"}, "")}
	ext := alias.Kind().Connect(cfg, managed.ClientOptions{})
	ctx := context.Background()
	cr := &v1alpha1.Alias{Spec: v1alpha1.AliasSpec{
		Name: aws.String("live"), FunctionName: aws.String("fn"), FunctionVersion: aws.String("1"),
		Permissions: []v1alpha1.AddPermissionInput{
			{StatementID: aws.String("alexa"), Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("alexa-connectedhome.amazon.com"),
				EventSourceToken: aws.String("amzn1.ask.skill.1")},
			{StatementID: aws.String("partner"), Action: aws.String("lambda:InvokeFunctionUrl"), Principal: aws.String("210987654321"),
				FunctionURLAuthType: aws.String("AWS_IAM"), InvokedViaFunctionURL: aws.Bool(true), PrincipalOrgID: aws.String("o-abc123"),
				RevisionID: aws.String("any")},
		},
	}}
	observe := func(reason string) managed.Observation {
		t.Helper()
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: Observe: %v", reason, err)
		}
		if !obs.Exists {
			t.Fatalf("%s: the alias does not exist", reason)
		}
		return obs
	}
	obs := observe("no policy yet")
	if want := []string{"permissions[statementID=alexa]", "permissions[statementID=partner]"}; !slices.Equal(obs.Diff, want) {
		t.Fatalf("no policy yet: diff %v, want %v", obs.Diff, want)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if obs := observe("after the update"); len(obs.Diff) != 0 {
		t.Errorf("after the update: diff %v, want none: the statements as AWS writes them are the spec's", obs.Diff)
	}

	f.mu.Lock()
	delete(f.policies["live"][0]["Condition"].(map[string]map[string]any)["StringEquals"], "lambda:EventSourceToken")
	f.mu.Unlock()
	obs = observe("a condition removed outside")
	if want := []string{"permissions[statementID=alexa].eventSourceToken"}; !slices.Equal(obs.Diff, want) {
		t.Fatalf("a condition removed outside: diff %v, want %v", obs.Diff, want)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if obs := observe("after the mend"); len(obs.Diff) != 0 {
		t.Errorf("after the mend: diff %v", obs.Diff)
	}
	want := []string{"AddPermission live alexa", "AddPermission live partner", "RemovePermission live alexa", "AddPermission live alexa"}
	if w := f.writes(); !slices.Equal(w, want) {
		t.Errorf("writes %v, want %v", w, want)
	}
	if len(f.policies[""]) != 1 {
		t.Errorf("the function's own policy holds %v, want its statement untouched", f.policies[""])
	}
}
