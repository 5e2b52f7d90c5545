package awsclient

import (
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// call is one AWSCall observation.
type call struct {
	service, operation string
	status             int
	code               string
}

type recorder struct {
	mu    sync.Mutex
	calls []call
}

func (r *recorder) AWSCall(service, operation string, status int, code string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, call{service, operation, status, code})
}

// fakeDynamoDB answers by X-Amz-Target; STS AssumeRole by form action.
type fakeDynamoDB struct {
	mu       sync.Mutex
	answers  map[string]func(w http.ResponseWriter) // by operation
	requests []*http.Request
	bodies   []string
}

func (f *fakeDynamoDB) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, r)
	f.bodies = append(f.bodies, string(body))
	f.mu.Unlock()
	op := r.Header.Get("X-Amz-Target")
	op = op[strings.LastIndex(op, ".")+1:]
	if strings.Contains(string(body), "Action=AssumeRole") {
		op = "AssumeRole"
	}
	if answer, ok := f.answers[op]; ok {
		answer(w)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	_, _ = io.WriteString(w, `{"TableNames":[]}`)
}

func jsonError(status int, code, msg string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"__type":"com.amazonaws.dynamodb.v20120810#%s","message":%q}`, code, msg)
	}
}

// cleanEnv keeps the machine's AWS settings out of a test.
func cleanEnv(t *testing.T) {
	t.Helper()
	for _, k := range []string{"AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_CA_BUNDLE"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDTEST")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
}

func TestCallsAreCounted(t *testing.T) {
	cleanEnv(t)
	fake := &fakeDynamoDB{answers: map[string]func(http.ResponseWriter){
		"DescribeTable": jsonError(400, "ResourceNotFoundException", "no table"),
		"DeleteTable":   jsonError(500, "InternalServerError", "oops"),
	}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	rec := &recorder{}
	f := NewFactory(Options{Endpoint: srv.URL, Calls: rec, MaxAttempts: 2})
	cfg, err := f.Config(context.Background(), Target{Region: "us-west-2"})
	if err != nil {
		t.Fatal(err)
	}
	ddb := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.Retryer = fastRetry(o.Retryer) })
	ctx := context.Background()
	_, _ = ddb.ListTables(ctx, &dynamodb.ListTablesInput{})
	_, _ = ddb.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("t")})
	_, _ = ddb.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("t")})
	srv.Close()
	_, _ = ddb.ListTables(ctx, &dynamodb.ListTablesInput{})

	want := []call{
		{"DynamoDB", "ListTables", 200, ""},
		{"DynamoDB", "DescribeTable", 400, "ResourceNotFoundException"},
		// A retried 5xx counts once per attempt.
		{"DynamoDB", "DeleteTable", 500, "InternalServerError"},
		{"DynamoDB", "DeleteTable", 500, "InternalServerError"},
		// No answer: no status, and a code that says so.
		{"DynamoDB", "ListTables", 0, "RequestSendError"},
		{"DynamoDB", "ListTables", 0, "RequestSendError"},
	}
	if fmt.Sprint(rec.calls) != fmt.Sprint(want) {
		t.Errorf("counted\n%v\nwant\n%v", rec.calls, want)
	}
}

func fastRetry(r aws.Retryer) aws.Retryer {
	return aws.RetryerV2(retryNoDelay{r.(aws.RetryerV2)})
}

type retryNoDelay struct{ aws.RetryerV2 }

func (retryNoDelay) RetryDelay(int, error) (time.Duration, error) { return 0, nil }

func TestRateLimitPerRegionAndService(t *testing.T) {
	cleanEnv(t)
	srv := httptest.NewServer(&fakeDynamoDB{})
	defer srv.Close()
	// One call per thousand seconds: the second call in a region must wait,
	// while another region has its own budget.
	f := NewFactory(Options{Endpoint: srv.URL, QPS: 0.001, Burst: 1})
	client := func(region string) *dynamodb.Client {
		cfg, err := f.Config(context.Background(), Target{Region: region})
		if err != nil {
			t.Fatal(err)
		}
		return dynamodb.NewFromConfig(cfg)
	}
	west, east := client("us-west-2"), client("us-east-1")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := west.ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
		t.Fatalf("first call: %v", err)
	}
	if _, err := east.ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
		t.Fatalf("another region shares the first region's budget: %v", err)
	}
	if _, err := west.ListTables(ctx, &dynamodb.ListTablesInput{}); err == nil || !strings.Contains(err.Error(), "rate") {
		t.Errorf("a second call in the region went through the limit: %v", err)
	}
}

func TestConfigCacheAndAssumeRole(t *testing.T) {
	cleanEnv(t)
	fake := &fakeDynamoDB{answers: map[string]func(http.ResponseWriter){
		"AssumeRole": func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/xml")
			_, _ = io.WriteString(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIAOTHERACCOUNT</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>tok</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/ack/kubesmith-controller</Arn><AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult></AssumeRoleResponse>`)
		},
	}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	f := NewFactory(Options{Endpoint: srv.URL})
	loads := 0
	load := f.load
	f.load = func(ctx context.Context, opts ...func(*config.LoadOptions) error) (aws.Config, error) {
		loads++
		return load(ctx, opts...)
	}
	ctx := context.Background()
	own := Target{Region: "us-west-2"}
	other := Target{Region: "us-west-2", RoleARN: "arn:aws:iam::111122223333:role/ack", ExternalID: "xyz"}
	for _, target := range []Target{own, own, other, other} {
		cfg, err := f.Config(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dynamodb.NewFromConfig(cfg).ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
			t.Fatal(err)
		}
	}
	if loads != 1 {
		t.Errorf("the default chain was loaded %d times for one region, want 1", loads)
	}
	var keys, assumes []string
	for i, r := range fake.requests {
		if strings.Contains(fake.bodies[i], "Action=AssumeRole") {
			assumes = append(assumes, fake.bodies[i])
			continue
		}
		auth := r.Header.Get("Authorization")
		keys = append(keys, auth[strings.Index(auth, "Credential=")+len("Credential="):][:len("ASIAOTHERACCOUNT")])
	}
	if len(assumes) != 1 || !strings.Contains(assumes[0], "ExternalId=xyz") || !strings.Contains(assumes[0], "RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fack") {
		t.Errorf("AssumeRole calls %q: want one, with the role and external ID (credentials are cached)", assumes)
	}
	want := []string{"AKIDTEST", "AKIDTEST", "ASIAOTHERACCOUNT", "ASIAOTHERACCOUNT"}
	for i := range want {
		if i >= len(keys) || !strings.HasPrefix(keys[i], want[i]) {
			t.Errorf("call %d signed with %q, want %s (all: %v)", i, keys, want[i], keys)
			break
		}
	}
}

