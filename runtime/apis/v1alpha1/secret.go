package v1alpha1

// SecretKeyReference is the value of a spec field that AWS marks
// @sensitive: the key of a Kubernetes Secret that holds it, so that the
// value itself never sits in the object, its status or its history. The
// shape matches the incumbent's, so that manifests keep working.
type SecretKeyReference struct {
	// Name of the Secret.
	// +kubebuilder:validation:Required
	// +kubebuilder:validation:MinLength=1
	Name string `json:"name"`
	// Key of the Secret's data that holds the value.
	// +kubebuilder:validation:Required
	// +kubebuilder:validation:MinLength=1
	Key string `json:"key"`
	// Namespace of the Secret; the referencing object's own namespace
	// when empty.
	// +optional
	Namespace string `json:"namespace,omitempty"`
}

// SecretReference names a whole Kubernetes Secret: each of its keys
// becomes one entry of a map that AWS marks @sensitive, such as a Lambda
// function's environment variables, the way a Pod's envFrom reads one.
type SecretReference struct {
	// Name of the Secret.
	// +kubebuilder:validation:Required
	// +kubebuilder:validation:MinLength=1
	Name string `json:"name"`
	// Namespace of the Secret; the referencing object's own namespace
	// when empty.
	// +optional
	Namespace string `json:"namespace,omitempty"`
}
