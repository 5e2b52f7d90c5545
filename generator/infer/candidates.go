package infer

import (
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Candidate is a resource the operation names suggest.
type Candidate struct {
	Kind                         string
	Create, Read, Update, Delete string
}

// Candidates lists the kinds whose create, read and delete operations
// follow the usual names: Create<R>, Describe<R> or Get<R>, Delete<R>, and
// optionally Update<R>, Modify<R> or Put<R>.
func Candidates(m *smithy.Model) ([]Candidate, error) {
	svc, err := m.Service()
	if err != nil {
		return nil, err
	}
	ops := operations(m, svc)
	first := func(names ...string) string {
		for _, n := range names {
			if _, ok := ops[n]; ok {
				return n
			}
		}
		return ""
	}
	var out []Candidate
	for _, name := range keys(ops) {
		kind, ok := strings.CutPrefix(name, "Create")
		if !ok || kind == "" {
			continue
		}
		c := Candidate{
			Kind:   kind,
			Create: name,
			Read:   first("Describe"+kind, "Get"+kind),
			Update: first("Update"+kind, "Modify"+kind, "Put"+kind),
			Delete: first("Delete" + kind),
		}
		if c.Read != "" && c.Delete != "" {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int { return strings.Compare(a.Kind, b.Kind) })
	return out, nil
}
