package managed

import (
	"strconv"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// AnnotationInt is the integer obj's annotation name gives (KMS's
// kms.services.k8s.aws/pending-window-in-days), or fallback when obj lacks
// the annotation. A value that is no integer of T's size is Terminal: only
// the annotation's change can fix it.
func AnnotationInt[T int32 | int64](obj metav1.Object, name string, fallback *T) (*T, error) {
	s, ok := obj.GetAnnotations()[name]
	if !ok {
		return fallback, nil
	}
	var zero T
	n, err := strconv.ParseInt(s, 10, bitsOf(zero))
	if err != nil {
		return nil, Terminalf("annotation %s: %q is no whole number of %d bits", name, s, bitsOf(zero))
	}
	v := T(n)
	return &v, nil
}

// bitsOf is the size of an int32 or int64.
func bitsOf[T int32 | int64](v T) int {
	if _, ok := any(v).(int32); ok {
		return 32
	}
	return 64
}
