package eks

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/eks/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/eks/resources/accessentry"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

const (
	admin      = "arn:aws:iam::123456789012:role/platform-admin"
	adminPol   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
	viewPol    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
	editPol    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"
	entryInEKS = "prod/" + admin
)

func policy(arn, scope string, namespaces ...string) v1alpha1.AssociateAccessPolicyInput {
	return v1alpha1.AssociateAccessPolicyInput{PolicyARN: aws.String(arn), AccessScope: &v1alpha1.AccessScope{Type: aws.String(scope), Namespaces: namespaces}}
}

// associated lists the policy ARNs EKS has on the entry, with each scope.
func (f *fakeEKS) associated() map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]any{}
	for arn, p := range f.policies[entryInEKS] {
		out[arn] = p["accessScope"]
	}
	return out
}

// TestAccessEntryManager walks an access entry through its manager: the
// create sends the entry without its policies, the update that follows
// associates each policy with its scope, a spec that swaps a policy and
// changes the username costs one UpdateAccessEntry, one disassociate and
// one associate, a policy disassociated outside is associated again, and
// the entry is deleted.
func TestAccessEntryManager(t *testing.T) {
	f, cfg := newFake(t)
	ext := accessentry.Kind().Connect(cfg, managed.ClientOptions{})
	ctx := context.Background()
	cr := &v1alpha1.AccessEntry{Spec: v1alpha1.AccessEntrySpec{
		ClusterName:      aws.String("prod"),
		PrincipalARN:     aws.String(admin),
		Type:             aws.String("STANDARD"),
		KubernetesGroups: []string{"platform-admins"},
		AccessPolicies:   []v1alpha1.AssociateAccessPolicyInput{policy(adminPol, "cluster"), policy(viewPol, "namespace", "default")},
	}}
	observe := observer(t, ext, cr)
	if obs := observe("before the create"); obs.Exists {
		t.Fatalf("before the create: the entry exists: %+v", obs)
	}
	if err := ext.Create(ctx, cr); err != nil {
		t.Fatalf("Create: %s", managed.Describe(err))
	}
	sent := f.last(t, "CreateAccessEntry")
	if keys := sentKeys(sent); sent.cluster != "prod" || sent.body["principalArn"] != admin || sent.body["type"] != "STANDARD" ||
		!slices.Equal(keys, []string{"kubernetesGroups", "principalArn", "tags", "type"}) {
		t.Errorf("CreateAccessEntry on cluster %q sent %v, want the principal, type and groups on cluster prod", sent.cluster, sent.body)
	}
	f.ops()

	obs := observe("created, no policy associated yet")
	if want := []string{"accessPolicies[policyARN=" + adminPol + "]", "accessPolicies[policyARN=" + viewPol + "]"}; !slices.Equal(obs.Diff, want) {
		t.Fatalf("created: diff %v, want %v", obs.Diff, want)
	}
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %s", managed.Describe(err))
	}
	if w := writes(f.ops()); !slices.Equal(w, []string{"AssociateAccessPolicy", "AssociateAccessPolicy"}) {
		t.Errorf("the first update wrote %v, want two AssociateAccessPolicy calls", w)
	}
	got := f.associated()
	if scope, _ := got[viewPol].(map[string]any); len(got) != 2 || scope["type"] != "namespace" || !slices.Equal(anyStrings(scope["namespaces"]), []string{"default"}) {
		t.Errorf("EKS has the policies %v, want the cluster admin policy and the view policy scoped to namespace default", got)
	}
	if obs := observe("associated"); len(obs.Diff) != 0 || aws.ToString(obs.ARN) != "arn:aws:eks:us-west-2:123456789012:access-entry/"+entryInEKS {
		t.Errorf("associated: diff %v, ARN %q; want no difference and the entry's ARN", obs.Diff, aws.ToString(obs.ARN))
	}

	cr.Spec.AccessPolicies = []v1alpha1.AssociateAccessPolicyInput{policy(adminPol, "cluster"), policy(editPol, "namespace", "apps")}
	cr.Spec.Username = aws.String("platform-admin")
	obs = observe("a policy swapped, the username changed")
	if want := []string{"username", "accessPolicies[policyARN=" + editPol + "]", "accessPolicies[policyARN=" + viewPol + "]"}; !slices.Equal(obs.Diff, want) {
		t.Fatalf("swapped: diff %v, want %v", obs.Diff, want)
	}
	f.ops()
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %s", managed.Describe(err))
	}
	if up := f.last(t, "UpdateAccessEntry"); !slices.Equal(sentKeys(up), []string{"username"}) {
		t.Errorf("UpdateAccessEntry sent %v, want the username alone", up.body)
	}
	if d := f.last(t, "DisassociateAccessPolicy"); d.params[2] != viewPol {
		t.Errorf("DisassociateAccessPolicy took %v, want the view policy", d.params)
	}
	if w := writes(f.ops()); !slices.Equal(w, []string{"UpdateAccessEntry", "DisassociateAccessPolicy", "AssociateAccessPolicy"}) {
		t.Errorf("the swap wrote %v, want UpdateAccessEntry, one disassociate (view) and one associate (edit)", w)
	}
	if got := f.associated(); len(got) != 2 || got[editPol] == nil || got[adminPol] == nil {
		t.Errorf("after the swap EKS has %v, want the admin and edit policies", got)
	}

	f.mu.Lock()
	delete(f.policies[entryInEKS], adminPol)
	f.mu.Unlock()
	obs = observe("admin policy disassociated outside")
	if want := []string{"accessPolicies[policyARN=" + adminPol + "]"}; !slices.Equal(obs.Diff, want) {
		t.Fatalf("disassociated outside: diff %v, want %v", obs.Diff, want)
	}
	f.ops()
	if err := ext.Update(ctx, cr, obs); err != nil {
		t.Fatalf("Update: %s", managed.Describe(err))
	}
	if w := writes(f.ops()); !slices.Equal(w, []string{"AssociateAccessPolicy"}) || f.associated()[adminPol] == nil {
		t.Errorf("putting the admin policy back wrote %v, want one AssociateAccessPolicy", w)
	}

	if err := ext.Delete(ctx, cr); err != nil {
		t.Fatalf("Delete: %s", managed.Describe(err))
	}
	if obs := observe("after the delete"); obs.Exists {
		t.Error("after the delete: the entry exists")
	}
	if err := ext.Delete(ctx, cr); err != nil {
		t.Errorf("Delete of an entry already gone: %s", managed.Describe(err))
	}
}

func anyStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, s := range list {
		str, _ := s.(string)
		out = append(out, str)
	}
	return out
}
