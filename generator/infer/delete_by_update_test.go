package infer

import (
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestHeldByActions(t *testing.T) {
	update := &model.Operation{Name: "UpdateGlobalTable"}
	r := &model.Resource{Update: update, Spec: []*model.Field{
		{Member: "ReplicationGroup", UpdatedBy: &model.ElementUpdates{Member: "ReplicaUpdates"}},
	}}
	cases := []struct {
		reason string
		op     *model.Operation
		member string
		want   bool
	}{
		{"the update fills the member of a list's per-element actions", update, "ReplicaUpdates", true},
		{"a delete that is the update fills it too, removing every element", &model.Operation{Name: "UpdateGlobalTable"}, "ReplicaUpdates", true},
		{"another operation requiring the member has no field to fill it from", &model.Operation{Name: "DeleteGlobalTable"}, "ReplicaUpdates", false},
		{"another member of the update is no actions member", update, "GlobalTableName", false},
	}
	for _, c := range cases {
		if got := heldByActions(r, c.op, c.member); got != c.want {
			t.Errorf("%s: heldByActions(%s, %s) = %t, want %t", c.reason, c.op.Name, c.member, got, c.want)
		}
	}
}
