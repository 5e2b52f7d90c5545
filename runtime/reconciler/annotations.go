package reconciler

// Annotations users set on resources and namespaces. The names match the
// incumbent so that existing manifests keep working.
const (
	AnnotationRegion         = "services.k8s.aws/region"
	AnnotationDefaultRegion  = "services.k8s.aws/default-region"
	AnnotationDeletionPolicy = "services.k8s.aws/deletion-policy"
)

// Deletion policies.
const (
	DeletionPolicyDelete = "delete"
	DeletionPolicyRetain = "retain"
)
