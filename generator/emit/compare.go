package emit

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// differ writes the typed comparison of desired and observed specs: one
// function per struct, each returning the JSON paths that differ. The
// rules, per field:
//   - a desired field that is unset is not compared: the user has no
//     opinion, and AWS may have defaulted it;
//   - an observed scalar that AWS leaves out counts as its zero value where
//     the field says so (NilEqualsZero), and as different elsewhere;
//   - tags compare as a map, ignoring the aws: tags AWS adds;
//   - policies, JSON strings and Smithy documents compare as data;
//   - lists the API treats as sets (model.Type.Unique) compare in any
//     order, others element by element.
type differ struct {
	*Gen
	api    string
	done   map[string]bool
	queued []func() jen.Code
	// attrs are the kind's attribute map, whose fields compare as AWS
	// normalises attribute values (compare.Attribute).
	attrs *model.AttributeMap
}

func (g *Gen) newDiffer() *differ {
	return &differ{Gen: g, api: g.APIPackage(), done: map[string]bool{}}
}

// diffSpec emits the comparison of a kind's spec fields in fields. A
// field in removable, unlike any other, also differs when the spec leaves
// it unset and AWS reports it set: its removal deletes it. A keyed
// collection compares as a set by key.
func (d *differ) diffSpec(r *model.Resource, fields, removable []*model.Field) jen.Code {
	specType := jen.Op("*").Qual(d.api, r.Kind+"Spec")
	body := []jen.Code{jen.Var().Id("diff").Index().String()}
	for _, f := range fields {
		if keyedCollection(f) {
			body = append(body, d.keyedField(f, slices.Contains(removable, f)))
			continue
		}
		body = append(body, d.specField(f))
	}
	for _, f := range removable {
		if keyedCollection(f) {
			continue // compared above, its removal included
		}
		body = append(body, jen.Comment("Removing "+f.JSONName+" from the spec deletes it, if AWS has it."), jen.If(
			jen.Id("desired").Dot(f.GoName).Op("==").Nil().Op("&&").Id("observed").Dot(f.GoName).Op("!=").Nil(),
		).Block(jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Lit(f.JSONName))))
	}
	body = append(body, jen.Return(jen.Id("diff")))
	return jen.Func().Id("diffSpec").Params(jen.List(jen.Id("desired"), jen.Id("observed")).Add(specType)).Index().String().Block(body...)
}

// funcs returns the struct comparisons used so far, and those they use.
func (d *differ) funcs() []jen.Code {
	var out []jen.Code
	for len(d.queued) > 0 {
		next := d.queued[0]
		d.queued = d.queued[1:]
		out = append(out, next(), jen.Line())
	}
	return out
}

// field compares desired.<f> with observed.<f>, appending path to diff
// when they differ.
func (d *differ) field(f *model.Field, path jen.Code) jen.Code {
	des := jen.Id("desired").Dot(f.GoName)
	obs := jen.Id("observed").Dot(f.GoName)
	mark := jen.Id("diff").Op("=").Append(jen.Id("diff"), path)
	set := jen.Add(des.Clone()).Op("!=").Nil()
	t := f.Type
	switch {
	case t.Kind == model.Structure:
		return jen.If(set).Block(
			jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id(d.structFunc(t.Shape)).Call(path, des, obs).Op("...")),
		)
	case t.Kind == model.List && t.Elem.Kind == model.Structure && !d.isTagList(t) && t.Unique:
		return jen.If(set).Block(
			jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id(d.setFunc(t)).Call(path, des, obs).Op("...")),
		)
	case t.Kind == model.List && t.Elem.Kind == model.Structure && !d.isTagList(t):
		return jen.If(set).Block(
			jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id(d.listFunc(t)).Call(path, des, obs).Op("...")),
		)
	}
	return jen.If(set.Op("&&").Add(d.differs(f, des, obs))).Block(mark)
}

