package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestAddCollectionKeyBesideStruct: a keyed collection whose put takes
// the key (policyArn) beside one structure (accessScope), as EKS's
// AssociateAccessPolicy does, has entries made of both, keyed by the
// member the delete takes, and is no error about a key the structure
// lacks.
func TestAddCollectionKeyBesideStruct(t *testing.T) {
	yaml := "resources:\n  AccessEntry:\n    subResources:\n      AccessPolicies: {put: AssociateAccessPolicy, delete: DisassociateAccessPolicy, list: ListAssociatedAccessPolicies}\n"
	r := resource(t, mustRun(t, "entries.json", yaml, Options{}), "AccessEntry")
	sr := r.SubResources[0]
	f := field(r, "AccessPolicies")
	if f == nil || sr.List == nil || !sr.EntryInPut {
		t.Fatalf("accessPolicies is not a collection of the put's members: %+v", sr)
	}
	got := strings.Join([]string{model.TypeString(f.Type), strings.Join(sr.EntryKeys, ","), sr.List.Name + "@" + strings.Join(sr.List.OutputPath, "."), sr.Delete.Name}, "; ")
	if want := "[]struct AssociateAccessPolicyInput; policyArn; ListAssociatedAccessPolicies@AssociatedAccessPolicies; DisassociateAccessPolicy"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestLastWordARN: a read output naming its ARN after the resource name's
// last word (entryArn for AccessEntry, as EKS's associationArn for
// PodIdentityAssociation) gives the resource's ARN, and stays a status
// field under its own name.
func TestLastWordARN(t *testing.T) {
	r := resource(t, mustRun(t, "entries.json", "resources:\n  AccessEntry: {}\n", Options{}), "AccessEntry")
	if r.ARNMember != "entryArn" {
		t.Errorf("ARN member %q, want entryArn", r.ARNMember)
	}
	if f := field(r, "entryArn"); f == nil || f.Class != model.ClassStatus {
		t.Errorf("entryArn is %+v, want a status field of its own too", f)
	}
}
