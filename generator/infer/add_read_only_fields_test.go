package infer

import (
	"strings"
	"testing"
)

func TestAddReadOnlyFields(t *testing.T) {
	res := mustRun(t, "names.json", "resources:\n  Bucket:\n    fields:\n      Region:\n        from: {operation: GetBucketLocation, path: LocationConstraint}\n", Options{})
	f := field(resource(t, res, "Bucket"), "Region")
	switch {
	case f == nil:
		t.Fatal("no Region field")
	case f.Class != "status" || f.JSONName != "region":
		t.Errorf("a from: field is a status field named after its key: %s %s", f.Class, f.JSONName)
	case f.From == nil || f.From.Operation.Name != "GetBucketLocation" || strings.Join(f.From.Path, ".") != "LocationConstraint":
		t.Errorf("a from: field says where it comes from: %+v", f.From)
	case f.ObservedPath != nil || f.Updatable:
		t.Errorf("a from: field is read-only and not in the read output")
	}
}

func TestAddReadOnlyFieldsNeedsIdentifiers(t *testing.T) {
	// GetQueueAttributes needs a QueueUrl, which a Table does not have.
	_, err := run(t, "names.json", "resources:\n  Table:\n    fields:\n      QueueAttrs:\n        from: {operation: GetQueueAttributes, path: Attributes}\n", Options{})
	want := "generator.yaml:5: GetQueueAttributes requires QueueUrl, which no spec or status field of Table holds"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("an operation the resource cannot call: got %v, want %q", err, want)
	}
}
