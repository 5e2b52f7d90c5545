package infer

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// statusSecretNote explains a secret left out of a status-only structure.
const statusSecretNote = "@sensitive, and only status fields use the structure: a status never holds a secret"

// placeNestedSecrets leaves the @sensitive members out of the structures
// that only status fields use, such as Lambda's EnvironmentResponse: a
// status is readable by anyone who can read the object. A structure a
// spec uses keeps them, as Secret references that the status conversion
// never fills, and the spec field holding them says so for explain.
func placeNestedSecrets(st *state) error {
	inSpec, inStatus := map[string]bool{}, map[string]bool{}
	for _, r := range st.svc.Resources {
		markStructs(st.svc, r.Spec, inSpec)
		markStructs(st.svc, r.Status, inStatus)
		for _, f := range r.Spec {
			if paths := nestedSecrets(st.svc, f.Type, ""); len(paths) > 0 {
				f.Reason += "; holds @sensitive members, read from Secrets: " + strings.Join(paths, ", ")
			}
		}
	}
	for shape := range inStatus {
		if inSpec[shape] {
			continue
		}
		s := st.svc.Structs[shape]
		kept := s.Fields[:0:0]
		for _, f := range s.Fields {
			if f.Secret {
				s.Skipped = append(s.Skipped, model.Skipped{Member: f.Member, Reason: statusSecretNote})
				continue
			}
			kept = append(kept, f)
		}
		s.Fields = kept
	}
	return nil
}

// markStructs adds to seen every structure the fields use, directly or
// through other structures, lists and maps.
func markStructs(svc *model.Service, fields []*model.Field, seen map[string]bool) {
	var visit func(t *model.Type)
	visit = func(t *model.Type) {
		switch t.Kind {
		case model.List, model.Map:
			visit(t.Elem)
		case model.Structure:
			if seen[t.Shape] {
				return
			}
			seen[t.Shape] = true
			for _, f := range svc.Structs[t.Shape].Fields {
				visit(f.Type)
			}
		}
	}
	for _, f := range fields {
		visit(f.Type)
	}
}

// nestedSecrets describes the secrets values of type t hold, by path below
// at: a string is a Secret key reference, a map keeps its entries beside a
// whole Secret its From field names.
func nestedSecrets(svc *model.Service, t *model.Type, at string) []string {
	switch t.Kind {
	case model.List, model.Map:
		return nestedSecrets(svc, t.Elem, at+"[*]")
	case model.Structure:
		var out []string
		for _, f := range svc.Structs[t.Shape].Fields {
			path := strings.TrimPrefix(at+"."+f.JSONName, ".")
			switch {
			case f.Secret && f.Type.Kind == model.String:
				out = append(out, path+" (a Secret key)")
			case f.Secret:
				out = append(out, path+" (its entries plus those of the Secret "+f.JSONName+"From names)")
			default:
				out = append(out, nestedSecrets(svc, f.Type, path)...)
			}
		}
		return out
	}
	return nil
}
