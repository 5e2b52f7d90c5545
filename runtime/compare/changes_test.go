package compare

import (
	"reflect"
	"testing"
)

func TestMapPlan(t *testing.T) {
	cases := []struct {
		reason            string
		desired, observed map[string]string
		wantSet           map[string]string
		wantRemove        []string
	}{
		{reason: "equal maps change nothing", desired: map[string]string{"a": "1"}, observed: map[string]string{"a": "1"}},
		{reason: "a new key and a changed value are set, an old key removed",
			desired: map[string]string{"a": "1", "b": "3"}, observed: map[string]string{"b": "2", "z": "9", "c": "0"},
			wantSet: map[string]string{"a": "1", "b": "3"}, wantRemove: []string{"c", "z"}},
		{reason: "an empty desired map removes every observed key", desired: map[string]string{}, observed: map[string]string{"a": "1"},
			wantRemove: []string{"a"}},
	}
	for _, tc := range cases {
		set, remove := MapPlan(tc.desired, tc.observed)
		if !reflect.DeepEqual(set, tc.wantSet) || !reflect.DeepEqual(remove, tc.wantRemove) {
			t.Errorf("%s: MapPlan = %v, %v; want %v, %v", tc.reason, set, remove, tc.wantSet, tc.wantRemove)
		}
	}
}
