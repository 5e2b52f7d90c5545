package eks

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/resources/addon"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/reconciler"
)

const (
	ns      = "platform"
	resync  = 10 * time.Hour
	pending = 15 * time.Second
	confirm = time.Second
)

// ready is a Ready condition of generation 1, as a Ready target has.
var ready = metav1.Condition{Type: "Ready", Status: metav1.ConditionTrue, ObservedGeneration: 1, Reason: "Available", LastTransitionTime: metav1.Unix(0, 0)}

// addonEnv runs the shared reconciler over the Addon kind, with an API
// server fake holding a Ready Cluster named prod-cluster (spec.name
// prod), a Ready IAM Role vpc-cni-role (another service's kind, read as
// unstructured) and the Addon, and EKS answered by f.
type addonEnv struct {
	t *testing.T
	c client.Client
	r *reconciler.Reconciler[*v1alpha1.Addon]
}

func newAddonEnv(t *testing.T, f *fakeEKS, cfg aws.Config, cr *v1alpha1.Addon) *addonEnv {
	t.Helper()
	s := kruntime.NewScheme()
	if err := clientgoscheme.AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	if err := v1alpha1.AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	cluster := &v1alpha1.Cluster{
		ObjectMeta: metav1.ObjectMeta{Name: "prod-cluster", Namespace: ns, Generation: 1},
		Spec:       v1alpha1.ClusterSpec{Name: aws.String("prod")},
	}
	cluster.Status.Conditions = []metav1.Condition{ready}
	role := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "iam.services.k8s.aws/v1alpha1", "kind": "Role",
		"metadata": map[string]any{"name": "vpc-cni-role", "namespace": ns, "generation": int64(1)},
		"status": map[string]any{
			"ackResourceMetadata": map[string]any{"arn": roleA},
			"conditions":          []any{map[string]any{"type": "Ready", "status": "True", "observedGeneration": int64(1)}},
		},
	}}
	c := fake.NewClientBuilder().WithScheme(s).
		WithObjects(&corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, cluster, role, cr).
		WithStatusSubresource(&v1alpha1.Addon{}, &v1alpha1.Cluster{}).Build()
	r, err := reconciler.New(addon.Kind(), reconciler.Options{
		DefaultRegion: region, Resync: resync, Pending: pending, Confirm: confirm, DeletionPolicy: "delete",
		BackoffBase: time.Second, BackoffMax: time.Minute, CreateSettle: time.Minute,
		AWS:           func(context.Context, awsclient.Target) (aws.Config, error) { return cfg, nil },
		CallerAccount: func(context.Context, aws.Config) (string, error) { return account, nil },
	}, c, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &addonEnv{t: t, c: c, r: r}
}

// reconcile runs one pass over the Addon and returns its result and the
// stored object after it.
func (e *addonEnv) reconcile(reason string) (ctrl.Result, *v1alpha1.Addon) {
	e.t.Helper()
	key := types.NamespacedName{Namespace: ns, Name: "vpc-cni"}
	res, err := e.r.Reconcile(context.Background(), ctrl.Request{NamespacedName: key})
	if err != nil {
		e.t.Fatalf("%s: Reconcile: %v", reason, err)
	}
	var got v1alpha1.Addon
	if err := e.c.Get(context.Background(), key, &got); err != nil {
		e.t.Fatal(err)
	}
	return res, &got
}

func condition(a *v1alpha1.Addon, typ string) metav1.Condition {
	if c := meta.FindStatusCondition(a.Status.Conditions, typ); c != nil {
		return *c
	}
	return metav1.Condition{}
}

func addonObject() *v1alpha1.Addon {
	return &v1alpha1.Addon{
		ObjectMeta: metav1.ObjectMeta{Name: "vpc-cni", Namespace: ns, Generation: 1},
		Spec: v1alpha1.AddonSpec{
			Name:                  aws.String("vpc-cni"),
			ClusterRef:            &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String("prod-cluster")}},
			ServiceAccountRoleRef: &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String("vpc-cni-role")}},
		},
	}
}

