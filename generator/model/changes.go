package model

// Changes is set on a sub-resource whose put takes the value as the
// changes from what AWS reports, in two members of one structure: EKS's
// UpdateNodegroupConfig takes a node group's labels as
// UpdateLabelsPayload{addOrUpdateLabels, removeLabels}. The field, a map
// or a list of structures, keeps the create's type; the resource's read
// returns it.
type Changes struct {
	// Add and Remove are the put member structure's fields taking the
	// entries to add or update, and what to remove.
	Add, Remove *Field
	// RemoveWhole is set where Remove takes the entries AWS has, whole
	// (removeTaints), rather than their keys (removeLabels).
	RemoveWhole bool
}
