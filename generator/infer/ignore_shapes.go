package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// ignoreShapes applies generator.yaml's shapes: entries. A shape is named
// without its namespace; every member that targets an ignored shape is
// left out, wherever it is used.
func ignoreShapes(st *state) error {
	if len(st.cfg.Shapes) == 0 {
		return nil
	}
	byName := map[string][]smithy.ShapeID{}
	var names []string
	for id, s := range st.m.Shapes {
		if id.Namespace() == "smithy.api" || s.Type == smithy.TypeOperation || s.Type == smithy.TypeResource || s.Type == smithy.TypeService {
			continue
		}
		if byName[id.Name()] == nil {
			names = append(names, id.Name())
		}
		byName[id.Name()] = append(byName[id.Name()], id)
	}
	for _, name := range keys(st.cfg.Shapes) {
		sc, at := st.cfg.Shapes[name], config.Key{"shapes", name}
		ids := byName[name]
		switch {
		case len(ids) == 0:
			st.errorf(at, "no shape %s in the %s model%s", name, st.name, config.DidYouMean(name, names))
			continue
		case len(ids) > 1:
			st.errorf(at, "shape name %s is ambiguous: %v", name, ids)
			continue
		}
		if sc.Ignore {
			st.typer.ignored[ids[0]] = fmt.Sprintf("shapes.%s.ignore in generator.yaml", name)
		}
	}
	return nil
}
