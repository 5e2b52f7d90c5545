package managed

import ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"

// ARN is the resource's ARN the object records, nil until known: the
// identifier of a kind whose operations take the ARN (an IAM policy's
// PolicyArn).
func ARN(obj Object) *string {
	if md := obj.GetManagedStatus().ACKResourceMetadata; md != nil {
		return md.ARN
	}
	return nil
}

// SetARN records the ARN a create returned, so that the read after it
// finds the resource by it; nil records nothing.
func SetARN(obj Object, arn *string) {
	if arn == nil {
		return
	}
	status := obj.GetManagedStatus()
	if status.ACKResourceMetadata == nil {
		status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{}
	}
	a := *arn
	status.ACKResourceMetadata.ARN = &a
}
