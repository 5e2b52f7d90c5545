package v1alpha1

// AWSResourceReferenceWrapper is the value of a `<field>Ref` spec field:
// {from: {name, namespace}}. The names match the incumbent's, so that
// manifests using references keep working.
type AWSResourceReferenceWrapper struct {
	// From names the referenced object.
	// +optional
	From *AWSResourceReference `json:"from,omitempty"`
}

// AWSResourceReference names another Kubernetes object whose status (or
// spec) supplies a value, such as a name or an ARN.
type AWSResourceReference struct {
	// Name of the referenced object.
	// +optional
	Name *string `json:"name,omitempty"`
	// Namespace of the referenced object; the referencing object's own
	// namespace when empty.
	// +optional
	Namespace *string `json:"namespace,omitempty"`
}
