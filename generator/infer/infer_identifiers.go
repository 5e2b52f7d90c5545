package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// inferIdentifiers ties each identifier to the field that holds its
// value: the spec or status field of the same name, else a status field
// the identifier's name suggests (serviceIdentifier is held by Id or Arn),
// else the ARN. It checks that every member the read, update and delete
// inputs require has a field to come from, and marks the primary key: the
// identifier in spec, else the spec field Name or <Resource>Name.
func inferIdentifiers(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		r := w.r
		for _, id := range w.ids {
			ident := identify(w, id)
			r.Identifiers = append(r.Identifiers, ident)
			if ident.Field == "" {
				st.problem(w, w.at, "identifier %s has no spec or status field to come from", id)
				continue
			}
			w.decide("identifier", id, "%s", ident.Reason)
			if a := st.assigns(r, ident); a != nil {
				r.Create.Assigns = a
				w.decide("assigned by create", id, "%s returns it as the only element of %s", r.Create.Name, a.Member)
			}
			if ident.Status && !r.AssignedIdentifier {
				r.AssignedIdentifier = true
				w.decide("assigned identifier", id, "AWS assigns it: %s finds the resource by a status field, so a create whose answer was lost cannot be found by reading", r.Read.Name)
			}
		}
		for _, op := range []*model.Operation{r.Read, r.Update, r.Delete} {
			if op == nil {
				continue
			}
			for _, mem := range op.Input {
				if !mem.Required || fieldByMember(r, mem.Name) != nil || isIdentifier(r, mem.Name) || op.Filter != nil && op.Filter.Member == mem.Name || heldByActions(r, op, mem.Name) {
					continue
				}
				st.problem(w, w.at, "%s requires %s, which no spec or status field holds", op.Name, mem.Name)
			}
		}
		primaryKey(w)
	}
	return nil
}

func identify(w *work, id string) *model.Identifier {
	r := w.r
	if held := heldBy(w, id); held != nil {
		return held
	}
	for _, group := range [][]*model.Field{r.Spec, r.Status} {
		for _, f := range group {
			if f.Member == id {
				return &model.Identifier{Member: id, Field: id, Status: f.Class == model.ClassStatus, Reason: fmt.Sprintf("the %s field of the same name", f.Class)}
			}
		}
	}
	if r.ARNMember != "" && strings.EqualFold(id, r.ARNMember) {
		return &model.Identifier{Member: id, Field: r.ARNMember, Status: true, ARN: true, Reason: "the ARN, of the same name"}
	}
	// PolicyArn is the ARN, though a PolicyId field exists too.
	if r.ARNMember != "" && strings.HasSuffix(strings.ToLower(id), "arn") {
		return &model.Identifier{Member: id, Field: r.ARNMember, Status: true, ARN: true, Reason: "the ARN, by the identifier's name"}
	}
	for _, guess := range guesses(w.c.Name, id) {
		for _, group := range [][]*model.Field{r.Spec, r.Status} {
			for _, f := range group {
				if strings.EqualFold(f.Member, guess) {
					return &model.Identifier{Member: id, Field: f.Member, Status: f.Class == model.ClassStatus, Reason: fmt.Sprintf("the %s field %s, by its name", f.Class, f.Member)}
				}
			}
		}
	}
	if r.ARNMember != "" && (strings.HasSuffix(id, "Identifier") || strings.EqualFold(id, w.c.Name)) {
		return &model.Identifier{Member: id, Field: r.ARNMember, Status: true, ARN: true, Reason: "the ARN, by the identifier's name"}
	}
	return &model.Identifier{Member: id}
}

// guesses are the names of fields that may hold an identifier's value when
// no field has its name: serviceIdentifier may be held by serviceId or Id;
// an identifier named after the resource itself (cluster, for a Cluster)
// by clusterName or Name; IfMatch by the ETag the read returned.
func guesses(resource, id string) []string {
	if id == "IfMatch" {
		return []string{"ETag"}
	}
	if strings.EqualFold(id, resource) {
		return []string{id + "Name", "Name", id + "Id", "Id"}
	}
	for _, suffix := range []string{"Identifier", "Id", "ID", "Arn", "ARN", "Name"} {
		if base, ok := strings.CutSuffix(id, suffix); ok && base != "" {
			return []string{base + "Id", "Id", base + "Name", "Name"}
		}
	}
	return nil
}

func isIdentifier(r *model.Resource, member string) bool {
	for _, id := range r.Identifiers {
		if id.Member == member && id.Field != "" {
			return true
		}
	}
	return false
}

// fieldByMember finds a top-level spec or status field.
func fieldByMember(r *model.Resource, member string) *model.Field {
	for _, group := range [][]*model.Field{r.Spec, r.Status} {
		for _, f := range group {
			if f.Member == member {
				return f
			}
		}
	}
	return nil
}

// primaryKey marks the spec field that names the resource. A resource
// shape lists its parents' identifiers first, so only its last one is its
// own.
func primaryKey(w *work) {
	r := w.r
	own := r.Identifiers
	if w.c.Shape != nil && len(own) > 1 {
		own = own[len(own)-1:]
	}
	for _, id := range own {
		if f := fieldByMember(r, id.Field); f != nil && !id.Status && !id.ARN {
			f.PrimaryKey = true
			w.decide("primary key", f.Member, "the identifier %s is a spec field", id.Member)
			return
		}
	}
	for _, name := range []string{w.c.Name + "Name", "Name"} {
		for _, f := range r.Spec {
			if strings.EqualFold(f.Member, name) {
				f.PrimaryKey = true
				w.decide("primary key", f.Member, "the spec field that names the %s", w.c.Name)
				return
			}
		}
	}
}
