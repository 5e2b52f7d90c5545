package reconciler

import "github.com/kubesmith/kubesmith/runtime/managed"

// failedState is the Terminal error of a resource AWS reports in a state
// it gave up in (an EKS add-on CREATE_FAILED or DEGRADED): retrying the
// same spec cannot help, so the object waits for a change of its spec, and
// the resync period re-reads it in case AWS recovers.
func failedState(kind, state string) error {
	return managed.Terminalf("AWS reports the %s as %s: change the spec to correct it, or delete the object and create it again", kind, state)
}
