package managed

import (
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestAnnotationBool(t *testing.T) {
	yes := true
	cases := []struct {
		reason      string
		annotations map[string]string
		fallback    *bool
		want        string // "true", "false", "nil" or "error"
	}{
		{"absent: the fallback", nil, &yes, "true"},
		{"absent without a fallback: nothing is sent", nil, nil, "nil"},
		{"false overrides a true fallback", map[string]string{"a": "false"}, &yes, "false"},
		{"strconv.ParseBool's words", map[string]string{"a": "F"}, &yes, "false"},
		{"a typo is an error, not a default", map[string]string{"a": "flase"}, &yes, "error"},
	}
	for _, c := range cases {
		obj := &metav1.ObjectMeta{Annotations: c.annotations}
		v, err := AnnotationBool(obj, "a", c.fallback)
		got := "nil"
		switch {
		case err != nil:
			got = "error"
		case v != nil && *v:
			got = "true"
		case v != nil:
			got = "false"
		}
		if got != c.want {
			t.Errorf("%s: got %s (%v), want %s", c.reason, got, err, c.want)
		}
	}
}
