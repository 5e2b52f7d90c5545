package v1alpha1

// BytesSource names a key of a ConfigMap or a Secret, in the object's own
// namespace, whose bytes a spec field takes instead of holding them: a
// Lambda function's zip from code.zipFileFrom. Exactly one is set.
// +kubebuilder:validation:XValidation:rule="has(self.configMapKeyRef) != has(self.secretKeyRef)",message="set exactly one of configMapKeyRef and secretKeyRef"
type BytesSource struct {
	// ConfigMapKeyRef names a ConfigMap key, read from its binaryData or,
	// as UTF-8 text, its data.
	// +optional
	ConfigMapKeyRef *KeyReference `json:"configMapKeyRef,omitempty"`
	// SecretKeyRef names a Secret key, read from its data.
	// +optional
	SecretKeyRef *KeyReference `json:"secretKeyRef,omitempty"`
}

// KeyReference names one key of a ConfigMap or Secret in the object's
// namespace.
type KeyReference struct {
	// Name of the ConfigMap or Secret.
	// +kubebuilder:validation:Required
	// +kubebuilder:validation:MinLength=1
	Name string `json:"name"`
	// Key of its data.
	// +kubebuilder:validation:Required
	// +kubebuilder:validation:MinLength=1
	Key string `json:"key"`
}

// DeepCopyInto copies the receiver into out.
func (in *KeyReference) DeepCopyInto(out *KeyReference) { *out = *in }

// DeepCopy returns a deep copy of the receiver.
func (in *KeyReference) DeepCopy() *KeyReference {
	if in == nil {
		return nil
	}
	out := new(KeyReference)
	in.DeepCopyInto(out)
	return out
}

// DeepCopyInto copies the receiver into out.
func (in *BytesSource) DeepCopyInto(out *BytesSource) {
	*out = BytesSource{ConfigMapKeyRef: in.ConfigMapKeyRef.DeepCopy(), SecretKeyRef: in.SecretKeyRef.DeepCopy()}
}

// DeepCopy returns a deep copy of the receiver.
func (in *BytesSource) DeepCopy() *BytesSource {
	if in == nil {
		return nil
	}
	out := new(BytesSource)
	in.DeepCopyInto(out)
	return out
}
