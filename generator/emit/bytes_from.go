package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A bytes member with bytesFrom (model.BytesFrom) has a sibling
// <member>From, a BytesSource naming a ConfigMap or Secret key. The
// runtime reads the key at every pass (Kind.ByteSources); the create and
// the puts send its bytes in the member's place, and Observe compares
// their SHA-256 with the status field AWS reports it in, so that new data
// is a difference and unchanged data costs no call.

// bytesFromField is the API field of a bytes member's BytesSource.
func bytesFromField(f *model.Field) []jen.Code {
	return []jen.Code{
		jen.Comment(fmt.Sprintf("%sFrom names a ConfigMap key (binaryData or data) or a Secret key, in the object's namespace, whose bytes are sent as %s.", f.GoName, f.JSONName)),
		jen.Comment("+optional"),
		jen.Id(f.GoName+"From").Op("*").Qual(ackv1alpha1, "BytesSource").Tag(map[string]string{"json": f.JSONName + "From,omitempty"}),
	}
}

// bytesSource is one model.BytesFrom with its fields resolved.
type bytesSource struct {
	top, member, status *model.Field
}

// path is the BytesSource's spec path, as the runtime keys its bytes.
func (b bytesSource) path() string { return b.top.JSONName + "." + b.member.JSONName + "From" }

func (m *managerWriter) bytesSources() []bytesSource {
	var out []bytesSource
	for _, b := range m.r.BytesFrom {
		top, status := specFieldOf(m.r, b.Field), statusField(m.r, b.HashedAs)
		if top == nil || status == nil {
			continue
		}
		if member := m.svc.Structs[top.Type.Shape].FieldByMember(b.Member); member != nil {
			out = append(out, bytesSource{top, member, status})
		}
	}
	return out
}

// bytesPaths are the spec paths the runtime reads (Kind.ByteSources).
func (m *managerWriter) bytesPaths() []string {
	var out []string
	for _, b := range m.bytesSources() {
		out = append(out, b.path())
	}
	return out
}

// bytesFills put the sources' bytes into op's input, in; nil when op
// takes none of their structures.
func (m *managerWriter) bytesFills(op *model.Operation) []jen.Code {
	var out []jen.Code
	for _, b := range m.bytesSources() {
		for _, in := range op.Input {
			if in.Name != b.top.Member || in.Type.Kind != model.Structure {
				continue
			}
			sdk := m.svc.Structs[in.Type.Shape].FieldByMember(b.member.Member)
			if sdk == nil {
				continue
			}
			x := jen.Id("in").Dot(in.GoName).Dot(sdk.SDKName)
			out = append(out, jen.If(jen.Id("in").Dot(in.GoName).Op("!=").Nil()).Block(
				jen.Add(x.Clone()).Op("=").Qual(managedPkg, "BytesFrom").Call(jen.Id("ctx"), jen.Lit(b.path()), x.Clone()),
			))
		}
	}
	return out
}

// bytesValue is the put's value of a whole-input member: the source's
// bytes where the field has one, else x.
func (m *managerWriter) bytesValue(s subResource, f *model.Field, x jen.Code) jen.Code {
	for _, b := range m.bytesSources() {
		if b.top == s.f && b.member.Member == f.Member {
			return jen.Qual(managedPkg, "BytesFrom").Call(jen.Id("ctx"), jen.Lit(b.path()), x)
		}
	}
	return x
}

// observeBytes lists a structure as changed where the bytes read for its
// source hash otherwise than AWS reports.
func (m *managerWriter) observeBytes() []jen.Code {
	var body []jen.Code
	for _, b := range m.bytesSources() {
		body = append(body,
			jen.Comment(fmt.Sprintf("AWS reports the SHA-256 of the bytes it holds as %s: a %s key whose bytes hash otherwise changed since.", b.status.JSONName, b.path())),
			jen.If(
				jen.Id("h").Op(":=").Qual(managedPkg, "BytesSHA256").Call(jen.Id("ctx"), jen.Lit(b.path())),
				jen.Id("h").Op("!=").Lit("").Op("&&").Id("h").Op("!=").Qual(convPkg, "Value").Call(jen.Id("cr").Dot("Status").Dot(b.status.GoName)).
					Op("&&").Op("!").Id("obs").Dot("Changed").Call(jen.Lit(b.top.JSONName)),
			).Block(
				jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(b.top.JSONName)),
			),
		)
	}
	return body
}
