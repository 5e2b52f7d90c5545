package managed

import (
	"strconv"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// AnnotationTrue reports whether obj's annotation name says true
// (strconv.ParseBool's words: "true", "1", "T", …). Absent or anything
// else is false, as the incumbent reads its force-delete annotation.
func AnnotationTrue(obj metav1.Object, name string) bool {
	v, err := strconv.ParseBool(obj.GetAnnotations()[name])
	return err == nil && v
}
