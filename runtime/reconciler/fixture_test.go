package reconciler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/runtime/metrics"
)

// Widget is a test kind with the shape generated kinds have.
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              WidgetSpec   `json:"spec,omitempty"`
	Status            WidgetStatus `json:"status,omitempty"`
}

type WidgetSpec struct {
	Name *string `json:"name,omitempty"`
	Size *int64  `json:"size,omitempty"`
	// Mode is defaulted by AWS when left empty: a late-init field.
	Mode *string `json:"mode,omitempty"`
	// Peer is filled from another Widget through PeerRef.
	Peer    *string                                  `json:"peer,omitempty"`
	PeerRef *ackv1alpha1.AWSResourceReferenceWrapper `json:"peerRef,omitempty"`
	// Hops each name a peer, as routes[].gatewayID, or refer to one.
	Hops []WidgetHop `json:"hops,omitempty"`
	// Gate is one such structure, not in a list.
	Gate *WidgetHop `json:"gate,omitempty"`
	// Password is a @sensitive input, given as a Secret key.
	Password *ackv1alpha1.SecretKeyReference `json:"password,omitempty"`
	// Access holds @sensitive tokens in a list of structs.
	Access []WidgetAccess `json:"access,omitempty"`
	// Env is a struct with a @sensitive map: entries written in the spec,
	// plus every key of the Secret VariablesFrom names.
	Env *WidgetEnv `json:"env,omitempty"`
}

type WidgetHop struct {
	CIDR   *string                                  `json:"cidr,omitempty"`
	Via    *string                                  `json:"via,omitempty"`
	ViaRef *ackv1alpha1.AWSResourceReferenceWrapper `json:"viaRef,omitempty"`
}

type WidgetAccess struct {
	Token *ackv1alpha1.SecretKeyReference `json:"token,omitempty"`
}

type WidgetEnv struct {
	Variables     map[string]string            `json:"variables,omitempty"`
	VariablesFrom *ackv1alpha1.SecretReference `json:"variablesFrom,omitempty"`
}

type WidgetStatus struct {
	ackv1alpha1.ManagedStatus `json:",inline"`
	State                     *string `json:"state,omitempty"`
}

type WidgetList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	Items           []Widget `json:"items"`
}

func (w *Widget) GetManagedStatus() *ackv1alpha1.ManagedStatus { return &w.Status.ManagedStatus }

func (w *Widget) DeepCopyObject() kruntime.Object     { return jsonCopy(w) }
func (l *WidgetList) DeepCopyObject() kruntime.Object { return jsonCopy(l) }

func jsonCopy[T any](in *T) *T {
	data, err := json.Marshal(in)
	if err != nil {
		panic(err)
	}
	out := new(T)
	if err := json.Unmarshal(data, out); err != nil {
		panic(err)
	}
	return out
}

var widgetGV = schema.GroupVersion{Group: "test.services.k8s.aws", Version: "v1alpha1"}

func testScheme(t *testing.T) *kruntime.Scheme {
	t.Helper()
	s := kruntime.NewScheme()
	if err := clientgoscheme.AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	s.AddKnownTypes(widgetGV, &Widget{}, &WidgetList{})
	metav1.AddToGroupVersion(s, widgetGV)
	return s
}

const (
	testNS        = "team"
	testName      = "w"
	testFinalizer = "finalizers.test.services.k8s.aws/Widget"
	testARN       = "arn:aws:test:us-west-2:123456789012:widget/w"
	ownAccount    = "123456789012" // the controller's credentials'
)

// fakeAWS is one AWS resource behind a Widget, with programmable errors.
type fakeAWS struct {
	mu      sync.Mutex
	exists  bool
	name    string
	size    int64
	mode    string
	pending string
	arn     string
	// failed is a state AWS does not leave by itself (Observation.Failed).
	failed string

	observeErr, createErr, updateErr, deleteErr error
	// createTakesEffect makes a failing create still create (a lost answer).
	createTakesEffect bool
	// observeHangs makes Observe wait for its context, as a call to an
	// endpoint that never answers does.
	observeHangs bool

	calls       []string
	updateDiffs [][]string
	createTags  map[string]string
	// passwords are the secret values Create and Update received.
	passwords []string
	observed  []WidgetSpec // the spec each Observe saw
	// immutable is what Observe reports no update can change.
	immutable []string
}

