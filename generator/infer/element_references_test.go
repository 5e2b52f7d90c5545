package infer

import (
	"strings"
	"testing"
)

// TestElementReferences checks where a reference may go below the top: on
// a member of the elements of a list of structures, which the runtime
// resolves element by element, or of a structure, but only on a string;
// and that a kind of this service not generated yet can be named in the
// incumbent's spelling.
func TestElementReferences(t *testing.T) {
	cases := []struct {
		reason   string
		field    string
		kind     string
		wantErr  string
		wantKind string
	}{
		{
			reason:   "a member of a list's elements takes a reference; the kind is one of this service's",
			field:    "KeySchema.AttributeName",
			kind:     "Table",
			wantKind: "Table",
		},
		{
			reason:   "a kind not generated whose Create<Kind> the model has may be named without regard to case, as NATGateway by CreateNatGateway",
			field:    "KeySchema.AttributeName",
			kind:     "TOPIC",
			wantKind: "TOPIC",
		},
		{
			reason:   "a member of a structure that is no list takes one too (S3's Replication.Role)",
			field:    "Stream.name",
			kind:     "Table",
			wantKind: "Table",
		},
		{
			reason:  "a member that is no string cannot take one",
			field:   "KeySchema.KeyType",
			kind:    "Table",
			wantErr: "generator.yaml:5: KeyType is not a string or list of strings, so it cannot refer to a Table",
		},
		{
			reason:  "a kind no resource of the service has is still refused",
			field:   "KeySchema.AttributeName",
			kind:    "Tabel",
			wantErr: `generator.yaml:5: fixture has no kind Tabel to refer to (did you mean "Table"?)`,
		},
	}
	for _, c := range cases {
		t.Run(c.field+"/"+c.kind, func(t *testing.T) {
			yaml := "resources:\n  Table:\n    fields:\n      " + c.field + ":\n        reference: {kind: " + c.kind + "}\n"
			res, err := run(t, "names.json", yaml, Options{})
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("%s\ngot error %v\nwant %q", c.reason, err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", c.reason, err)
			}
			shape := map[string]string{"KeySchema": "KeyElement", "Stream": "StreamTarget"}[strings.Split(c.field, ".")[0]]
			member := strings.Split(c.field, ".")[1]
			elem := res.Service.Structs[shape].FieldByMember(member)
			if elem.Reference == nil || elem.Reference.Kind != c.wantKind {
				t.Fatalf("%s: %s.%s has reference %+v, want kind %s", c.reason, shape, member, elem.Reference, c.wantKind)
			}
		})
	}
}
