package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestStatementCollection: permissions declared as the statements of the
// policy document GetPolicy returns are a keyed collection of
// AddPermission's input without the widget's name, keyed by StatementId,
// read from the document at Policy, every member read from the statements
// but the unread RevisionId (a status field of the widget too, which stays
// in the entry).
func TestStatementCollection(t *testing.T) {
	yaml := `resources:
  Widget:
    subResources:
      Permissions:
        put: AddPermission
        get: GetPolicy
        delete: RemovePermission
        statements: {document: Policy, unread: [RevisionId]}
`
	r := resource(t, mustRun(t, "policies.json", yaml, Options{}), "Widget")
	f := field(r, "Permissions")
	if f == nil || f.SubResource == nil || f.SubResource.Statements == nil {
		t.Fatalf("permissions is not a collection of statements: %+v", f)
	}
	sr := f.SubResource
	got := strings.Join([]string{
		model.TypeString(f.Type), strings.Join(sr.EntryKeys, ","), sr.Put.Name, sr.Get.Name + "@" + sr.Statements.Document, sr.Delete.Name,
		strings.Join(sr.Statements.Members, ","), strings.Join(sr.Statements.Unread, ","),
	}, "; ")
	want := "[]struct AddPermissionInput; StatementId; AddPermission; GetPolicy@Policy; RemovePermission; Action,Principal,SourceArn,AuthType,ViaUrl; RevisionId"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if !sr.EntryInPut || !f.Type.Unique {
		t.Errorf("entries are not the put's own members compared as a set: EntryInPut %t, unique %t", sr.EntryInPut, f.Type.Unique)
	}
}

// TestStatementCollectionErrors: a statement collection that cannot be
// read is an error naming what is wrong.
func TestStatementCollectionErrors(t *testing.T) {
	cases := []struct {
		reason, statements, want string
	}{
		{"the document member is not in the get's output", "{document: Polcy, unread: [RevisionId]}", `Polcy is no member of GetPolicyOutput (did you mean "Policy"?)`},
		{"an unread member is not in the entries", "{document: Policy, unread: [Revision]}", "unread names Revision, which is no member of its entries"},
		{"without RevisionId unread, the delete shares two strings with the entries", "{document: Policy}", "cannot tell which member of RemovePermission's input names a statement; name it with key:"},
	}
	for _, c := range cases {
		yaml := "resources:\n  Widget:\n    subResources:\n      Permissions: {put: AddPermission, get: GetPolicy, delete: RemovePermission, statements: " + c.statements + "}\n"
		_, err := run(t, "policies.json", yaml, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.want)
		}
	}
}
