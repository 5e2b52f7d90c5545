package infer

import (
	"slices"
	"strings"
	"testing"
)

// TestPendingFailed: pending's failed values reach the model, and explain
// says so; a value the status enum lacks is refused with the likely one.
func TestPendingFailed(t *testing.T) {
	yaml := "resources:\n  Table:\n    pending: {field: TableStatus, values: [CREATING], failed: [ARCHIVED]}\n"
	r := resource(t, mustRun(t, "names.json", yaml, Options{}), "Table")
	if r.Pending == nil || !slices.Equal(r.Pending.Failed, []string{"ARCHIVED"}) {
		t.Fatalf("pending %+v, want failed [ARCHIVED]", r.Pending)
	}
	if d := decision(r, "failed"); !strings.Contains(d, "TableStatus in ARCHIVED") {
		t.Errorf("explain's failed line %q does not name the field and value", d)
	}
	_, err := run(t, "names.json", "resources:\n  Table:\n    pending: {field: TableStatus, values: [CREATING], failed: [ARCHIVD]}\n", Options{})
	if err == nil || !strings.Contains(err.Error(), `has no value "ARCHIVD"`) || !strings.Contains(err.Error(), "ARCHIVED") {
		t.Errorf("a failed value the enum lacks: error %v, want it refused naming ARCHIVED", err)
	}
}
