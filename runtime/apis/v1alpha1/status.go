package v1alpha1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// ResourceMetadata is the AWS identity of a resource. The runtime pins it
// once the resource exists, so that a later change of region annotation
// cannot silently move the resource.
type ResourceMetadata struct {
	// ARN is the Amazon Resource Name of the resource, once known.
	// +optional
	ARN *string `json:"arn,omitempty"`
	// OwnerAccountID is the AWS account that owns the resource.
	// +optional
	OwnerAccountID *string `json:"ownerAccountID,omitempty"`
	// Region is the AWS region the resource lives in.
	// +optional
	Region *string `json:"region,omitempty"`
	// Ownership records how this object came to manage the resource:
	// Created (it made it) or Adopted (an adoption policy took it over).
	// Empty means it manages nothing: a read-only object observes a
	// resource without owning it, and never deletes it.
	// +optional
	// +kubebuilder:validation:Enum=Created;Adopted
	Ownership Ownership `json:"ownership,omitempty"`
}

// Ownership is how an object came to manage its AWS resource.
type Ownership string

const (
	OwnershipCreated Ownership = "Created"
	OwnershipAdopted Ownership = "Adopted"
)

// ManagedStatus is embedded inline in the status of every generated kind.
type ManagedStatus struct {
	// ACKResourceMetadata is the AWS identity of the resource.
	// +optional
	ACKResourceMetadata *ResourceMetadata `json:"ackResourceMetadata,omitempty"`
	// Conditions are Ready, ACK.ResourceSynced, ACK.Terminal, ACK.Recoverable,
	// ACK.ReferencesResolved and ACK.LateInitialized.
	// +optional
	// +listType=map
	// +listMapKey=type
	Conditions []metav1.Condition `json:"conditions,omitempty"`
	// LastDrift is the last change made outside Kubernetes that the
	// controller put back.
	// +optional
	LastDrift *Drift `json:"lastDrift,omitempty"`
	// SecretsVersion identifies the spec's Secret references and the
	// versions of the Secrets last sent to AWS: a hash of the referencing
	// fields and of the Secrets' resource versions, never of a value. When
	// it no longer matches, the next resync sends the secrets again.
	// +optional
	SecretsVersion string `json:"secretsVersion,omitempty"`
	// LastApplied holds a hash of the value last sent to AWS of each spec
	// field that AWS does not report back (or not always), by JSON name:
	// the controller sends such a field when the spec moves away from it.
	// +optional
	LastApplied map[string]string `json:"lastApplied,omitempty"`
}

// Drift records one correction of a change made in AWS behind the
// controller's back.
type Drift struct {
	// Fields are the spec paths whose AWS value differed from the spec.
	Fields []string `json:"fields,omitempty"`
	// CorrectedAt is when the controller sent the correcting update.
	CorrectedAt metav1.Time `json:"correctedAt"`
}
