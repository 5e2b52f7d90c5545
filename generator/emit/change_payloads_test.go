package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestPutChanges: a sub-resource sent as changes puts what differs from
// the observed spec, in its payload's add and remove members, never the
// value itself; a list is planned by its entry keys; with
// oneUpdatePerPass the update ends after the put.
func TestPutChanges(t *testing.T) {
	str := &model.Type{Kind: model.String}
	taint := &model.Type{Kind: model.Structure, Shape: "Taint"}
	cases := []struct {
		reason string
		field  *model.Type
		add    *model.Type
		remove *model.Type
		keys   []string
		want   []string
	}{
		{reason: "a map: MapPlan's entries to set and keys to remove",
			field: &model.Type{Kind: model.Map, Elem: str}, add: &model.Type{Kind: model.Map, Elem: str}, remove: &model.Type{Kind: model.List, Elem: str},
			want: []string{"compare.MapPlan(cr.Spec.Labels, observed.Labels)", "AddOrUpdateLabels: set", "RemoveLabels:      remove", `return managed.Partial(obs, "labels")`}},
		{reason: "a list: KeyedPlan by key and effect, removals whole",
			field: &model.Type{Kind: model.List, Elem: taint}, add: &model.Type{Kind: model.List, Elem: taint}, remove: &model.Type{Kind: model.List, Elem: taint},
			keys: []string{"key", "effect"},
			want: []string{"compare.KeyedPlan(cr.Spec.Labels, observed.Labels", `compare.MemberKey([]string{"key", "effect"}, e.Key, e.Effect)`, "append(add, change...)", "conv.Slice(remove, sdkTaint)", `return managed.Partial(obs, "labels")`}},
	}
	for _, c := range cases {
		svc := &model.Service{Name: "eks", Structs: map[string]*model.Struct{
			"Taint": {Shape: "Taint", GoName: "Taint", InAPI: true, Fields: []*model.Field{
				{Member: "key", SDKName: "Key", GoName: "Key", JSONName: "key", Type: str},
				{Member: "effect", SDKName: "Effect", GoName: "Effect", JSONName: "effect", Type: str},
			}},
		}}
		name := &model.Member{Name: "name", GoName: "Name", Type: str, Required: true}
		payload := &model.Member{Name: "labels", GoName: "Labels", Type: &model.Type{Kind: model.Structure, Shape: "UpdateLabelsPayload"}}
		put := &model.Operation{Name: "UpdateNodegroupConfig", Input: []*model.Member{name, payload}}
		sr := &model.SubResource{Field: "labels", Put: put, PutMember: "labels", ReadWithResource: true, EntryKeys: c.keys, Changes: &model.Changes{
			Add:         &model.Field{Member: "addOrUpdateLabels", SDKName: "AddOrUpdateLabels", Type: c.add},
			Remove:      &model.Field{Member: "removeLabels", SDKName: "RemoveLabels", Type: c.remove},
			RemoveWhole: c.remove.Elem.Kind == model.Structure,
		}}
		r := &model.Resource{Kind: "Nodegroup", OneUpdatePerPass: true, SubResources: []*model.SubResource{sr}, Spec: []*model.Field{
			{Member: "name", GoName: "Name", JSONName: "name", Type: str, Class: model.ClassCreateOnly},
			{Member: "labels", GoName: "Labels", JSONName: "labels", Type: c.field, Class: model.ClassSpec, SubResource: sr},
		}}
		svc.Resources = []*model.Resource{r}
		g := New(svc, "example.com/generated/eks")
		m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
		code := fmt.Sprintf("%#v", jen.Block(m.updateSubResources()...))
		for _, w := range c.want {
			if !strings.Contains(code, w) {
				t.Errorf("%s: no %q in\n%s", c.reason, w, code)
			}
		}
		if !strings.Contains(code, "Labels: &types.UpdateLabelsPayload{") || strings.Contains(code, "Labels: cr.Spec.Labels") {
			t.Errorf("%s: the put does not carry the changes payload, or sends the value itself:\n%s", c.reason, code)
		}
	}
}
