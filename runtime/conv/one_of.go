package conv

import "slices"

// OneOf is the value of a string field that AWS reports as a list (RDS's
// DBParameterGroups for an instance's one parameter group): want when the
// list holds it, else the first, nil when the list is empty.
func OneOf(values []string, want *string) *string {
	if want != nil && slices.Contains(values, *want) {
		return want
	}
	return First(values)
}
