package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addPendingValues ties generator.yaml's pendingValues to spec fields: a
// member of the pending structure named like a top-level spec field the
// read returns (RDS's PendingModifiedValues.AllocatedStorage for
// allocatedStorage) stands for that field while AWS has yet to apply it.
func addPendingValues(st *state) error {
	for _, w := range st.work {
		if !w.resolved() || w.rc.PendingValues == nil {
			continue
		}
		at := w.at.At("pendingValues", "member")
		p, err := st.pendingValues(w.r, w.rc.PendingValues.Member)
		if err != nil {
			st.errorf(at, "pendingValues: %v", err)
			continue
		}
		w.r.PendingValues = p
		if e := w.rc.PendingValues.Emulator; e != nil {
			p.EmulatorGap = e.Unsupported
		}
		var names []string
		for _, v := range p.Fields {
			names = append(names, v.Field.JSONName)
		}
		w.decide("pending values", p.Member, "pendingValues in generator.yaml: %s compare with the value %s holds, when it holds one, so a change AWS has yet to apply is not sent again",
			strings.Join(names, ", "), p.Member)
	}
	return nil
}

// pendingValues finds the read output's structure member and pairs its
// scalar members with the spec fields of the same name.
func (st *state) pendingValues(r *model.Resource, member string) (*model.PendingValues, error) {
	out := st.svc.Structs[r.Read.Output]
	if out == nil {
		return nil, fmt.Errorf("%s returns no description of the resource", r.Read.Name)
	}
	holder := out.FieldByMember(member)
	if holder == nil {
		var names []string
		for _, f := range out.Fields {
			names = append(names, f.Member)
		}
		msg := fmt.Sprintf("%s's output has no member %s", r.Read.Name, member)
		if s := config.Suggest(member, names); s != "" {
			msg += " (did you mean " + s + "?)"
		}
		return nil, fmt.Errorf("%s", msg)
	}
	pending := st.svc.Structs[holder.Type.Shape]
	if holder.Type.Kind != model.Structure || pending == nil {
		return nil, fmt.Errorf("%s.%s is no structure", r.Read.Name, member)
	}
	p := &model.PendingValues{Member: member, Shape: holder.Type.Shape}
	for _, f := range r.Spec {
		if f.ObservedPath == nil || f.Secret || f.CreateOnly || !pendingScalar(f.Type) {
			continue
		}
		names := []string{f.Member, f.ObservedPath[len(f.ObservedPath)-1]}
		for _, m := range pending.Fields {
			if slices.Contains(names, m.Member) && pendingScalar(m.Type) && !m.Type.SDKValue && sameScalar(f.Type, m.Type) {
				p.Fields = append(p.Fields, model.PendingValue{Field: f, Member: m.Member})
				break
			}
		}
	}
	if len(p.Fields) == 0 {
		return nil, fmt.Errorf("no member of %s is named like a spec field %s returns", holder.Type.Shape, r.Read.Name)
	}
	return p, nil
}

// pendingScalar says whether t is one value: lists and structures pending
// are left out, since AWS reports them partly (PendingCloudwatchLogsExports).
func pendingScalar(t *model.Type) bool {
	return slices.Contains([]model.Kind{model.String, model.Enum, model.Int, model.IntEnum, model.Bool, model.Float}, t.Kind)
}

// sameScalar says whether two scalar types hold the same kind of value,
// an enum being a string.
func sameScalar(a, b *model.Type) bool {
	norm := func(k model.Kind) model.Kind {
		switch k {
		case model.Enum:
			return model.String
		case model.IntEnum:
			return model.Int
		}
		return k
	}
	return norm(a.Kind) == norm(b.Kind)
}
