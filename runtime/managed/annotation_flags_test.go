package managed

import (
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TestAnnotationTrue: only a value ParseBool calls true sets a flag.
func TestAnnotationTrue(t *testing.T) {
	const name = "ecr.services.k8s.aws/force-delete"
	cases := []struct {
		reason      string
		annotations map[string]string
		want        bool
	}{
		{"absent is false", nil, false},
		{"true is true", map[string]string{name: "true"}, true},
		{"True in another case is true", map[string]string{name: "True"}, true},
		{"false is false", map[string]string{name: "false"}, false},
		{"a word ParseBool does not know is false", map[string]string{name: "yes"}, false},
		{"another annotation does not count", map[string]string{"other": "true"}, false},
	}
	for _, c := range cases {
		obj := &metav1.ObjectMeta{Annotations: c.annotations}
		if got := AnnotationTrue(obj, name); got != c.want {
			t.Errorf("%s: got %t, want %t", c.reason, got, c.want)
		}
	}
}
