package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// optionalDeleteFlag reads a string delete flag, or a boolean one the SDK
// holds as a pointer, from its annotation into a variable the delete input
// takes: a boolean falls back to the constant input already there, else
// to none, so AWS's own default applies.
func (m *managerWriter) optionalDeleteFlag(in jen.Dict, f model.DeleteFlag) []jen.Code {
	value := flagVar(f.GoName)
	if f.String {
		in[jen.Id(f.GoName)] = value.Clone()
		return []jen.Code{value.Clone().Op(":=").Qual(managedPkg, "AnnotationString").Call(jen.Id("cr"), jen.Lit(f.Annotation))}
	}
	var fallback jen.Code = jen.Nil()
	for k, v := range in {
		if fmt.Sprintf("%#v", k) == f.GoName {
			fallback = v
			delete(in, k)
		}
	}
	in[jen.Id(f.GoName)] = value.Clone()
	failed := jen.Id(flagVarName(f.GoName) + "Err")
	return []jen.Code{
		jen.List(value.Clone(), failed.Clone()).Op(":=").Qual(managedPkg, "AnnotationBool").Call(jen.Id("cr"), jen.Lit(f.Annotation), fallback),
		jen.If(failed.Clone().Op("!=").Nil()).Block(jen.Return(failed.Clone())),
	}
}

// impliedDeleteFlags sets, while a flag's annotation is set, the boolean
// flags it implies whose own annotation is absent, and drops the flag
// where one of them says otherwise.
func (m *managerWriter) impliedDeleteFlags() []jen.Code {
	var out []jen.Code
	for _, f := range m.r.DeleteFlags {
		if len(f.Implies) == 0 {
			continue
		}
		var body []jen.Code
		for _, imp := range f.Implies {
			v := flagVar(imp.GoName)
			body = append(body,
				jen.If(jen.Op("!").Qual(managedPkg, "HasAnnotation").Call(jen.Id("cr"), jen.Lit(imp.Annotation))).Block(
					v.Clone().Op("=").Qual(convPkg, "Of").Call(jen.Lit(imp.Value)),
				),
				jen.If(contradicts(v, imp.Value)).Block(
					flagVar(f.GoName).Op("=").Nil(),
				),
			)
		}
		out = append(out,
			jen.Comment(fmt.Sprintf("%s implies %s unless their own annotations say otherwise; then it is not sent.", f.Annotation, impliedText(f.Implies))),
			jen.If(flagVar(f.GoName).Op("!=").Nil()).Block(body...),
		)
	}
	return out
}

// contradicts is the condition that the flag v holds other than want.
func contradicts(v *jen.Statement, want bool) jen.Code {
	got := jen.Qual(convPkg, "Value").Call(v.Clone())
	if want {
		return jen.Op("!").Add(got)
	}
	return got
}

func impliedText(imps []model.ImpliedFlag) string {
	var parts []string
	for _, imp := range imps {
		parts = append(parts, fmt.Sprintf("%s %t", imp.Member, imp.Value))
	}
	return strings.Join(parts, ", ")
}

// flagVarName is the local variable holding a delete flag's value.
func flagVarName(goName string) string { return strings.ToLower(goName[:1]) + goName[1:] }

func flagVar(goName string) *jen.Statement { return jen.Id(flagVarName(goName)) }
