package infer

import "github.com/kubesmith/kubesmith/generator/model"

// splitStatusTypes gives status its own structures, free of validation. A
// status describes what AWS reported; a constraint written for requests
// would make the API server refuse it: a DynamoDB backup of an on-demand
// table reports a provisioned throughput of 0 below a minimum of 1. A
// structure spec also uses gets a copy named <Name>Status; one that only
// status uses keeps its name.
func splitStatusTypes(st *state) error {
	inSpec := map[string]bool{}
	for _, r := range st.svc.Resources {
		for _, f := range r.Spec {
			markShapes(st.svc, f.Type, inSpec)
		}
	}
	s := statusSplitter{svc: st.svc, inSpec: inSpec}
	for _, r := range st.svc.Resources {
		for _, f := range r.Status {
			s.unconstrain(f)
		}
	}
	return nil
}

// markShapes records every structure t uses, directly or through others.
func markShapes(svc *model.Service, t *model.Type, seen map[string]bool) {
	switch t.Kind {
	case model.List, model.Map:
		markShapes(svc, t.Elem, seen)
	case model.Structure:
		if seen[t.Shape] {
			return
		}
		seen[t.Shape] = true
		for _, f := range svc.Structs[t.Shape].Fields {
			markShapes(svc, f.Type, seen)
		}
	}
}

type statusSplitter struct {
	svc    *model.Service
	inSpec map[string]bool
}

// unconstrain drops f's validation and reference (AWS reports values,
// never references) and points its type at status-side structures. The
// field keeps its names, so the JSON does not change.
func (s statusSplitter) unconstrain(f *model.Field) {
	f.Validation = model.Validation{}
	f.Required = false
	f.CreateOnly = false
	f.Reference = nil // a status says what AWS reported; it refers to nothing
	f.Type = s.statusType(f.Type)
}

// statusType is t with every structure replaced by its status-side copy.
func (s statusSplitter) statusType(t *model.Type) *model.Type {
	switch t.Kind {
	case model.List, model.Map:
		out := *t
		out.Elem = s.statusType(t.Elem)
		return &out
	case model.Structure:
		out := *t
		out.Shape = s.copyStruct(t.Shape)
		out.GoName = s.svc.Structs[out.Shape].GoName
		return &out
	}
	return t
}

// copyStruct adds the status-side copy of a structure, once, and returns
// its key.
func (s statusSplitter) copyStruct(shape string) string {
	key := shape + model.StatusSuffix
	if _, done := s.svc.Structs[key]; done {
		return key
	}
	orig := s.svc.Structs[shape]
	cp := &model.Struct{Shape: orig.Shape, GoName: orig.GoName, SDKType: orig.SDKType, TopLevel: orig.TopLevel, Union: orig.Union, Skipped: orig.Skipped}
	if s.inSpec[shape] {
		cp.GoName += "Status"
	}
	s.svc.Structs[key] = cp
	for _, f := range orig.Fields {
		fc := *f
		s.unconstrain(&fc)
		cp.Fields = append(cp.Fields, &fc)
	}
	return key
}
