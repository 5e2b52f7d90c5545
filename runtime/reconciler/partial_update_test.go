package reconciler

import (
	"maps"
	"testing"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

// TestKeepRecords: a field an update left for a later pass keeps the
// record it had, with the byte sources beneath it, so the next pass still
// sees it differ; the fields sent keep their new record.
func TestKeepRecords(t *testing.T) {
	for _, c := range []struct {
		reason string
		before map[string]string
		unsent []string
		want   map[string]string
	}{{
		reason: "the code waits: its old record and its source's stay",
		before: map[string]string{"code": "old", "code.zipFileFrom": "oldzip", "description": "d1"},
		unsent: []string{"code"},
		want:   map[string]string{"code": "old", "code.zipFileFrom": "oldzip", "description": "d2"},
	}, {
		reason: "no record before (a create's later puts): none now, so it is sent once",
		before: nil,
		unsent: []string{"code"},
		want:   map[string]string{"description": "d2"},
	}, {
		reason: "a nested path names its top-level field",
		before: map[string]string{"code": "old"},
		unsent: []string{"code.s3Key"},
		want:   map[string]string{"code": "old", "description": "d2"},
	}} {
		status := &ackv1alpha1.ManagedStatus{LastApplied: map[string]string{"code": "new", "code.zipFileFrom": "newzip", "description": "d2"}}
		keepRecords(status, c.before, c.unsent)
		if !maps.Equal(status.LastApplied, c.want) {
			t.Errorf("%s: record %v, want %v", c.reason, status.LastApplied, c.want)
		}
	}
}
