package conv

import "testing"

func TestEither(t *testing.T) {
	spec, status := "spec", "status"
	cases := []struct {
		reason string
		a, b   *string
		want   *string
	}{
		{"the spec's value wins", &spec, &status, &spec},
		{"the record stands in for an unset spec value", nil, &status, &status},
		{"neither is set: nil", nil, nil, nil},
	}
	for _, c := range cases {
		if got := Either(c.a, c.b); got != c.want {
			t.Errorf("%s: got %v, want %v", c.reason, got, c.want)
		}
	}
}
