package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// deleteFlags adds to the delete input each boolean member set from an
// annotation on the object, and returns the statements that read each
// integer member's annotation before the call (KMS's pending window), whose
// number replaces the constant generator.yaml's inputs: sends, if any.
func (m *managerWriter) deleteFlags(in jen.Dict) []jen.Code {
	var reads []jen.Code
	for _, f := range m.r.DeleteFlags {
		if f.IntBits > 0 {
			reads = append(reads, m.intDeleteFlag(in, f.GoName, f.Annotation, f.IntBits, f.SDKValue)...)
			continue
		}
		if f.String || !f.SDKValue {
			reads = append(reads, m.optionalDeleteFlag(in, f)...)
			continue
		}
		var v jen.Code = jen.Qual(managedPkg, "AnnotationTrue").Call(jen.Id("cr"), jen.Lit(f.Annotation))
		if !f.SDKValue {
			v = jen.Qual("github.com/aws/aws-sdk-go-v2/aws", "Bool").Call(v)
		}
		in[jen.Id(f.GoName)] = v
	}
	return append(reads, m.impliedDeleteFlags()...)
}

// intDeleteFlag reads an integer member from its annotation, falling back
// to the constant input already in the delete input, else to none.
func (m *managerWriter) intDeleteFlag(in jen.Dict, goName, annotation string, bits int, sdkValue bool) []jen.Code {
	var fallback jen.Code = jen.Nil()
	for k, v := range in {
		if fmt.Sprintf("%#v", k) != goName {
			continue
		}
		fallback = v
		if sdkValue {
			fallback = jen.Qual(convPkg, "Of").Call(v)
		}
		delete(in, k)
	}
	name := strings.ToLower(goName[:1]) + goName[1:]
	value, failed := jen.Id(name), jen.Id(name+"Err")
	in[jen.Id(goName)] = value.Clone()
	if sdkValue {
		in[jen.Id(goName)] = jen.Qual(convPkg, "Value").Call(value.Clone())
	}
	return []jen.Code{
		jen.List(value.Clone(), failed.Clone()).Op(":=").Qual(managedPkg, "AnnotationInt").Types(jen.Id("int"+strconv.Itoa(bits))).Call(
			jen.Id("cr"), jen.Lit(annotation), fallback),
		jen.If(failed.Clone().Op("!=").Nil()).Block(jen.Return(failed.Clone())),
	}
}
