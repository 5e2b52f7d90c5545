//go:build bench

package bench

import (
	"testing"
	"time"
)

// TestLinearity checks the report's linearity rows: per-object cost at
// each level and its ratio to the smallest level, which is what tells a
// reader whether 1,000 objects cost ten times 100.
func TestLinearity(t *testing.T) {
	lv := func(n int, took time.Duration, calls, writes int) level {
		return level{kind: "Table", n: n,
			create: phase{took: took, calls: calls, objectWrites: writes},
			resync: phase{}, delete: phase{}}
	}
	cases := []struct {
		reason string
		levels []level
		want   []string // ratio per level, smallest first
	}{
		{reason: "a linear cost: ten times the objects, ten times the time, calls and writes",
			levels: []level{lv(100, time.Second, 600, 200), lv(1000, 10*time.Second, 6000, 2000)},
			want:   []string{"1.00, 1.00, 1.00", "1.00, 1.00, 1.00"}},
		{reason: "levels in any order are compared with the smallest; calls growing with the square show",
			levels: []level{lv(1000, 20*time.Second, 60000, 2000), lv(100, time.Second, 600, 200), lv(300, 3*time.Second, 5400, 600)},
			want:   []string{"1.00, 1.00, 1.00", "1.00, 3.00, 1.00", "2.00, 10.00, 1.00"}},
		{reason: "writes the watch lost are unknown, not a ratio",
			levels: []level{lv(100, time.Second, 600, 200), lv(300, 3*time.Second, 1800, -1)},
			want:   []string{"1.00, 1.00, 1.00", "1.00, 1.00, unknown"}},
	}
	for _, tc := range cases {
		rows := linearity(tc.levels)
		if len(rows) != len(tc.want) {
			t.Fatalf("%s: %d rows, want %d", tc.reason, len(rows), len(tc.want))
		}
		for i, r := range rows {
			if r.ratio != tc.want[i] {
				t.Errorf("%s: level %d: ratio %q, want %q", tc.reason, r.n, r.ratio, tc.want[i])
			}
		}
	}
}
