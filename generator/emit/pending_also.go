package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// observePendingAlso sets the observation's Pending, and Failed, from the
// further pending checks (model.Resource.PendingAlso) where the resource's
// own check left them unset. The value names its field ("LastUpdateStatus
// InProgress"), since the condition message says only the value.
func (m *managerWriter) observePendingAlso() []jen.Code {
	var body []jen.Code
	for _, p := range m.r.PendingAlso {
		pre, state := m.pendingState(p)
		name := strings.Join(append([]string{p.Field}, p.Path...), ".") + " "
		var checks []jen.Code
		for _, c := range []struct {
			values []string
			set    string
		}{{p.Values, "Pending"}, {p.Failed, "Failed"}} {
			if len(c.values) == 0 {
				continue
			}
			checks = append(checks, jen.If(
				jen.Id("v").Op(":=").Add(state),
				jen.Id("obs").Dot(c.set).Op("==").Lit("").Op("&&").Qual("slices", "Contains").Call(stringSlice(c.values), jen.Id("v")),
			).Block(jen.Id("obs").Dot(c.set).Op("=").Lit(name).Op("+").Id("v")))
		}
		body = append(body, jen.Comment("AWS reports in "+p.Field+" whether it is still working on the resource, or gave up."))
		if len(pre) == 0 {
			body = append(body, checks...)
			continue
		}
		// The state's variable is the check's own.
		body = append(body, jen.Block(append(pre, checks...)...))
	}
	return body
}