func (f *fakeAWS) Observe(ctx context.Context, w *Widget) (managed.Observation, error) {
	if f.observeHangs {
		return managed.Observation{}, hang(ctx, "DescribeWidget")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Observe")
	f.observed = append(f.observed, *w.Spec.DeepCopy())
	if f.observeErr != nil {
		return managed.Observation{}, f.observeErr
	}
	if !f.exists || (w.Spec.Name != nil && *w.Spec.Name != f.name) {
		return managed.Observation{}, nil
	}
	state := "ACTIVE"
	if f.pending != "" {
		state = f.pending
	}
	w.Status.State = &state
	observed := *w.Spec.DeepCopy()
	observed.Name, observed.Size, observed.Mode = aws.String(f.name), aws.Int64(f.size), aws.String(f.mode)
	// As a generated observedSpec: AWS's structs come back without secrets.
	for i := range observed.Access {
		observed.Access[i].Token = nil
	}
	if observed.Env != nil {
		observed.Env = &WidgetEnv{}
	}
	arn := f.arn
	return managed.Observation{
		Exists:    true,
		ARN:       &arn,
		Diff:      diffWidget(w.Spec, observed),
		Pending:   f.pending,
		Failed:    f.failed,
		Observed:  observed,
		Immutable: f.immutable,
	}, nil
}

// diffWidget compares the fields AWS reports, as a generated manager's
// typed comparison does: a field left unset is not compared.
func diffWidget(desired, observed WidgetSpec) []string {
	var d []string
	if desired.Name != nil && aws.ToString(desired.Name) != aws.ToString(observed.Name) {
		d = append(d, "name")
	}
	if desired.Size != nil && aws.ToInt64(desired.Size) != aws.ToInt64(observed.Size) {
		d = append(d, "size")
	}
	if desired.Mode != nil && aws.ToString(desired.Mode) != aws.ToString(observed.Mode) {
		d = append(d, "mode")
	}
	return d
}

func (f *fakeAWS) Create(ctx context.Context, w *Widget) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Create")
	f.createTags = managed.DefaultTags(ctx)
	if err := f.recordPassword(ctx, w); err != nil {
		return err
	}
	if f.createErr != nil && !f.createTakesEffect {
		return f.createErr
	}
	f.exists, f.name, f.size, f.arn = true, aws.ToString(w.Spec.Name), aws.ToInt64(w.Spec.Size), testARN
	f.mode = aws.ToString(w.Spec.Mode)
	if f.mode == "" {
		f.mode = "standard" // the server's default
	}
	return f.createErr
}

func (f *fakeAWS) Update(ctx context.Context, w *Widget, obs managed.Observation) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Update")
	if err := f.recordPassword(ctx, w); err != nil {
		return err
	}
	f.updateDiffs = append(f.updateDiffs, obs.Diff)
	if f.updateErr != nil {
		return f.updateErr
	}
	if obs.Changed("size") {
		f.size = aws.ToInt64(w.Spec.Size)
	}
	if obs.Changed("mode") {
		f.mode = aws.ToString(w.Spec.Mode)
	}
	return nil
}

// recordPassword reads the secrets as a generated manager does: the
// password, each access token, then the environment as sorted K=V.
func (f *fakeAWS) recordPassword(ctx context.Context, w *Widget) error {
	sec := managed.ReadSecrets(ctx)
	values := []*string{sec.Value(w.Spec.Password)}
	for _, a := range w.Spec.Access {
		values = append(values, sec.Value(a.Token))
	}
	if env := w.Spec.Env; env != nil {
		vars := sec.Map(env.Variables, env.VariablesFrom)
		for _, k := range slices.Sorted(maps.Keys(vars)) {
			values = append(values, aws.String(k+"="+vars[k]))
		}
	}
	if err := sec.Err(); err != nil {
		return err
	}
	for _, v := range values {
		if v != nil {
			f.passwords = append(f.passwords, *v)
		}
	}
	return nil
}

func (f *fakeAWS) Delete(_ context.Context, _ *Widget) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, "Delete")
	if f.deleteErr != nil {
		return f.deleteErr
	}
	f.exists = false
	return nil
}

func (f *fakeAWS) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

func (s *WidgetSpec) DeepCopy() *WidgetSpec { return jsonCopy(s) }

