package sent

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSentFields checks the reading of a manager on small packages: a
// field only Observe reads is unsent.
func TestSentFields(t *testing.T) {
	cases := []struct {
		reason, src string
		want        map[string]bool
	}{
		{
			reason: "Create sends A through cr.Spec and B through a helper taking the spec; C is only compared",
			src: `package p
func (m *manager) Create(ctx context.Context, cr *v1alpha1.Thing) error { _ = cr.Spec.A; return send(&cr.Spec) }
func send(s *v1alpha1.ThingSpec) error { _ = s.B; return nil }
func (m *manager) Observe(ctx context.Context, cr *v1alpha1.Thing) { _ = cr.Spec.C }`,
			want: map[string]bool{"a": true, "b": true},
		},
		{
			reason: "a reference's field counts: the runtime resolves it into the field the writes read",
			src: `package p
func Kind() managed.Kind { return managed.Kind{References: []managed.Reference{{Field: "keyID", RefField: "keyRef"}}} }
func (m *manager) Update(ctx context.Context, cr *v1alpha1.Thing) error { _ = cr.Spec.KeyID; return nil }`,
			want: map[string]bool{"keyid": true, "keyref": true},
		},
	}
	for _, c := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "manager.go"), []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		got := sentFields(parsePackage(t, dir), "ThingSpec")
		if len(got) != len(c.want) {
			t.Errorf("%s: sent %v, want %v", c.reason, got, c.want)
			continue
		}
		for f := range c.want {
			if !got[f] {
				t.Errorf("%s: sent %v, want %v", c.reason, got, c.want)
			}
		}
	}
}
