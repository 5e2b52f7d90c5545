package managed

import (
	"slices"
	"strings"
)

// PartialUpdate is what Update returns when the kind takes one update at a
// time (oneUpdatePerPass) and it sent one while more of the diff differs:
// not a failure, but the runtime must not record Unsent as applied, or a
// value AWS never got (a recorded field, such as Lambda's code) would
// never be sent. The next pass, once AWS is done, sends the next.
type PartialUpdate struct {
	// Unsent are the diff's paths this pass left for later passes.
	Unsent []string
}

func (e *PartialUpdate) Error() string {
	return "left for a later pass: " + strings.Join(e.Unsent, ", ")
}

// Partial ends an update that sent the named top-level fields: it returns
// a *PartialUpdate naming the rest of obs.Diff, or nil when nothing else
// differs.
func Partial(obs Observation, sent ...string) error {
	var unsent []string
	for _, p := range obs.Diff {
		if !slices.ContainsFunc(sent, func(f string) bool { return (Observation{Diff: []string{p}}).Changed(f) }) {
			unsent = append(unsent, p)
		}
	}
	if len(unsent) == 0 {
		return nil
	}
	return &PartialUpdate{Unsent: unsent}
}

// TopField is the top-level spec field of a diff path: "code" of
// "code.zipFile" and of "layers[0]".
func TopField(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}