// differs is the expression that a set desired value differs from the
// observed one.
func (d *differ) differs(f *model.Field, des, obs *jen.Statement) jen.Code {
	not := func(c jen.Code) jen.Code { return jen.Op("!").Add(c) }
	t := f.Type
	if d.attrs.Holds(f) {
		return not(jen.Qual(comparePkg, "Attribute").Call(jen.Op("*").Add(des), jen.Qual(convPkg, "Value").Call(obs)))
	}
	if hasDocument(t) {
		// AWS formats a document its own way: compare the data.
		return not(jen.Qual(comparePkg, "SameJSON").Call(des, obs))
	}
	switch t.Kind {
	case model.String, model.Enum:
		switch docKind(f) {
		case "policy":
			return not(jen.Qual(comparePkg, "Policy").Call(jen.Op("*").Add(des), jen.Qual(convPkg, "Value").Call(obs)))
		case "json":
			return not(jen.Qual(comparePkg, "JSON").Call(jen.Op("*").Add(des), jen.Qual(convPkg, "Value").Call(obs)))
		}
		return d.scalarDiffers(f, des, obs)
	case model.Bool, model.Int, model.IntEnum, model.Float:
		return d.scalarDiffers(f, des, obs)
	case model.Time:
		return not(jen.Add(des).Dot("Equal").Call(obs))
	case model.Bytes:
		return not(jen.Qual("bytes", "Equal").Call(des, obs))
	case model.List:
		switch {
		case d.isTagList(t):
			key, value := d.svc.Structs[t.Elem.Shape].TagMembers()
			elem := jen.Qual(d.api, d.apiType(t.Elem.Shape))
			return not(jen.Qual(comparePkg, "TagList").Call(des, obs, jen.Func().Params(jen.Id("t").Add(elem)).Params(jen.Op("*").String(), jen.Op("*").String()).Block(
				jen.Return(jen.Id("t").Dot(key.GoName), jen.Id("t").Dot(value.GoName)),
			)))
		case orderedScalar(t.Elem) && t.Unique:
			return not(jen.Qual(comparePkg, "SameElements").Call(des, obs))
		case orderedScalar(t.Elem):
			return not(jen.Qual("slices", "Equal").Call(des, obs))
		}
	case model.Map:
		if s := f.StringMap; s != nil {
			return not(jen.Qual(comparePkg, "SameMap").Call(des, obs, sameValue(s)))
		}
		if t.Elem.Kind == model.String && strings.Contains(f.Member, "Tag") {
			return not(jen.Qual(comparePkg, "Tags").Call(des, obs))
		}
		if orderedScalar(t.Elem) {
			return not(jen.Qual("maps", "Equal").Call(des, obs))
		}
	}
	// Lists of lists, maps of structs and the like are rare enough that a
	// semantic deep comparison of the leaf is the readable choice.
	return not(jen.Qual("k8s.io/apimachinery/pkg/api/equality", "Semantic").Dot("DeepEqual").Call(des, obs))
}

// scalarDiffers compares a set scalar. Where AWS leaves out a zero value
// (the SDK holds the member as a value, or inference says so), an
// observed nil is the zero value; elsewhere nil is a value of its own.
func (d *differ) scalarDiffers(f *model.Field, des, obs *jen.Statement) jen.Code {
	if f.NilEqualsZero || f.Type.SDKValue {
		return jen.Op("*").Add(des).Op("!=").Qual(convPkg, "Value").Call(obs)
	}
	return jen.Parens(jen.Add(obs.Clone()).Op("==").Nil().Op("||").Op("*").Add(des).Op("!=").Op("*").Add(obs))
}

// structFunc names (and queues) the comparison of one API struct.
func (d *differ) structFunc(shape string) string {
	name := "diff" + strings.ReplaceAll(d.apiType(shape), "_", "")
	if d.done[name] {
		return name
	}
	d.done[name] = true
	d.queued = append(d.queued, func() jen.Code {
		typ := jen.Qual(d.api, d.apiType(shape))
		body := []jen.Code{
			jen.Comment("AWS leaves out a struct whose fields are all unset."),
			jen.If(jen.Id("observed").Op("==").Nil()).Block(jen.Id("observed").Op("=").Op("&").Add(typ.Clone()).Values()),
			jen.Var().Id("diff").Index().String(),
		}
		for _, f := range d.svc.Structs[shape].Fields {
			if f.Secret || f.CompareIgnore {
				continue // AWS's value never reaches the observed spec, or generator.yaml says it is no drift
			}
			body = append(body, d.field(f, jen.Id("path").Op("+").Lit("."+f.JSONName)))
		}
		body = append(body, jen.Return(jen.Id("diff")))
		return jen.Func().Id(name).Params(
			jen.Id("path").String(),
			jen.List(jen.Id("desired"), jen.Id("observed")).Op("*").Add(typ),
		).Index().String().Block(body...)
	})
	return name
}

