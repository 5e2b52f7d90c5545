package reconciler

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// missingForCreate is a Terminal error naming each required field that
// neither it nor its reference gives, or nil. The CRD lets both be left
// out because an adoption fills the field from AWS; a create cannot.
func (r *Reconciler[T]) missingForCreate(obj T) error {
	u, err := toMap(obj)
	if err != nil {
		return err
	}
	var missing []string
	for _, ref := range r.kind.References {
		if !ref.Required {
			continue
		}
		_, field := getPath(u, "spec."+ref.Field)
		_, refField := getPath(u, "spec."+ref.RefField)
		if !field && !refField {
			missing = append(missing, fmt.Sprintf("spec.%s or spec.%s", ref.Field, ref.RefField))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return managed.Terminalf("%s %s required to create the %s", strings.Join(missing, " and "), isOrAre(len(missing)), r.kind.Name)
}

func isOrAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// createsOnly reports whether this pass can only end in a create, never
// in adopting or settling an earlier create: the required fields are then
// checked before any AWS call.
func (r *Reconciler[T]) createsOnly(p *pass[T]) bool {
	_, pending := r.createPending(p.obj)
	return p.policy.Has(ActionCreate) && !p.policy.Has(ActionAdopt) && !managed.Owned(p.obj) && !pending
}
