package operator

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	toolscache "k8s.io/client-go/tools/cache"
)

func TestStripUnread(t *testing.T) {
	fields := []metav1.ManagedFieldsEntry{{Manager: "kubectl", Operation: metav1.ManagedFieldsOperationApply}}
	cases := []struct {
		reason string
		in     metav1.Object
		// annotations the cached object keeps
		annotations map[string]string
	}{
		{
			reason:      "a kubectl-applied object keeps only what the reconciler reads: the services.k8s.aws annotations, not managedFields or the last-applied copy",
			in:          &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{ManagedFields: fields, Annotations: map[string]string{lastApplied: `{"big":"copy"}`, "services.k8s.aws/region": "eu-west-1"}}},
			annotations: map[string]string{"services.k8s.aws/region": "eu-west-1"},
		},
		{
			reason: "an object read as unstructured or metadata is stripped too",
			in: func() metav1.Object {
				u := &unstructured.Unstructured{}
				u.SetManagedFields(fields)
				u.SetAnnotations(map[string]string{lastApplied: "{}"})
				return u
			}(),
			annotations: map[string]string{},
		},
		{
			reason:      "an object without either is left as it is",
			in:          &metav1.PartialObjectMetadata{ObjectMeta: metav1.ObjectMeta{Annotations: map[string]string{"a": "b"}}},
			annotations: map[string]string{"a": "b"},
		},
	}
	for _, tc := range cases {
		out, err := stripUnread()(tc.in)
		if err != nil {
			t.Fatalf("%s\n%v", tc.reason, err)
		}
		obj := out.(metav1.Object)
		if len(obj.GetManagedFields()) != 0 {
			t.Errorf("%s\nmanagedFields kept: %v", tc.reason, obj.GetManagedFields())
		}
		if got := obj.GetAnnotations(); !reflect.DeepEqual(got, tc.annotations) && !(len(got) == 0 && len(tc.annotations) == 0) {
			t.Errorf("%s\nannotations %v, want %v", tc.reason, got, tc.annotations)
		}
	}
	tomb := toolscache.DeletedFinalStateUnknown{Key: "ns/x"}
	if out, err := stripUnread()(tomb); err != nil || out != tomb {
		t.Errorf("a tombstone must pass through unchanged: %v %v", out, err)
	}
}

// TestCacheStripsUnread: the controller's cache options carry the
// transform, for every kind, with or without --watch-selectors.
func TestCacheStripsUnread(t *testing.T) {
	for _, selectors := range []string{"", "app=orders"} {
		opts, err := cacheOptions(nil, Flags{WatchSelectors: selectors})
		if err != nil {
			t.Fatal(err)
		}
		if opts.DefaultTransform == nil {
			t.Errorf("watch selectors %q: the cache keeps managedFields and last-applied copies", selectors)
		}
	}
}
