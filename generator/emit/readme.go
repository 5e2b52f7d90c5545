package emit

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// SampleLink is a kind's sample file, for the README to link.
type SampleLink struct {
	Kind        string
	Path        string // samples/vpc.yaml
	EmulatorGap string // why the emulator cannot run the kind, if it cannot
}

// Readme emits README.md: the service's kinds with a link to each one's
// sample, their sub-resources with the operations behind each, and what
// the end-to-end tests' emulator does not implement, which generated-code
// and unit tests cover instead.
func (g *Gen) Readme(samples []SampleLink) File {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- %s -->\n\n# %s\n\n", Header, g.svc.Group)
	fmt.Fprintf(&b, "The controller for `%s/%s`, generated from `models/%s/generator.yaml`. Reference docs: [%sREADME.md](%sREADME.md).\n", g.svc.Group, g.svc.Version, g.svc.Name, docsDir, docsDir)
	if len(samples) > 0 {
		fmt.Fprintf(&b, "\nEach kind's sample is in `samples/` (from `models/%s/samples.yaml`); together they make a small\n"+
			"working stack: `kubectl apply --validate=strict -f generated/%s/samples/`.\n", g.svc.Name, g.svc.Name)
	}
	var gaps []string
	for _, r := range g.svc.Resources {
		fmt.Fprintf(&b, "\n## %s\n\n", r.Kind)
		fmt.Fprintf(&b, "Every field, its constraints, mutability and drift: [%s](%s).\n\n", KindDocPath(r.Kind), KindDocPath(r.Kind))
		if note := deletionNote(r); note != "" {
			fmt.Fprintf(&b, "%s\n\n", note)
		}
		for _, s := range samples {
			if s.Kind != r.Kind {
				continue
			}
			fmt.Fprintf(&b, "Sample: [`%s`](%s)\n\n", s.Path, s.Path)
			if s.EmulatorGap != "" {
				gaps = append(gaps, fmt.Sprintf("- %s (the whole kind): %s; its sample is checked against the CRD when generated, and no end-to-end test applies it", r.Kind, s.EmulatorGap))
			}
		}
		others, linked := append(attachmentFields(r), keptEmptyFields(r)...), linkedFields(r)
		if len(r.SubResources) == 0 && len(others) == 0 && len(linked) == 0 {
			b.WriteString("No sub-resources.\n" + createOnlyLine(r))
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
		for _, f := range linked {
			l := f.Links
			fmt.Fprintf(&b, "| `%s` | %s | %s (filtered on %s) | %s |\n", f.JSONName, l.Associate.Name, l.List.Name, l.Filter, linkUndo(l))
			if l.EmulatorGap != "" {
				gaps = append(gaps, fmt.Sprintf("- %s `spec.%s`: %s", r.Kind, f.JSONName, l.EmulatorGap))
			}
		}
		b.WriteString(createOnlyLine(r))
	}
	for _, r := range g.svc.Resources {
		if p := r.PendingValues; p != nil && p.EmulatorGap != "" {
			gaps = append(gaps, fmt.Sprintf("- %s pending values (%s): %s", r.Kind, p.Member, p.EmulatorGap))
		}
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

// linkedFields are the spec fields set by associate and disassociate
// operations, listed with the sub-resources.
func linkedFields(r *model.Resource) []*model.Field {
	var out []*model.Field
	for _, f := range r.Spec {
		if f.Links != nil {
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

// linkUndo names the call that undoes one association.
func linkUndo(l *model.Links) string {
	if l.DisassociateID != "" {
		return fmt.Sprintf("%s with %s `%s`", l.Disassociate.Name, l.IDMember, l.DisassociateID)
	}
	return l.Disassociate.Name
}
