package compare

import "encoding/json"

// SameJSON reports whether two values hold the same JSON data, whatever
// the spacing, key order and number spelling of the raw JSON inside them:
// Smithy documents (runtime.RawExtension), alone or in lists and maps,
// come back from AWS formatted its own way.
func SameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && JSON(string(ja), string(jb))
}
