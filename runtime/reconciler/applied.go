package reconciler

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// The fields of Kind.AppliedFields are ones AWS does not report back (or
// not always), so drift in them cannot be seen; what can be seen is the
// spec moving away from what was last applied. status.lastApplied keeps a
// hash of each such value as sent at create or update.

// appliedChanges compares the spec with the record of what was last
// applied: an updatable field that moved joins obs.Diff, so the manager
// sends it; a create-only one that moved is refused, as are the paths the
// manager found no update can change. A field with no record (an adopted
// resource, or one created before the record existed) is sent once when
// set.
func appliedChanges(kind []managed.AppliedField, record map[string]string, spec map[string]any, obs *managed.Observation) (refused []string) {
	refused = append(refused, obs.Immutable...)
	for _, f := range kind {
		h, set := appliedHash(spec, f.Field)
		old, known := record[f.Field]
		switch {
		case f.Observed:
			// The manager compares it with what AWS reports.
		case !set || (known && old == h):
		case f.CreateOnly && known:
			refused = append(refused, f.Field)
		case f.CreateOnly:
			// Nothing to compare with: record the spec's value from now on.
		case !obs.Changed(f.Field):
			obs.Diff = append(obs.Diff, f.Field)
		}
	}
	return refused
}

// recordApplied returns the record once the spec's values have been
// applied: updatable fields take their spec value; a create-only field
// keeps its first record, since AWS kept its first value.
func recordApplied(kind []managed.AppliedField, record map[string]string, spec map[string]any) map[string]string {
	out := map[string]string{}
	for _, f := range kind {
		h, set := appliedHash(spec, f.Field)
		if old, known := record[f.Field]; f.CreateOnly && known {
			out[f.Field] = old
		} else if set {
			out[f.Field] = h
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// appliedHash is a short hash of a top-level spec field's value as JSON
// (object keys sorted), and whether the spec sets it.
func appliedHash(spec map[string]any, field string) (string, bool) {
	v, ok := spec[field]
	if !ok || v == nil {
		return "", false
	}
	data, err := json.Marshal(v)
	if err != nil {
		// A value read from the API server is JSON; this cannot happen.
		return "", false
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8]), true
}

// refusedMessage explains a refused spec change.
func refusedMessage(kind string, paths []string) string {
	paths = slices.Compact(slices.Sorted(slices.Values(paths)))
	return "the spec changes " + strings.Join(paths, ", ") + ", which AWS takes only when it creates the " + kind +
		"; restore the previous value, or delete and recreate the resource to change it"
}
