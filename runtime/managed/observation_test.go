package managed

import "testing"

func TestChangedOtherThan(t *testing.T) {
	cases := []struct {
		reason string
		diff   []string
		owned  []string
		want   bool
	}{
		{"no diff needs no update", nil, []string{"tags"}, false},
		{"only owned fields differ", []string{"tags", "logging"}, []string{"tags", "logging"}, false},
		{"a nested path of an owned field is owned", []string{"logging.bucket", "rules[0].name"}, []string{"logging", "rules"}, false},
		{"another field differs", []string{"logging", "size"}, []string{"logging"}, true},
		{"a prefix of a name is not the field", []string{"loggingLevel"}, []string{"logging"}, true},
	}
	for _, c := range cases {
		if got := (Observation{Diff: c.diff}).ChangedOtherThan(c.owned...); got != c.want {
			t.Errorf("%s: ChangedOtherThan(%v) on %v = %t, want %t", c.reason, c.owned, c.diff, got, c.want)
		}
	}
}
