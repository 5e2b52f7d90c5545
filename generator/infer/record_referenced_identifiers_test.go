package infer

import "testing"

// TestRecordReferencedIdentifiers: a Grant's keyID, an identifier that a
// reference may give, is kept in status as ListGrants reports it, so the
// delete can name the key after the Key object is gone; given without a
// reference option it is not.
func TestRecordReferencedIdentifiers(t *testing.T) {
	m := loadKMS(t)
	const grant = "resources:\n  Grant:\n    operations: {create: CreateGrant, read: ListGrants, delete: RevokeGrant}\n"
	cases := []struct {
		reason, yaml string
		want         bool
	}{
		{"keyID may come from keyRef", grant + "    fields:\n      KeyId: {reference: {kind: Key, path: .status.keyID}}\n", true},
		{"keyID is always written out", grant, false},
	}
	for _, c := range cases {
		res, err := Run("kms", m, parseConfig(t, c.yaml), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, "Grant")
		recorded := false
		for _, id := range r.Identifiers {
			recorded = recorded || id.Field == "KeyId" && id.Recorded
		}
		kept := statusField(r, "KeyId") != nil
		if recorded != c.want || kept != c.want {
			t.Errorf("%s: identifier recorded %t, status.keyID %t, want %t", c.reason, recorded, kept, c.want)
		}
	}
}
