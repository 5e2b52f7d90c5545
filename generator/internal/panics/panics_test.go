package panics

import "testing"

func TestSite(t *testing.T) {
	cases := []struct {
		reason string
		raise  func()
		want   string
	}{
		{"a runtime error", func() {
			var m map[string]bool
			m["x"] = true // the site
		}, "panics_test.go:13"},
		{"a panic that code above added context to", func() {
			defer func() { panic(recover()) }()
			panic("x") // the site
		}, "panics_test.go:17"},
	}
	for _, c := range cases {
		var site string
		func() {
			defer func() {
				recover()
				site = Site()
			}()
			c.raise()
		}()
		if site != c.want {
			t.Errorf("%s: Site() = %q, want %q, the line that panicked", c.reason, site, c.want)
		}
	}
}
