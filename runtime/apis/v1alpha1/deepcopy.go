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

func copyString(s *string) *string {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}
