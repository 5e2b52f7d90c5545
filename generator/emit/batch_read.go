package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// batchReadFuncs emits what makes a kind's manager a managed.BatchReader
// (model.Resource.BatchSize): BatchID, ReadBatch, which sends the read
// with a list of identifiers and hands out each description by its
// identifier, and ObserveFrom, which is Observe on one of those.
func (m *managerWriter) batchReadFuncs() []jen.Code {
	r := m.r
	f := r.Read.Filter
	_, desc := m.outputType(r.Read)
	crType := jen.Op("*").Qual(m.c.api, r.Kind)
	_, id := m.source(&model.Member{Name: f.Identifier})
	idMember := m.svc.Structs[r.Read.Output].FieldByMember(f.Identifier)
	obs := jen.Qual(managedPkg, "Observation")
	key := jen.Qual(convPkg, "Value").Call(jen.Id("desc").Dot(idMember.SDKName))
	if idMember.Type.SDKValue {
		key = jen.Id("desc").Dot(idMember.SDKName)
	}

	read := []jen.Code{
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(r.Read.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, r.Read.Name+"Input").Values(jen.Dict{jen.Id(m.inputGoName(f.Member)): jen.Id("ids")})),
	}
	if len(r.NotFoundCodes) > 0 {
		codes := []jen.Code{jen.Err()}
		for _, c := range r.NotFoundCodes {
			codes = append(codes, jen.Lit(c))
		}
		read = append(read,
			jen.Comment("AWS refuses the whole list when one identifier in it is unknown."),
			jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(codes...)).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "Join").Call(jen.Qual(managedPkg, "ErrBatchMiss"), jen.Err())),
			))
	}
	read = append(read,
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("found").Op(":=").Map(jen.String()).Any().Values(),
		jen.For(jen.Id("i").Op(":=").Range().Add(unwrap(r.Read))).Block(
			jen.Id("desc").Op(":=").Op("&").Add(unwrap(r.Read)).Index(jen.Id("i")),
			jen.Id("found").Index(key).Op("=").Id("desc"),
		),
		jen.Return(jen.Id("found"), jen.Nil()),
	)
	return []jen.Code{
		jen.Comment("BatchID is the identifier " + r.Read.Name + " takes in " + f.Member + "."), jen.Line(),
		jen.Func().Params(jen.Id("m").Op("*").Id("manager")).Id("BatchID").Params(jen.Id("cr").Add(crType)).String().Block(
			jen.Return(jen.Qual(convPkg, "Value").Call(id)),
		),
		jen.Line(), jen.Line(),
		jen.Comment("ReadBatch describes the resources ids name in one " + r.Read.Name + " call."), jen.Line(),
		jen.Func().Params(jen.Id("m").Op("*").Id("manager")).Id("ReadBatch").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("ids").Index().String(),
		).Parens(jen.List(jen.Map(jen.String()).Any(), jen.Error())).Block(read...),
		jen.Line(), jen.Line(),
		jen.Comment("ObserveFrom is Observe on a description ReadBatch returned."), jen.Line(),
		m.method("ObserveFrom", []jen.Code{jen.Id("desc").Any()}, jen.Parens(jen.List(obs.Clone(), jen.Error())),
			jen.Return(jen.Id("m").Dot("observed").Call(jen.Id("ctx"), jen.Id("cr"), jen.Id("desc").Assert(jen.Op("*").Add(desc)))),
		),
	}
}

// inputGoName is the SDK's Go name of a read input member.
func (m *managerWriter) inputGoName(member string) string {
	for _, mem := range m.r.Read.Input {
		if mem.Name == member {
			return mem.GoName
		}
	}
	return member
}