// TestAddonReconciled: an Addon naming its cluster and role by reference
// is created on the cluster the Cluster object names, with the Role
// object's ARN; while EKS reports CREATING the object is Pending and
// checked back at the pending interval, and ACTIVE makes it Ready.
func TestAddonReconciled(t *testing.T) {
	f, cfg := newFake(t)
	e := newAddonEnv(t, f, cfg, addonObject())

	e.reconcile("the create")
	sent := f.last(t, "CreateAddon")
	if sent.cluster != "prod" || sent.body["serviceAccountRoleArn"] != roleA {
		t.Errorf("CreateAddon on cluster %q with role %v, want cluster prod (prod-cluster's spec.name) and %s (vpc-cni-role's ARN)", sent.cluster, sent.body["serviceAccountRoleArn"], roleA)
	}

	res, got := e.reconcile("while EKS creates it")
	if c := condition(got, "Ready"); c.Status != metav1.ConditionFalse || c.Reason != "Pending" || !strings.Contains(c.Message, "CREATING") {
		t.Errorf("while EKS creates it: Ready %s/%s %q, want False/Pending naming CREATING", c.Status, c.Reason, c.Message)
	}
	if res.RequeueAfter != pending {
		t.Errorf("while EKS creates it: requeued after %s, want the pending interval %s", res.RequeueAfter, pending)
	}

	f.mu.Lock()
	f.addons["prod/vpc-cni"]["status"] = "ACTIVE"
	f.mu.Unlock()
	_, got = e.reconcile("active")
	if c := condition(got, "Ready"); c.Status != metav1.ConditionTrue {
		t.Errorf("active: Ready %s/%s %q, want True", c.Status, c.Reason, c.Message)
	}
	if aws.ToString(got.Status.Status) != "ACTIVE" || got.Spec.ClusterName != nil {
		t.Errorf("active: status %q, spec.clusterName %v; want ACTIVE, and the reference resolved in memory only", aws.ToString(got.Status.Status), got.Spec.ClusterName)
	}
}

// TestAddonUnimplemented: against an endpoint without the add-on routes
// (moto 5.2.1 answers them with an HTML 404), the object says which
// operation is missing in a Terminal condition and waits for the resync
// period: a second pass writes nothing and is not retried with backoff.
func TestAddonUnimplemented(t *testing.T) {
	f, cfg := newFake(t)
	f.unimplemented["DescribeAddon"] = true
	e := newAddonEnv(t, f, cfg, addonObject())

	res, got := e.reconcile("first pass")
	c := condition(got, "ACK.Terminal")
	if c.Status != metav1.ConditionTrue || !strings.Contains(c.Message, "does not implement EKS DescribeAddon") {
		t.Errorf("ACK.Terminal %s %q, want True saying the endpoint does not implement EKS DescribeAddon", c.Status, c.Message)
	}
	if res.RequeueAfter < resync*9/10 {
		t.Errorf("requeued after %s, want about the resync period %s: anything sooner calls again for nothing", res.RequeueAfter, resync)
	}
	version := got.ResourceVersion
	if _, again := e.reconcile("second pass"); again.ResourceVersion != version {
		t.Errorf("the second pass wrote the object (resourceVersion %s, was %s): the same error must not rewrite the status", again.ResourceVersion, version)
	}
	if ops := f.ops(); len(writes(ops)) != 0 {
		t.Errorf("calls %v: nothing may be created while the read is missing", ops)
	}
}

// TestAddonFailed: an add-on EKS reports CREATE_FAILED is not Ready and
// not left waiting as pending: the object is Terminal, naming the state,
// re-read at the resync period with no write; a spec change still goes
// through as an UpdateAddon, since that is how a user fixes it.
func TestAddonFailed(t *testing.T) {
	f, cfg := newFake(t)
	e := newAddonEnv(t, f, cfg, addonObject())
	e.reconcile("the create")
	f.mu.Lock()
	f.addons["prod/vpc-cni"]["status"] = "CREATE_FAILED"
	f.mu.Unlock()

	res, got := e.reconcile("failed")
	c := condition(got, "ACK.Terminal")
	if c.Status != metav1.ConditionTrue || !strings.Contains(c.Message, "AWS reports the Addon as CREATE_FAILED") {
		t.Errorf("failed: ACK.Terminal %s %q, want True naming CREATE_FAILED", c.Status, c.Message)
	}
	if r := condition(got, "Ready"); r.Status != metav1.ConditionFalse {
		t.Errorf("failed: Ready %s, want False", r.Status)
	}
	if res.RequeueAfter < resync*9/10 {
		t.Errorf("failed: requeued after %s, want about the resync period %s", res.RequeueAfter, resync)
	}
	version := got.ResourceVersion
	if _, again := e.reconcile("failed, again"); again.ResourceVersion != version {
		t.Errorf("the second pass over the failed add-on wrote the object (resourceVersion %s, was %s)", again.ResourceVersion, version)
	}
	f.ops()

	got.Spec.ConfigurationValues = aws.String(`{"env":{"WARM_IP_TARGET":"2"}}`)
	got.Generation = 2
	if err := e.c.Update(context.Background(), got); err != nil {
		t.Fatal(err)
	}
	e.reconcile("the spec changed")
	if up := f.last(t, "UpdateAddon"); up.body["configurationValues"] != `{"env":{"WARM_IP_TARGET":"2"}}` {
		t.Errorf("UpdateAddon sent %v, want the new configuration values", up.body)
	}
}
