package infer

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// scanRead makes a read that lists resources but takes no identifier to
// filter by (KMS's ListAliases, whose KeyId filter names the alias's
// target, which may change) page through every resource and pick the one
// whose identifiers match: each listed element must hold every identifier
// as a string member. It reports whether it did.
func (st *state) scanRead(w *work, op *smithy.Shape, o *model.Operation, ids []string) bool {
	elem := st.svc.Structs[o.Output]
	if elem == nil || len(ids) == 0 || o.Grouped != "" {
		return false
	}
	for _, id := range ids {
		f := elem.FieldByMember(id)
		if f == nil || f.Type.Kind != model.String {
			return false
		}
	}
	scan := &model.Scan{Members: ids}
	scan.InputToken, scan.OutputToken = st.pageTokens(op, o)
	o.Scan = scan
	paged := "in one page"
	if scan.InputToken != "" {
		paged = "page by page (" + scan.InputToken + ", " + scan.OutputToken + ")"
	}
	w.decide("read by scan", o.Name, "%s cannot filter by %s: it is read %s until the element whose %s matches",
		o.Name, strings.Join(ids, ", "), paged, strings.Join(ids, ", "))
	return true
}
