package emit

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestDeletionNote: a kind whose delete sends constants, or whose read
// still reports a deleted resource, says so; a plain delete says nothing.
func TestDeletionNote(t *testing.T) {
	del := &model.Operation{Name: "ScheduleKeyDeletion"}
	cases := []struct {
		reason string
		r      *model.Resource
		want   []string
	}{
		{"a plain delete needs no note", &model.Resource{Delete: &model.Operation{Name: "DeleteTable"}}, nil},
		{"KMS: the pending window, and PendingDeletion counting as gone",
			&model.Resource{Delete: del,
				Inputs:  map[string][]model.ConstArg{"ScheduleKeyDeletion": {{Member: "PendingWindowInDays", Value: "7"}}, "GetKeyPolicy": {{Member: "PolicyName", Value: "default"}}},
				Pending: &model.Pending{Field: "KeyState", Gone: []string{"PendingDeletion"}}},
			[]string{"calls `ScheduleKeyDeletion` with `PendingWindowInDays: 7`.", "`KeyState` `PendingDeletion`", "not gone from AWS at once"}},
		{"an annotation setting a delete input member is named",
			&model.Resource{Delete: del, DeleteFlags: []model.DeleteFlag{{Member: "PendingWindowInDays", Annotation: "kms.services.k8s.aws/pending-window-in-days", IntBits: 32}}},
			[]string{"The annotation `kms.services.k8s.aws/pending-window-in-days` sets `PendingWindowInDays` to its number."}},
		{"a boolean delete flag is named with its true value",
			&model.Resource{Delete: &model.Operation{Name: "DeleteRepository"}, DeleteFlags: []model.DeleteFlag{{Member: "force", Annotation: "ecr.services.k8s.aws/force-delete"}}},
			[]string{"The annotation `ecr.services.k8s.aws/force-delete: \"true\"` sends `force` true with `DeleteRepository`."}},
	}
	for _, c := range cases {
		got := deletionNote(c.r)
		if c.want == nil && got != "" {
			t.Errorf("%s: note %q, want none", c.reason, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: note %q lacks %q", c.reason, got, w)
			}
		}
		if strings.Contains(got, "PolicyName") {
			t.Errorf("%s: note %q names another operation's constant", c.reason, got)
		}
	}
}