// fakeEvents records events as "Type Reason message".
type fakeEvents struct {
	mu     sync.Mutex
	events []string
}

func (e *fakeEvents) Eventf(_ kruntime.Object, _ kruntime.Object, typ, reason, _ string, note string, args ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.events = append(e.events, typ+" "+reason+" "+fmt.Sprintf(note, args...))
}

func (e *fakeEvents) AnnotatedEventf(regarding, related kruntime.Object, _ map[string]string, typ, reason, action, note string, args ...any) {
	e.Eventf(regarding, related, typ, reason, action, note, args...)
}

func (e *fakeEvents) reasons() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, ev := range e.events {
		out = append(out, strings.Fields(ev)[1])
	}
	return out
}

// fakeRoles maps accounts to roles.
type fakeRoles map[string]string

func (f fakeRoles) Role(_ context.Context, account string) (string, string, error) {
	role, ok := f[account]
	if !ok {
		return "", "", fmt.Errorf("no role for account %s", account)
	}
	return role, "ext-" + account, nil
}

// env is one reconciler over a fake API server and a fake AWS.
type env struct {
	t       *testing.T
	r       *Reconciler[*Widget]
	c       client.Client
	aws     *fakeAWS
	events  *fakeEvents
	metrics *metrics.Metrics
	targets []awsclient.Target
	now     time.Time
}

var testOptions = Options{
	DefaultRegion:  "us-west-2",
	Resync:         10 * time.Hour,
	Pending:        10 * time.Second,
	Confirm:        time.Second,
	DeletionPolicy: DeletionPolicyDelete,
	BackoffBase:    time.Second,
	BackoffMax:     time.Minute,
	Service:        "test",
	Version:        "v0.1.0",
	CreateSettle:   time.Minute,
	CallerAccount:  func(context.Context, aws.Config) (string, error) { return ownAccount, nil },
}

// newEnv builds an env holding objs (a Namespace "team" is added unless
// given), with kind and opts adjusted by the callers.
func newEnv(t *testing.T, fa *fakeAWS, kind func(*managed.Kind[*Widget]), opts func(*Options), objs ...client.Object) *env {
	t.Helper()
	s := testScheme(t)
	if !slices.ContainsFunc(objs, func(o client.Object) bool { _, ok := o.(*corev1.Namespace); return ok && o.GetName() == testNS }) {
		objs = append(objs, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: testNS}})
	}
	c := fake.NewClientBuilder().WithScheme(s).WithObjects(objs...).WithStatusSubresource(&Widget{}).Build()
	if fa == nil {
		fa = &fakeAWS{}
	}
	e := &env{t: t, c: c, aws: fa, events: &fakeEvents{}, metrics: metrics.New(), now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	k := managed.Kind[*Widget]{
		Name:           "Widget",
		New:            func() *Widget { return &Widget{} },
		Connect:        func(aws.Config, managed.ClientOptions) managed.External[*Widget] { return fa },
		LateInitFields: []string{"mode"},
	}
	if kind != nil {
		kind(&k)
	}
	o := testOptions
	o.Metrics = e.metrics
	o.AWS = func(_ context.Context, t awsclient.Target) (aws.Config, error) {
		e.targets = append(e.targets, t)
		return aws.Config{Region: t.Region}, nil
	}
	if opts != nil {
		opts(&o)
	}
	r, err := New(k, o, c, s, e.events)
	if err != nil {
		t.Fatal(err)
	}
	r.now = func() time.Time { return e.now }
	r.jitter = func(d time.Duration) time.Duration { return d }
	e.r = r
	return e
}

func (e *env) reconcile() (ctrl.Result, error) {
	e.t.Helper()
	return e.r.Reconcile(context.Background(), ctrl.Request{NamespacedName: types.NamespacedName{Namespace: testNS, Name: testName}})
}

// get returns the stored widget, or nil once it is gone.
func (e *env) get() *Widget {
	e.t.Helper()
	var w Widget
	if err := e.c.Get(context.Background(), types.NamespacedName{Namespace: testNS, Name: testName}, &w); err != nil {
		if apierrors.IsNotFound(err) {
			return nil
		}
		e.t.Fatal(err)
	}
	return &w
}

