package infer

import "github.com/kubesmith/kubesmith/generator/model"

// heldByActions reports whether the update's member is the per-element
// actions of a spec list (updatedAs), which the update fills. A delete
// that is the update itself (DynamoDB's UpdateGlobalTable: a global table
// goes with its last replica) fills it too, with a Delete action for
// every element AWS reports.
func heldByActions(r *model.Resource, op *model.Operation, member string) bool {
	if r.Update == nil || op.Name != r.Update.Name {
		return false
	}
	for _, f := range r.Spec {
		if f.UpdatedBy != nil && f.UpdatedBy.Member == member {
			return true
		}
	}
	return false
}
