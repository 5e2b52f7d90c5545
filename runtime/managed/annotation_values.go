package managed

import (
	"strconv"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// AnnotationBool is the boolean obj's annotation name gives (RDS's
// rds.services.k8s.aws/skip-final-snapshot), or fallback when obj lacks
// the annotation. A value strconv.ParseBool refuses is Terminal: a typo
// must not decide whether a final snapshot is taken.
func AnnotationBool(obj metav1.Object, name string, fallback *bool) (*bool, error) {
	s, ok := obj.GetAnnotations()[name]
	if !ok {
		return fallback, nil
	}
	v, err := strconv.ParseBool(s)
	if err != nil {
		return nil, Terminalf("annotation %s: %q is neither true nor false", name, s)
	}
	return &v, nil
}

// AnnotationString is the text of obj's annotation name (RDS's
// rds.services.k8s.aws/final-db-snapshot-identifier); nil when obj lacks
// it or it is empty.
func AnnotationString(obj metav1.Object, name string) *string {
	s := obj.GetAnnotations()[name]
	if s == "" {
		return nil
	}
	return &s
}

// HasAnnotation reports whether obj carries the annotation name.
func HasAnnotation(obj metav1.Object, name string) bool {
	_, ok := obj.GetAnnotations()[name]
	return ok
}
