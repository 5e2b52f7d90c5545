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
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"

	"github.com/kubesmith/kubesmith/generated/lambda/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/lambda/resources/function"
	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/reconciler"
)

// fakeUpdates is one function as Lambda runs it: an update leaves
// LastUpdateStatus InProgress until the test ends it, and another update
// meanwhile is refused with ResourceConflictException, as AWS refuses it
// (moto 5.2.1 finishes every update at once, so it cannot show this).
type fakeUpdates struct {
	mu     sync.Mutex
	config map[string]any // GetFunction's Configuration
	s3Key  string         // the code's key, which GetFunction does not report
	calls  []string
}

func (f *fakeUpdates) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	in := map[string]any{}
	if r.ContentLength > 0 {
		_ = json.NewDecoder(r.Body).Decode(&in)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	rest := strings.TrimPrefix(r.URL.Path, "/2015-03-31/functions")
	w.Header().Set("Content-Type", "application/json")
	op := r.Method + " " + rest
	switch op {
	case "POST ", "POST /":
		f.calls = append(f.calls, "CreateFunction")
		f.config = map[string]any{
			"FunctionName": "fn", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:fn",
			"State": "Active", "LastUpdateStatus": "Successful", "Description": in["Description"], "Role": in["Role"], "CodeSha256": "abc=",
		}
		f.s3Key, _ = in["Code"].(map[string]any)["S3Key"].(string)
		w.WriteHeader(http.StatusCreated)
		answer(w, f.config)
	case "GET /fn":
		if f.config == nil {
			fail(w, http.StatusNotFound, "ResourceNotFoundException", "Function not found")
			return
		}
		answer(w, map[string]any{"Configuration": f.config})
	case "PUT /fn/configuration", "PUT /fn/code":
		name := map[string]string{"PUT /fn/configuration": "UpdateFunctionConfiguration", "PUT /fn/code": "UpdateFunctionCode"}[op]
		f.calls = append(f.calls, name)
		if f.config["LastUpdateStatus"] == "InProgress" {
			fail(w, http.StatusConflict, "ResourceConflictException", "The operation cannot be performed at this time. An update is in progress for resource: fn")
			return
		}
		if d, ok := in["Description"]; ok {
			f.config["Description"] = d
		}
		if k, ok := in["S3Key"].(string); ok {
			f.s3Key = k
		}
		f.config["LastUpdateStatus"] = "InProgress"
		answer(w, f.config)
	default:
		fail(w, http.StatusNotFound, "ResourceNotFoundException", "no route "+op)
	}
}

// finish ends the running update, as Lambda does after a while.
func (f *fakeUpdates) finish() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.config["LastUpdateStatus"] = "Successful"
}

// take returns the calls since the last take.
func (f *fakeUpdates) take() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	calls := f.calls
	f.calls = nil
	return calls
}

// functionEnv runs the shared reconciler over the Function kind, with an
// API server fake holding the Function and Lambda answered by f.
type functionEnv struct {
	t *testing.T
	c client.Client
	r *reconciler.Reconciler[*v1alpha1.Function]
}

const fnNamespace = "apps"

func newFunctionEnv(t *testing.T, f http.Handler, cr *v1alpha1.Function) *functionEnv {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	s := kruntime.NewScheme()
	if err := clientgoscheme.AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	if err := v1alpha1.AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	c := fake.NewClientBuilder().WithScheme(s).
		WithObjects(&corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: fnNamespace}}, cr).
		WithStatusSubresource(&v1alpha1.Function{}).Build()
	r, err := reconciler.New(function.Kind(), reconciler.Options{
		DefaultRegion: "us-east-1", Resync: 10 * time.Hour, Pending: 15 * time.Second, Confirm: time.Second, DeletionPolicy: "delete",
		BackoffBase: time.Second, BackoffMax: time.Minute, CreateSettle: time.Minute,
		AWS:           func(context.Context, awsclient.Target) (aws.Config, error) { return cfg, nil },
		CallerAccount: func(context.Context, aws.Config) (string, error) { return "123456789012", nil },
	}, c, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &functionEnv{t: t, c: c, r: r}
}