// TestCABundle runs a call over TLS to a server whose certificate only
// AWS_CA_BUNDLE vouches for: with the variable the call works, without it
// the call fails. The incumbent fails every call when the variable is set.
func TestCABundle(t *testing.T) {
	srv := httptest.NewTLSServer(&fakeDynamoDB{})
	defer srv.Close()
	bundle := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(bundle, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		reason string
		bundle string
		ok     bool
	}{
		"With":    {reason: "With AWS_CA_BUNDLE set, its roots are trusted.", bundle: bundle, ok: true},
		"Without": {reason: "Without it, the server's certificate is unknown.", ok: false},
	} {
		t.Run(name, func(t *testing.T) {
			cleanEnv(t)
			if tc.bundle != "" {
				t.Setenv("AWS_CA_BUNDLE", tc.bundle)
			}
			f := NewFactory(Options{Endpoint: srv.URL, MaxAttempts: 1})
			cfg, err := f.Config(context.Background(), Target{Region: "us-west-2"})
			if err != nil {
				t.Fatalf("%s\nloading the configuration: %v", tc.reason, err)
			}
			_, err = dynamodb.NewFromConfig(cfg).ListTables(context.Background(), &dynamodb.ListTablesInput{})
			if (err == nil) != tc.ok {
				t.Errorf("%s\ncall error: %v", tc.reason, err)
			}
		})
	}
}

// TestCallTimeout calls an endpoint that takes the request and never
// answers, as a frozen emulator or a hung load balancer does: the call
// fails with an error naming the timeout, instead of waiting forever.
func TestCallTimeout(t *testing.T) {
	cleanEnv(t)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	f := NewFactory(Options{Endpoint: srv.URL, CallTimeout: 200 * time.Millisecond})
	cfg, err := f.Config(context.Background(), Target{Region: "us-west-2"})
	if err != nil {
		t.Fatal(err)
	}
	// The test's own bound, far above the call timeout: without one, the
	// call would hang here rather than fail.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = dynamodb.NewFromConfig(cfg).ListTables(ctx, &dynamodb.ListTablesInput{})
	var timeout *CallTimeoutError
	if !errors.As(err, &timeout) {
		t.Fatalf("error %v, want a CallTimeoutError", err)
	}
	if ctx.Err() != nil {
		t.Fatal("the call outlived the test's own bound")
	}
	if !strings.Contains(err.Error(), "AWS call timeout of 200ms") {
		t.Errorf("error %q does not name the timeout", err)
	}
}

// TestThrottlingAdapts: a throttled call is retried and succeeds, and the
// clients use the SDK's adaptive retry mode, which slows the calls to
// the rate AWS accepts once it throttles instead of a fixed cap.
func TestThrottlingAdapts(t *testing.T) {
	cleanEnv(t)
	var mu sync.Mutex
	throttles := 2
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if throttles > 0 {
			throttles--
			jsonError(400, "ThrottlingException", "rate exceeded")(w)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		_, _ = io.WriteString(w, `{"TableNames":[]}`)
	}))
	defer srv.Close()
	rec := &recorder{}
	f := NewFactory(Options{Endpoint: srv.URL, Calls: rec})
	cfg, err := f.Config(context.Background(), Target{Region: "us-west-2"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cfg.Retryer().(*retry.AdaptiveMode); !ok {
		t.Errorf("the clients retry with %T, want the SDK's adaptive mode", cfg.Retryer())
	}
	ddb := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.Retryer = fastRetry(o.Retryer) })
	if _, err := ddb.ListTables(context.Background(), &dynamodb.ListTablesInput{}); err != nil {
		t.Fatalf("a call throttled twice failed: %v", err)
	}
	if len(rec.calls) != 3 {
		t.Errorf("%d attempts, want 3 (two throttled): %v", len(rec.calls), rec.calls)
	}
}
