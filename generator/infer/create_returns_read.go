package infer

import "github.com/kubesmith/kubesmith/generator/smithy"

// createReturnsRead points the create's output at the member holding the
// resource as the read describes it, where the create's output shares more
// names with its input than that member does:
// CreateEgressOnlyInternetGateway returns ClientToken beside
// EgressOnlyInternetGateway, and the identifier is in the latter.
func (st *state) createReturnsRead(w *work) error {
	c := w.r.Create
	if len(c.OutputPath) > 0 || c.Output == "" {
		return nil
	}
	out, ok := st.m.Shape(st.ops[w.c.Create].Output)
	if !ok {
		return nil
	}
	if found, err := st.firstOfList(w, out); found || err != nil {
		return err
	}
	for _, mem := range out.Members {
		target := st.m.Target(mem)
		if target.Type != smithy.TypeStructure {
			continue
		}
		s, err := st.typer.structure(target)
		if err != nil {
			return err
		}
		if s.Shape == w.r.Read.Output {
			c.Output, c.OutputPath = s.Shape, []string{sdkFieldName(mem.Name)}
			return nil
		}
	}
	return nil
}