// listFunc names (and queues) the comparison of a list of structs: element
// by element when the lengths agree, else the whole list.
func (d *differ) listFunc(t *model.Type) string {
	elem := d.structFunc(t.Elem.Shape)
	name := elem + "List"
	if d.done[name] {
		return name
	}
	d.done[name] = true
	d.queued = append(d.queued, func() jen.Code {
		typ := jen.Index().Qual(d.api, d.apiType(t.Elem.Shape))
		return jen.Func().Id(name).Params(
			jen.Id("path").String(),
			jen.List(jen.Id("desired"), jen.Id("observed")).Add(typ),
		).Index().String().Block(
			jen.If(jen.Len(jen.Id("desired")).Op("!=").Len(jen.Id("observed"))).Block(
				jen.Return(jen.Index().String().Values(jen.Id("path"))),
			),
			jen.Var().Id("diff").Index().String(),
			jen.For(jen.Id("i").Op(":=").Range().Id("desired")).Block(
				jen.Id("at").Op(":=").Id("path").Op("+").Lit("[").Op("+").Qual("strconv", "Itoa").Call(jen.Id("i")).Op("+").Lit("]"),
				jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id(elem).Call(jen.Id("at"), jen.Op("&").Id("desired").Index(jen.Id("i")), jen.Op("&").Id("observed").Index(jen.Id("i"))).Op("...")),
			),
			jen.Return(jen.Id("diff")),
		)
	})
	return name
}

// setFunc names (and queues) the comparison of a list of structs the API
// treats as a set: the lists differ unless each desired element matches
// its own observed one, in any order.
func (d *differ) setFunc(t *model.Type) string {
	elem := d.structFunc(t.Elem.Shape)
	name := elem + "Set"
	if d.done[name] {
		return name
	}
	d.done[name] = true
	d.queued = append(d.queued, func() jen.Code {
		api := jen.Qual(d.api, d.apiType(t.Elem.Shape))
		typ := jen.Index().Add(api)
		return jen.Func().Id(name).Params(
			jen.Id("path").String(),
			jen.List(jen.Id("desired"), jen.Id("observed")).Add(typ),
		).Index().String().Block(
			jen.Id("same").Op(":=").Func().Params(jen.List(jen.Id("des"), jen.Id("obs")).Op("*").Add(api.Clone())).Bool().Block(
				jen.Return(jen.Len(jen.Id(elem).Call(jen.Id("path"), jen.Id("des"), jen.Id("obs"))).Op("==").Lit(0)),
			),
			jen.If(jen.Qual(comparePkg, "SameSet").Call(jen.Id("desired"), jen.Id("observed"), jen.Id("same"))).Block(
				jen.Return(jen.Nil()),
			),
			jen.Return(jen.Index().String().Values(jen.Id("path"))),
		)
	})
	return name
}

// hasDocument reports whether t is a Smithy document, or a list or map of
// them.
func hasDocument(t *model.Type) bool {
	for ; t != nil; t = t.Elem {
		if t.Kind == model.JSON {
			return true
		}
	}
	return false
}

// orderedScalar types compare with == and sort with <.
func orderedScalar(t *model.Type) bool {
	switch t.Kind {
	case model.String, model.Enum, model.Int, model.IntEnum, model.Float:
		return true
	}
	return false
}

// isTagList reports whether a list holds key-value tag structs: two
// string members, Key and Value (TagKey and TagValue in some services).
func (d *differ) isTagList(t *model.Type) bool {
	if t.Kind != model.List || t.Elem.Kind != model.Structure {
		return false
	}
	s := d.svc.Structs[t.Elem.Shape]
	key, _ := s.TagMembers()
	return key != nil && len(s.Fields) == 2
}

// docKind tells policy documents and other JSON documents among string
// fields, by name: Smithy rarely marks them. Both comparisons fall back to
// plain text equality when a value is not JSON, so a wrong guess is safe.
// The name is taken exported: an AWS JSON model's members are lowerCamel
// (ECR's policy).
func docKind(f *model.Field) string {
	name := exported(f.Member)
	switch {
	case strings.HasSuffix(name, "Policy") || strings.HasSuffix(name, "PolicyDocument"):
		return "policy"
	case strings.HasSuffix(name, "Document") || strings.HasSuffix(name, "Json") || strings.HasSuffix(name, "JSON"):
		return "json"
	}
	return ""
}
