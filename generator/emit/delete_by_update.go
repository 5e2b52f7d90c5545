package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// removedByDelete is the spec list whose per-element actions (updatedAs)
// the delete sends, where the delete is the update itself: DynamoDB has
// no DeleteGlobalTable, and a global table goes with its last replica.
func (m *managerWriter) removedByDelete() *model.Field {
	r := m.r
	if r.Update == nil || r.Delete == nil || r.Delete.Name != r.Update.Name {
		return nil
	}
	for _, f := range m.elementUpdates() {
		for _, in := range r.Delete.Input {
			if in.Name == f.UpdatedBy.Member {
				return f
			}
		}
	}
	return nil
}

// removeAllElements reads the resource and fills ids with a Delete action
// for every element AWS reports, not only those of the spec: one added
// outside Kubernetes would otherwise keep the resource, and the object,
// forever. Nothing left to remove is done: AWS removes the resource
// with its last element.
func (m *managerWriter) removeAllElements(ids jen.Dict) []jen.Code {
	f := m.removedByDelete()
	if f == nil {
		return nil
	}
	ids[jen.Id(exported(f.UpdatedBy.Member))] = jen.Id("remove")
	return []jen.Code{
		jen.Comment(m.r.Delete.Name + " deletes by removing every element of " + f.JSONName + " AWS reports."),
		jen.List(jen.Id("obs"), jen.Id("readErr")).Op(":=").Id("m").Dot("Observe").Call(jen.Id("ctx"), jen.Id("cr")),
		jen.If(jen.Id("readErr").Op("!=").Nil().Op("||").Op("!").Id("obs").Dot("Exists")).Block(jen.Return(jen.Id("readErr"))),
		jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
		jen.List(jen.Id("remove"), jen.Id("_")).Op(":=").Id(updatesFuncName(f)).Call(jen.Nil(), jen.Id("observed").Dot(f.GoName)),
		jen.If(jen.Len(jen.Id("remove")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
	}
}
