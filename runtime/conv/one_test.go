package conv

import (
	"slices"
	"testing"
)

func TestFirstAndOne(t *testing.T) {
	cases := []struct {
		reason string
		list   []string
		first  *string
	}{
		{"an empty list sends nothing", nil, nil},
		{"one element is sent as the value", []string{"10.0.0.0/16"}, Of("10.0.0.0/16")},
	}
	for _, c := range cases {
		got := First(c.list)
		if (got == nil) != (c.first == nil) || (got != nil && *got != *c.first) {
			t.Errorf("%s: First(%v) = %v, want %v", c.reason, c.list, got, c.first)
		}
		if back := One(got); !slices.Equal(back, c.list) {
			t.Errorf("%s: One(First(%v)) = %v, the list read back", c.reason, c.list, back)
		}
	}
}
