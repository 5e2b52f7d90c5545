package eks

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/resources/addon"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

const (
	roleA = "arn:aws:iam::123456789012:role/vpc-cni-a"
	roleB = "arn:aws:iam::123456789012:role/vpc-cni-b"
)

// observer reads an object through its manager, failing the test on an
// error.
func observer[T managed.Object](t *testing.T, ext managed.External[T], cr T) func(reason string) managed.Observation {
	return func(reason string) managed.Observation {
		t.Helper()
		obs, err := ext.Observe(context.Background(), cr)
		if err != nil {
			t.Fatalf("%s: Observe: %s", reason, managed.Describe(err))
		}
		return obs
	}
}

// TestAddonManager walks an add-on through its manager: absent, created
// with the spec's cluster, name, role and tags, CREATING (pending) then
// ACTIVE with its status filled, its version changed by one UpdateAddon
// naming only the version, a role changed outside seen as drift, deleted,
// and deleted again (already gone).
func TestAddonManager(t *testing.T) {
	f, cfg := newFake(t)
	ext := addon.Kind().Connect(cfg, managed.ClientOptions{})
	ctx := context.Background()
	cr := &v1alpha1.Addon{Spec: v1alpha1.AddonSpec{
		ClusterName:           aws.String("prod"),
		Name:                  aws.String("vpc-cni"),
		ServiceAccountRoleARN: aws.String(roleA),
		ResolveConflicts:      aws.String("OVERWRITE"),
		Tags:                  map[string]string{"team": "platform"},
	}}
	observe := observer(t, ext, cr)
	if obs := observe("before the create"); obs.Exists {
		t.Fatalf("before the create: the add-on exists: %+v", obs)
	}
	if err := ext.Create(ctx, cr); err != nil {
		t.Fatalf("Create: %s", managed.Describe(err))
	}
	sent := f.last(t, "CreateAddon")
	if sent.cluster != "prod" || sent.body["addonName"] != "vpc-cni" || sent.body["serviceAccountRoleArn"] != roleA ||
		sent.body["resolveConflicts"] != "OVERWRITE" || sent.body["tags"].(map[string]any)["team"] != "platform" {
		t.Errorf("CreateAddon on cluster %q sent %v, want the spec's name, role, conflict resolution and tags on cluster prod", sent.cluster, sent.body)
	}

	obs := observe("while AWS creates it")
	if !obs.Exists || obs.Pending != "CREATING" {
		t.Errorf("while AWS creates it: exists %t, pending %q; want pending CREATING, so the runtime checks back instead of updating", obs.Exists, obs.Pending)
	}
	f.mu.Lock()
	f.addons["prod/vpc-cni"]["status"] = "ACTIVE"
	f.mu.Unlock()
	obs = observe("active")
	if obs.Pending != "" || len(obs.Diff) != 0 {
		t.Errorf("active: pending %q, diff %v; want an unchanged add-on", obs.Pending, obs.Diff)
	}
	if aws.ToString(cr.Status.Status) != "ACTIVE" || aws.ToString(obs.ARN) != "arn:aws:eks:us-west-2:123456789012:addon/prod/vpc-cni/abc" {
		t.Errorf("active: status %q, ARN %q; want AWS's status and the add-on's ARN", aws.ToString(cr.Status.Status), aws.ToString(obs.ARN))
	}
	if got := obs.Observed.(v1alpha1.AddonSpec); aws.ToString(got.AddonVersion) != "v1.18.0-eksbuild.1" {
		t.Errorf("active: observed version %q, want the one AWS chose (late initialization takes it from there)", aws.ToString(got.AddonVersion))
	}
	f.ops()

	cr.Spec.AddonVersion = aws.String("v1.19.0-eksbuild.1")
	obs = observe("version changed in the spec")
	if !slices.Equal(obs.Diff, []string{"addonVersion"}) {
		t.Fatalf("version changed in the spec: diff %v, want [addonVersion]", obs.Diff)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %s", managed.Describe(err))
	}
	up := f.last(t, "UpdateAddon")
	if keys := sentKeys(up); up.body["addonVersion"] != "v1.19.0-eksbuild.1" || !slices.Equal(keys, []string{"addonVersion"}) {
		t.Errorf("UpdateAddon sent %v, want the new version alone", up.body)
	}
	if w := writes(f.ops()); !slices.Equal(w, []string{"UpdateAddon"}) {
		t.Errorf("the version change wrote %v, want one UpdateAddon", w)
	}

	f.mu.Lock()
	f.addons["prod/vpc-cni"]["serviceAccountRoleArn"] = roleB
	f.mu.Unlock()
	if obs := observe("role changed outside"); !slices.Equal(obs.Diff, []string{"serviceAccountRoleARN"}) {
		t.Errorf("role changed outside: diff %v, want [serviceAccountRoleARN]", obs.Diff)
	}

	if err := ext.Delete(ctx, cr); err != nil {
		t.Fatalf("Delete: %s", managed.Describe(err))
	}
	if obs := observe("after the delete"); obs.Exists {
		t.Error("after the delete: the add-on exists")
	}
	if err := ext.Delete(ctx, cr); err != nil {
		t.Errorf("Delete of an add-on already gone: %s", managed.Describe(err))
	}
}

// TestAddonRefused: EKS refusing a create for its input is Terminal, and
// what the object's condition says names the operation, AWS's code and
// AWS's message.
func TestAddonRefused(t *testing.T) {
	f, cfg := newFake(t)
	kind := addon.Kind()
	ext := kind.Connect(cfg, managed.ClientOptions{})
	f.fail["CreateAddon"] = "InvalidParameterException"
	err := ext.Create(context.Background(), &v1alpha1.Addon{Spec: v1alpha1.AddonSpec{ClusterName: aws.String("prod"), Name: aws.String("no-such-addon")}})
	if err == nil {
		t.Fatal("Create succeeded, want EKS's refusal")
	}
	if !managed.IsTerminal(err, kind.TerminalCodes, kind.RecoverableCodes) {
		t.Errorf("%s is not Terminal: the controller would retry a spec AWS refuses", managed.Describe(err))
	}
	if got, want := managed.Describe(err), "EKS CreateAddon: InvalidParameterException: CreateAddon refused by the test"; got != want {
		t.Errorf("condition message %q, want %q", got, want)
	}
}