// widget builds the object under test.
func widget(mods ...func(*Widget)) *Widget {
	w := &Widget{
		TypeMeta:   metav1.TypeMeta{APIVersion: widgetGV.String(), Kind: "Widget"},
		ObjectMeta: metav1.ObjectMeta{Name: testName, Namespace: testNS, Generation: 1},
		Spec:       WidgetSpec{Name: aws.String("w"), Size: aws.Int64(3)},
	}
	for _, m := range mods {
		m(w)
	}
	return w
}

func annotate(kv ...string) func(*Widget) {
	return func(w *Widget) {
		if w.Annotations == nil {
			w.Annotations = map[string]string{}
		}
		for i := 0; i < len(kv); i += 2 {
			w.Annotations[kv[i]] = kv[i+1]
		}
	}
}

func withFinalizer(w *Widget) { w.Finalizers = append(w.Finalizers, testFinalizer) }

// ownedIn records the widget as created in a region, as a create does.
func ownedIn(region string) func(*Widget) {
	return func(w *Widget) {
		w.Finalizers = append(w.Finalizers, testFinalizer)
		w.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Region: aws.String(region), ARN: aws.String(testARN), OwnerAccountID: aws.String(ownAccount), Ownership: ackv1alpha1.OwnershipCreated}
	}
}

// ownedInAccount records the widget as created in another account,
// through the owner-account-id its namespace had then.
func ownedInAccount(account string) func(*Widget) {
	return func(w *Widget) {
		ownedIn("us-west-2")(w)
		w.Status.ACKResourceMetadata.OwnerAccountID = aws.String(account)
		w.Status.ACKResourceMetadata.ARN = aws.String("arn:aws:test:us-west-2:" + account + ":widget/w")
	}
}

// observedIn is what a read-only pass leaves: the place and identity of
// a resource, and no ownership.
func observedIn(region string) func(*Widget) {
	return func(w *Widget) {
		w.Finalizers = append(w.Finalizers, testFinalizer)
		w.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Region: aws.String(region), ARN: aws.String(testARN), OwnerAccountID: aws.String(ownAccount)}
	}
}

// syncedAt marks the widget as matching AWS at a generation.
func syncedAt(gen int64) func(*Widget) {
	return func(w *Widget) {
		w.Status.Conditions = []metav1.Condition{
			{Type: "ACK.ResourceSynced", Status: metav1.ConditionTrue, Reason: "Synced", Message: "the resource in AWS matches the spec", ObservedGeneration: gen, LastTransitionTime: metav1.NewTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))},
			{Type: "Ready", Status: metav1.ConditionTrue, Reason: "Available", Message: "the resource is available", ObservedGeneration: gen, LastTransitionTime: metav1.NewTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))},
		}
	}
}

func deleting(w *Widget) {
	now := metav1.NewTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	w.DeletionTimestamp = &now
}

func awsState(name string, size int64, mode string) *fakeAWS {
	return &fakeAWS{exists: true, name: name, size: size, mode: mode, arn: testARN}
}

// apiError builds an error shaped like the SDK's for an AWS error answer.
func apiError(op, code, msg string, status int) error {
	return &smithy.OperationError{ServiceID: "Test", OperationName: op, Err: &awshttp.ResponseError{
		RequestID: "req-" + code,
		ResponseError: &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
			Err:      &smithy.GenericAPIError{Code: code, Message: msg},
		},
	}}
}

// hang waits for ctx and fails as the SDK does then. Its own bound keeps
// a test without a deadline from hanging forever.
func hang(ctx context.Context, op string) error {
	select {
	case <-ctx.Done():
		return &smithy.OperationError{ServiceID: "Test", OperationName: op, Err: &smithy.CanceledError{Err: ctx.Err()}}
	case <-time.After(10 * time.Second):
		return errors.New("the test's fake waited 10s for a deadline that never came")
	}
}

// networkError builds an error shaped like the SDK's when no answer came.
func networkError(op string) error {
	return &smithy.OperationError{ServiceID: "Test", OperationName: op, Err: &smithyhttp.RequestSendError{Err: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}}
}

// cond returns "Status/Reason" of a condition, or "" when absent.
func cond(w *Widget, typ string) string {
	for _, c := range w.Status.Conditions {
		if c.Type == typ {
			return string(c.Status) + "/" + c.Reason
		}
	}
	return ""
}

func condMessage(w *Widget, typ string) string {
	for _, c := range w.Status.Conditions {
		if c.Type == typ {
			return c.Message
		}
	}
	return ""
}
