package managed

import (
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TestAnnotationInt checks how a delete input's integer is read from an
// annotation: its value, the fallback when it is absent, Terminal when it
// is no integer of the member's size.
func TestAnnotationInt(t *testing.T) {
	const name = "kms.services.k8s.aws/pending-window-in-days"
	seven := int32(7)
	cases := []struct {
		reason   string
		value    *string
		want     *int32
		terminal bool
	}{
		{reason: "the annotation's value is sent", value: ptr("10"), want: ptr(int32(10))},
		{reason: "without the annotation the fallback is sent", want: &seven},
		{reason: "a value that is no number is Terminal", value: ptr("ten"), terminal: true},
		{reason: "a value past int32 is Terminal", value: ptr("4294967296"), terminal: true},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			obj := &metav1.ObjectMeta{}
			if c.value != nil {
				obj.Annotations = map[string]string{name: *c.value}
			}
			got, err := AnnotationInt(obj, name, &seven)
			if c.terminal {
				if !IsTerminal(err, nil, nil) {
					t.Errorf("%s: got %v, %v; want a Terminal error", c.reason, got, err)
				}
				return
			}
			if err != nil || got == nil || *got != *c.want {
				t.Errorf("%s: got %v, %v; want %d", c.reason, got, err, *c.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
