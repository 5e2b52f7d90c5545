package emit

import (
	"encoding/json"
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// IAMPolicy emits config/iam/recommended-policy.json: exactly the actions
// the generated managers call, so the controller's role can be least
// privilege.
func (g *Gen) IAMPolicy() (File, error) {
	svc := g.svc
	var actions []string
	for _, r := range svc.Resources {
		for _, op := range calledOperations(r) {
			actions = append(actions, svc.IAMPrefix+":"+op.Name)
		}
	}
	slices.Sort(actions)
	policy := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Sid":      "KubesmithGeneratedManagers",
			"Effect":   "Allow",
			"Action":   slices.Compact(actions),
			"Resource": "*",
		}},
	}
	data, err := json.MarshalIndent(policy, "", "  ")
	if err != nil {
		return File{}, err
	}
	return File{Path: "config/iam/recommended-policy.json", Data: append(data, '\n')}, nil
}

// calledOperations are the operations a kind's manager calls: its CRUD,
// the put and get (or list) of each sub-resource (and its delete, where removing
// the field calls it), the tag operations, the list that finds what a
// lost create made, and the reads status fields come from.
func calledOperations(r *model.Resource) []*model.Operation {
	ops := []*model.Operation{r.Create, r.Read, r.Update, r.Delete}
	for _, s := range r.SubResources {
		ops = append(ops, s.Put, s.Get, s.List, s.Replace)
		for _, f := range r.Spec {
			if f.SubResource == s && (subResource{s, f}).removable() {
				ops = append(ops, s.Delete)
			}
		}
	}
	if r.Tags != nil && r.Tags.API != nil {
		ops = append(ops, r.Tags.API.Tag, r.Tags.API.Untag, r.Tags.API.List)
	}
	for _, f := range r.Spec {
		if a := f.Associations; a != nil {
			ops = append(ops, a.Associate, a.Disassociate)
		}
		if a := f.Attachment; a != nil {
			ops = append(ops, a.Attach, a.Detach)
		}
		if l := f.Links; l != nil {
			ops = append(ops, l.Associate, l.Disassociate, l.List)
		}
		if mv := f.Move; mv != nil {
			ops = append(ops, mv.Replace)
		}
		if a := f.Action; a != nil {
			ops = append(ops, a.Operation)
		}
		if t := f.Toggle; t != nil {
			ops = append(ops, t.Enable, t.Disable, t.Get)
		}
		if p := f.ParameterMap; p != nil {
			ops = append(ops, p.Modify, p.Reset, p.List)
		}
		if v := f.Versions; v != nil {
			ops = append(ops, v.Create, v.Get, v.List, v.Delete)
		}
		if s := f.AddRemoveSet; s != nil {
			ops = append(ops, s.Modify, s.List)
		}
		if s := f.AttachedSet; s != nil {
			ops = append(ops, s.Attach, s.Detach, s.List)
		}
		if e := f.ElementCalls; e != nil {
			ops = append(ops, e.Add, e.Remove)
		}
		if s := f.StringMap; s != nil {
			ops = append(ops, s.Put, s.Delete, s.List, s.Get)
		}
		if k := f.KeepsEmpty; k != nil {
			ops = append(ops, k.List)
			for _, c := range k.Collections {
				ops = append(ops, c.Delete)
			}
		}
	}
	if r.Tags != nil && r.Tags.ByID != nil {
		ops = append(ops, r.Tags.ByID.Tag, r.Tags.ByID.Untag)
	}
	if r.Finder != nil {
		ops = append(ops, r.Finder.List)
		if idx := r.Finder.TagIndex; idx != nil {
			ops = append(ops, idx.List)
		}
	}
	if r.Lookup != nil {
		ops = append(ops, r.Lookup.Op)
	}
	for _, f := range r.Status {
		if f.From != nil {
			ops = append(ops, f.From.Operation)
		}
	}
	return slices.DeleteFunc(ops, func(op *model.Operation) bool { return op == nil })
}
