package emit

import "testing"

// TestInShape checks that a panic while emitting nested shapes names the
// innermost one, the shape whose code was being built.
func TestInShape(t *testing.T) {
	var got any
	func() {
		defer func() { got = recover() }()
		func() {
			defer inShape("Outer")
			func() {
				defer inShape("Inner")
				var m map[string]bool
				m["x"] = true
			}()
		}()
	}()
	p, ok := got.(*ShapePanic)
	if !ok || p.Shape != "Inner" || p.Error() != "shape Inner: assignment to entry in nil map" {
		t.Errorf("got %#v, want a *ShapePanic naming Inner", got)
	}
}