// reconcile runs one pass and returns the stored object after it.
func (e *functionEnv) reconcile(reason string) *v1alpha1.Function {
	e.t.Helper()
	key := types.NamespacedName{Namespace: fnNamespace, Name: "fn"}
	if _, err := e.r.Reconcile(context.Background(), ctrl.Request{NamespacedName: key}); err != nil {
		e.t.Fatalf("%s: Reconcile: %v", reason, err)
	}
	var got v1alpha1.Function
	if err := e.c.Get(context.Background(), key, &got); err != nil {
		e.t.Fatal(err)
	}
	return &got
}

func functionObject() *v1alpha1.Function {
	return &v1alpha1.Function{
		ObjectMeta: metav1.ObjectMeta{Name: "fn", Namespace: fnNamespace, Generation: 1},
		Spec: v1alpha1.FunctionSpec{
			Name: aws.String("fn"), Role: aws.String("arn:aws:iam::123456789012:role/fn"), Description: aws.String("v1"),
			Code: &v1alpha1.FunctionCode{S3Bucket: aws.String("code"), S3Key: aws.String("v1.zip")},
		},
	}
}

// TestFunctionUpdatesInSequence: a spec that changes a Function's
// settings and its code at once is sent as UpdateFunctionConfiguration,
// then, once Lambda reports the update Successful, UpdateFunctionCode:
// never both in one pass, which Lambda refuses while the first runs, and
// the code is not taken as sent before it was.
func TestFunctionUpdatesInSequence(t *testing.T) {
	f := &fakeUpdates{}
	e := newFunctionEnv(t, f, functionObject())
	e.reconcile("the create")
	e.reconcile("in sync")
	f.take()

	got := e.reconcile("before the change")
	got.Spec.Description = aws.String("v2")
	got.Spec.Code.S3Key = aws.String("v2.zip")
	got.Generation = 2
	if err := e.c.Update(context.Background(), got); err != nil {
		t.Fatal(err)
	}
	f.take()

	steps := []struct {
		reason string
		want   []string
		ready  bool
	}{
		{reason: "settings and code changed: the settings go first, alone", want: []string{"UpdateFunctionConfiguration"}},
		{reason: "while the settings update runs: nothing is sent"},
		{reason: "the settings update is done: the code goes", want: []string{"UpdateFunctionCode"}},
		{reason: "while the code update runs: nothing is sent"},
		{reason: "both are done: in sync, nothing more to send", ready: true},
	}
	for i, step := range steps {
		got = e.reconcile(step.reason)
		if calls := writesOf(f.take()); !slices.Equal(calls, step.want) {
			t.Errorf("pass %d, %s: sent %v, want %v", i+1, step.reason, calls, step.want)
		}
		if c := meta.FindStatusCondition(got.Status.Conditions, "ACK.Recoverable"); c != nil && c.Status == metav1.ConditionTrue {
			t.Errorf("pass %d, %s: Recoverable %q: Lambda refused an update sent while another ran", i+1, step.reason, c.Message)
		}
		if c := meta.FindStatusCondition(got.Status.Conditions, "Ready"); step.ready && (c == nil || c.Status != metav1.ConditionTrue) {
			t.Errorf("pass %d, %s: not Ready: %+v", i+1, step.reason, c)
		}
		if i%2 == 1 { // after the pass that waited
			f.finish()
		}
	}
	if f.s3Key != "v2.zip" || f.config["Description"] != "v2" {
		t.Errorf("Lambda has description %v and code v2.zip=%v, want v2 and the new code", f.config["Description"], f.s3Key)
	}
}

// writesOf drops the reads.
func writesOf(calls []string) []string {
	return slices.DeleteFunc(calls, func(c string) bool { return !strings.HasPrefix(c, "Update") && !strings.HasPrefix(c, "Create") })
}
