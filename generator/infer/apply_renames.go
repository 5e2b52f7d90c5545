package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/names"
)

// applyRenames gives fields the names generator.yaml chooses: rename: Name
// makes the Go name Name and the JSON name name; jsonName sets the JSON
// name alone, exactly. Only the API changes; the
// Smithy member, and so the SDK side, stays. A nested field is renamed in
// its structure, wherever that structure is used.
func applyRenames(st *state) error {
	st.eachField(func(w *work, ref fieldRef, fc *config.Field, at config.Key) {
		f := ref.field
		if fc.Rename != "" {
			f.GoName, f.JSONName = names.Go(fc.Rename), names.JSON(fc.Rename)
			if !ref.nested() {
				f.Reason += fmt.Sprintf("; renamed from %s in generator.yaml", f.Member)
			}
		}
		if fc.JSONName != "" {
			f.JSONName = fc.JSONName
			if !ref.nested() {
				f.Reason += fmt.Sprintf("; JSON name %s from generator.yaml", fc.JSONName)
			}
		}
	})
	return nil
}
