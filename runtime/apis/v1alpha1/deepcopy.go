package v1alpha1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// These are written by hand because the runtime is not generated; they
// follow the shape controller-tools gives generated types.

// DeepCopyInto copies the receiver into out.
func (in *ResourceMetadata) DeepCopyInto(out *ResourceMetadata) {
	*out = ResourceMetadata{
		ARN:            copyString(in.ARN),
		OwnerAccountID: copyString(in.OwnerAccountID),
		Region:         copyString(in.Region),
		Ownership:      in.Ownership,
	}
}

// DeepCopy returns a deep copy of the receiver.
func (in *ResourceMetadata) DeepCopy() *ResourceMetadata {
	if in == nil {
		return nil
	}
	out := new(ResourceMetadata)
	in.DeepCopyInto(out)
	return out
}

// DeepCopyInto copies the receiver into out.
func (in *ManagedStatus) DeepCopyInto(out *ManagedStatus) {
	out.ACKResourceMetadata = in.ACKResourceMetadata.DeepCopy()
	out.Conditions = nil
	if in.Conditions != nil {
		out.Conditions = make([]metav1.Condition, len(in.Conditions))
		for i := range in.Conditions {
			in.Conditions[i].DeepCopyInto(&out.Conditions[i])
		}
	}
	out.LastDrift = in.LastDrift.DeepCopy()
	out.SecretsVersion = in.SecretsVersion
	out.LastApplied = nil
	if in.LastApplied != nil {
		out.LastApplied = make(map[string]string, len(in.LastApplied))
		for k, v := range in.LastApplied {
			out.LastApplied[k] = v
		}
	}
}

// DeepCopy returns a deep copy of the receiver.
func (in *ManagedStatus) DeepCopy() *ManagedStatus {
	if in == nil {
		return nil
	}
	out := new(ManagedStatus)
	in.DeepCopyInto(out)
	return out
}

// DeepCopy returns a deep copy of the receiver.
func (in *Drift) DeepCopy() *Drift {
	if in == nil {
		return nil
	}
	out := &Drift{CorrectedAt: *in.CorrectedAt.DeepCopy()}
	if in.Fields != nil {
		out.Fields = append([]string{}, in.Fields...)
	}
	return out
}

// DeepCopyInto copies the receiver into out.
func (in *Drift) DeepCopyInto(out *Drift) { *out = *in.DeepCopy() }

// DeepCopyInto copies the receiver into out.
func (in *AWSResourceReferenceWrapper) DeepCopyInto(out *AWSResourceReferenceWrapper) {
	out.From = in.From.DeepCopy()
}

// DeepCopy returns a deep copy of the receiver.
func (in *AWSResourceReferenceWrapper) DeepCopy() *AWSResourceReferenceWrapper {
	if in == nil {
		return nil
	}
	out := new(AWSResourceReferenceWrapper)
	in.DeepCopyInto(out)
	return out
}

// DeepCopyInto copies the receiver into out.
func (in *AWSResourceReference) DeepCopyInto(out *AWSResourceReference) {
	*out = AWSResourceReference{Name: copyString(in.Name), Namespace: copyString(in.Namespace)}
}

// DeepCopy returns a deep copy of the receiver.
func (in *AWSResourceReference) DeepCopy() *AWSResourceReference {
	if in == nil {
		return nil
	}
	out := new(AWSResourceReference)
	in.DeepCopyInto(out)
	return out
}

func copyString(s *string) *string {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}

// DeepCopyInto copies the receiver into out.
func (in *SecretKeyReference) DeepCopyInto(out *SecretKeyReference) { *out = *in }

// DeepCopy returns a deep copy of the receiver.
func (in *SecretKeyReference) DeepCopy() *SecretKeyReference {
	if in == nil {
		return nil
	}
	out := new(SecretKeyReference)
	in.DeepCopyInto(out)
	return out
}

// DeepCopyInto copies the receiver into out.
func (in *SecretReference) DeepCopyInto(out *SecretReference) { *out = *in }

// DeepCopy returns a deep copy of the receiver.
func (in *SecretReference) DeepCopy() *SecretReference {
	if in == nil {
		return nil
	}
	out := new(SecretReference)
	in.DeepCopyInto(out)
	return out
}
