package emit

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Readme emits README.md: the service's kinds, their sub-resources with
// the operations behind each, and what the end-to-end tests' emulator
// does not implement, which generated-code and unit tests cover instead.
func (g *Gen) Readme() File {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- %s -->\n\n# %s\n\n", Header, g.svc.Group)
	fmt.Fprintf(&b, "The controller for `%s/%s`, generated from `models/%s/generator.yaml`.\n", g.svc.Group, g.svc.Version, g.svc.Name)
	var gaps []string
	for _, r := range g.svc.Resources {
		fmt.Fprintf(&b, "\n## %s\n\n", r.Kind)
		others := append(attachmentFields(r), keptEmptyFields(r)...)
		if len(r.SubResources) == 0 && len(others) == 0 {
			b.WriteString("No sub-resources.\n")
			continue
		}
		b.WriteString("| spec field | put | read | delete |\n|---|---|---|---|\n")
		for _, s := range r.SubResources {
			field := subResourceJSON(r, s)
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", field, opName(s.Put), readName(r, s), opName(s.Delete))
			if s.EmulatorGap != "" {
				gaps = append(gaps, fmt.Sprintf("- %s `spec.%s`: %s", r.Kind, field, s.EmulatorGap))
			}
		}
		for _, f := range others {
			if k := f.KeepsEmpty; k != nil {
				var deletes []string
				for _, c := range k.Collections {
					deletes = append(deletes, c.Delete.Name)
				}
				fmt.Fprintf(&b, "| `%s` | — | %s (while true) | %s |\n", f.JSONName, k.List.Name, strings.Join(deletes, ", "))
				continue
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s (with the resource) | %s |\n", f.JSONName, f.Attachment.Attach.Name, r.Read.Name, f.Attachment.Detach.Name)
		}
	}
	for _, r := range g.svc.Resources {
		for _, f := range r.Spec {
			if f.EmulatorGap != "" {
				gaps = append(gaps, fmt.Sprintf("- %s `spec.%s`: %s", r.Kind, f.JSONName, f.EmulatorGap))
			}
		}
	}
	b.WriteString("\n## Emulator gaps\n\n")
	if len(gaps) == 0 {
		b.WriteString("The end-to-end tests' emulator (moto) implements every sub-resource above.\n")
		return File{Path: "README.md", Data: []byte(b.String())}
	}
	b.WriteString("The end-to-end tests' emulator (moto) does not implement these, so no end-to-end test\n" +
		"covers them; the generated code and the generator's unit tests do:\n\n")
	b.WriteString(strings.Join(gaps, "\n") + "\n")
	return File{Path: "README.md", Data: []byte(b.String())}
}

// subResourceJSON is the JSON name of a sub-resource's spec field.
func subResourceJSON(r *model.Resource, s *model.SubResource) string {
	for _, f := range r.Spec {
		if f.Member == s.Field {
			return f.JSONName
		}
	}
	return s.Field
}

// readName is the get, or for a keyed collection its list and key, or
// the resource's read where that returns the value.
func readName(r *model.Resource, s *model.SubResource) string {
	switch {
	case s.List != nil:
		return s.List.Name + " (entries keyed by " + s.Key + ")"
	case s.ReadWithResource:
		return r.Read.Name + " (with the resource)"
	}
	return opName(s.Get)
}

func opName(op *model.Operation) string {
	if op == nil {
		return "none"
	}
	return op.Name
}

// attachmentFields are the spec fields set by attach and detach
// operations, listed with the sub-resources.
func attachmentFields(r *model.Resource) []*model.Field {
	var out []*model.Field
	for _, f := range r.Spec {
		if f.Attachment != nil {
			out = append(out, f)
		}
	}
	return out
}

// keptEmptyFields are r's keep-empty spec fields.
func keptEmptyFields(r *model.Resource) []*model.Field {
	var out []*model.Field
	for _, f := range r.Spec {
		if f.KeepsEmpty != nil {
			out = append(out, f)
		}
	}
	return out
}
