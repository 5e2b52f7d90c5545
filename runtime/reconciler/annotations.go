package reconciler

import "strings"

// Annotations users set on resources and namespaces. The names match the
// incumbent so that existing manifests keep working.
const (
	// annotationPrefix: a change to any annotation with it, on an object
	// or its namespace, triggers a pass.
	annotationPrefix = "services.k8s.aws/"

	AnnotationRegion         = "services.k8s.aws/region"
	AnnotationDefaultRegion  = "services.k8s.aws/default-region"
	AnnotationOwnerAccountID = "services.k8s.aws/owner-account-id"
	AnnotationDeletionPolicy = "services.k8s.aws/deletion-policy"
	AnnotationReadOnly       = "services.k8s.aws/read-only"
	AnnotationAdoptionPolicy = "services.k8s.aws/adoption-policy"
	AnnotationAdoptionFields = "services.k8s.aws/adoption-fields"
	// AnnotationPaused "true" stops every reconcile of the object.
	AnnotationPaused = "services.k8s.aws/paused"
	// AnnotationReconcileRequestedAt is any value; changing it asks for an
	// immediate check against AWS.
	AnnotationReconcileRequestedAt = "services.k8s.aws/reconcile-requested-at"
	// AnnotationCreatePending holds the time the controller sent its last
	// create and the region and account it sent it to. The controller sets
	// it, with the finalizer, in one write just before the call. While the
	// status records no ownership the create's answer is unknown: found
	// then, it means the answer was lost. Once the status records the
	// outcome it stays as a record, so a create costs no write to remove
	// it. A person removes it to let the controller create again after
	// checking AWS.
	AnnotationCreatePending = "services.k8s.aws/create-pending"
)

// Deletion policies.
const (
	DeletionPolicyDelete = "delete"
	DeletionPolicyRetain = "retain"
)

// Adoption policies.
const (
	AdoptionPolicyAdopt         = "adopt"
	AdoptionPolicyAdoptOrCreate = "adopt-or-create"
)

// ourAnnotations returns the annotations that steer the controller: the
// services.k8s.aws/* ones but its own create-pending record.
func ourAnnotations(all map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range all {
		if strings.HasPrefix(k, annotationPrefix) && k != AnnotationCreatePending {
			out[k] = v
		}
	}
	return out
}
