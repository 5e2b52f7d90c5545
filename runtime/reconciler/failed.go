package reconciler

import "github.com/kubesmith/kubesmith/runtime/managed"

// failedState is the Terminal error of a resource AWS reports in a state
// it does not leave by itself (an EKS cluster FAILED): retrying the same
// spec cannot help, so the object waits for a spec change or a resync.
func failedState(state string) error {
	return managed.Terminalf("AWS reports the resource as %s, which it does not leave by itself; delete the object, or fix the cause and wait for the next resync", state)
}
