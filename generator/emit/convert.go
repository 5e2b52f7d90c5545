package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// converter writes the expressions and helper functions that move values
// between custom resource types and SDK types. Struct conversions become
// named functions, each emitted once however often it is used.
type converter struct {
	*Gen
	api    string // import path of the API types
	sdk    string // import path of the SDK client package
	done   map[string]bool
	queued []func() jen.Code
}

func (g *Gen) newConverter() *converter {
	return &converter{
		Gen:  g,
		api:  g.APIPackage(),
		sdk:  g.sdkPackage(),
		done: map[string]bool{},
	}
}

// types is the SDK type of a shape nested in an input or output: the
// types package declares it under its (capitalised) name.
func (c *converter) types(name string) *jen.Statement {
	return jen.Qual(c.sdk+"/types", exported(name))
}

// funcs returns the struct conversion functions used so far, including
// the ones they use in turn.
func (c *converter) funcs() []jen.Code {
	var out []jen.Code
	for len(c.queued) > 0 {
		next := c.queued[0]
		c.queued = c.queued[1:]
		out = append(out, next(), jen.Line())
	}
	return out
}

// sdkElem is the SDK's type of a value inside a list or map.
func (c *converter) sdkElem(t *model.Type) jen.Code {
	switch t.Kind {
	case model.String:
		return jen.String()
	case model.Enum, model.IntEnum:
		return c.types(t.Shape)
	case model.Bool:
		return jen.Bool()
	case model.Int:
		return jen.Id(fmt.Sprintf("int%d", t.Bits))
	case model.Float:
		return jen.Id(fmt.Sprintf("float%d", t.Bits))
	case model.Time:
		return jen.Qual("time", "Time")
	case model.Bytes:
		return jen.Index().Byte()
	case model.Structure:
		return c.types(t.Shape)
	case model.List:
		return jen.Index().Add(c.sdkElem(t.Elem))
	case model.Map:
		return jen.Map(jen.String()).Add(c.sdkElem(t.Elem))
	case model.JSON:
		return c.document("Interface")
	}
	panic(fmt.Sprintf("no SDK type for kind %d", t.Kind))
}

// toSDK converts x, a custom resource value of type cr, to the SDK's
// representation of sdk. top is false inside lists and maps, where both
// sides hold values rather than pointers.
func (c *converter) toSDK(cr, sdk *model.Type, x jen.Code, top bool) jen.Code {
	if cr.One && sdk.Kind != model.List {
		return c.toSDK(cr.Elem, sdk, jen.Qual(convPkg, "First").Call(x), top)
	}
	if cr.Single && sdk.Kind == model.List {
		return jen.Qual(convPkg, "One").Call(x)
	}
	value := top && sdk.SDKValue
	switch sdk.Kind {
	case model.String:
		if value {
			return jen.Qual(convPkg, "Value").Call(x)
		}
		return x
	case model.Bool:
		if value {
			return jen.Qual(convPkg, "Value").Call(x)
		}
		return x
	case model.Enum:
		if !top {
			return c.types(sdk.Shape).Call(x)
		}
		return jen.Qual(convPkg, "ToEnum").Types(c.types(sdk.Shape)).Call(x)
	case model.IntEnum:
		if !top {
			return c.types(sdk.Shape).Call(x)
		}
		return jen.Qual(convPkg, "IntValue").Types(c.types(sdk.Shape)).Call(x)
	case model.Int, model.Float:
		fn, width := "Int", fmt.Sprintf("int%d", sdk.Bits)
		if sdk.Kind == model.Float {
			fn, width = "Float", fmt.Sprintf("float%d", sdk.Bits)
		}
		switch {
		case !top:
			return jen.Id(width).Call(x)
		case value:
			return jen.Qual(convPkg, fn+"Value").Types(jen.Id(width)).Call(x)
		}
		return jen.Qual(convPkg, fn).Types(jen.Id(width)).Call(x)
	case model.Time:
		if !top {
			return jen.Add(x).Dot("Time")
		}
		return jen.Qual(convPkg, "ToTime").Call(x)
	case model.Bytes:
		return x
	case model.JSON:
		if !top {
			x = jen.Op("&").Add(x) // elements are values
		}
		return jen.Qual(convPkg, "ToDocument").Call(x, c.document("NewLazyDocument"))
	case model.Structure:
		fn := c.toSDKFuncValue(cr, sdk)
		switch {
		case !top:
			return jen.Add(fn).Call(x)
		case c.isUnion(sdk.Shape):
			return jen.Qual(convPkg, "Union").Call(x, fn)
		}
		return jen.Qual(convPkg, "Ptr").Call(x, fn)
	case model.List, model.Map:
		if sameElems(cr.Elem, sdk.Elem) {
			return x
		}
		var structFn jen.Code
		if sdk.Kind == model.List && sdk.Elem.Kind == model.Structure {
			structFn = c.toSDKFuncValue(cr.Elem, sdk.Elem)
		}
		return c.eachElem(sdk.Kind, x, structFn, c.apiTypeIn(cr.Elem, false, c.api), c.sdkElem(sdk.Elem),
			func(v jen.Code) jen.Code { return c.toSDK(cr.Elem, sdk.Elem, v, false) })
	}
	panic(fmt.Sprintf("no conversion to SDK for kind %d", sdk.Kind))
}

// fromSDK converts x, an SDK value of type sdk, to the custom resource
// representation of cr.
func (c *converter) fromSDK(cr, sdk *model.Type, x jen.Code, top bool) jen.Code {
	if cr.One && sdk.Kind != model.List {
		return jen.Qual(convPkg, "One").Call(c.fromSDK(cr.Elem, sdk, x, top))
	}
	if cr.Single && sdk.Kind == model.List {
		return jen.Qual(convPkg, "First").Call(x)
	}
	value := top && sdk.SDKValue
	switch sdk.Kind {
	case model.String, model.Bool:
		if value {
			return jen.Qual(convPkg, "Of").Call(x)
		}
		return x
	case model.Enum:
		if !top {
			return jen.String().Call(x)
		}
		return jen.Qual(convPkg, "FromEnum").Call(x)
	case model.IntEnum, model.Int, model.Float:
		fn, width := "Int", "int64"
		if sdk.Kind == model.Float {
			fn, width = "Float", "float64"
		}
		switch {
		case !top:
			return jen.Id(width).Call(x)
		case value || sdk.Kind == model.IntEnum:
			return jen.Qual(convPkg, fn+"Ptr").Call(x)
		}
		return jen.Qual(convPkg, fn).Types(jen.Id(width)).Call(x)
	case model.Time:
		if !top {
			return jen.Qual(metav1, "NewTime").Call(x)
		}
		return jen.Qual(convPkg, "FromTime").Call(x)
	case model.Bytes:
		return x
	case model.JSON:
		if !top {
			return jen.Qual(convPkg, "FromDocumentValue").Call(x)
		}
		return jen.Qual(convPkg, "FromDocument").Call(x)
	case model.Structure:
		fn := c.fromSDKFunc(cr.Shape, sdk.Shape)
		switch {
		case !top:
			return jen.Id(fn).Call(x)
		case c.isUnion(sdk.Shape):
			return jen.Qual(convPkg, "FromUnion").Call(x, jen.Id(fn))
		}
		return jen.Qual(convPkg, "Ptr").Call(x, jen.Id(fn))
	case model.List, model.Map:
		if sameElems(cr.Elem, sdk.Elem) {
			return x
		}
		if cr.Elem.Kind == model.String && c.wrappedString(sdk.Elem) != nil {
			return c.unwrapStrings(sdk, x)
		}
		var structFn jen.Code
		if sdk.Kind == model.List && sdk.Elem.Kind == model.Structure {
			structFn = jen.Id(c.fromSDKFunc(cr.Elem.Shape, sdk.Elem.Shape))
		}
		return c.eachElem(sdk.Kind, x, structFn, c.sdkElem(sdk.Elem), c.apiTypeIn(cr.Elem, false, c.api),
			func(v jen.Code) jen.Code { return c.fromSDK(cr.Elem, sdk.Elem, v, false) })
	}
	panic(fmt.Sprintf("no conversion from SDK for kind %d", sdk.Kind))
}

// eachElem converts the list or map x element by element: through the
// struct conversion function value structFn when there is one, else through a
// closure from type in to type out whose result elem writes.
func (c *converter) eachElem(kind model.Kind, x jen.Code, structFn jen.Code, in, out jen.Code, elem func(v jen.Code) jen.Code) jen.Code {
	fn := "Slice"
	if kind == model.Map {
		fn = "Map"
	}
	if structFn != nil {
		return jen.Qual(convPkg, fn).Call(x, structFn)
	}
	return jen.Qual(convPkg, fn).Call(x, jen.Func().Params(jen.Id("v").Add(in)).Add(out).Block(
		jen.Return(elem(jen.Id("v"))),
	))
}

// document names a member of the service's document package, which
// declares the SDK's document type and its constructor.
func (c *converter) document(name string) *jen.Statement {
	return jen.Qual(c.sdk+"/document", name)
}

// sameElems reports whether list or map elements need no conversion.
func sameElems(cr, sdk *model.Type) bool {
	switch sdk.Kind {
	case model.String, model.Bool, model.Bytes:
		return cr.Kind == sdk.Kind
	case model.Int:
		return cr.Kind == model.Int && sdk.Bits == 64
	case model.Float:
		return cr.Kind == model.Float && sdk.Bits == 64
	}
	return false
}

// compatible reports whether a custom resource field of type cr can be
// filled from an SDK member of type sdk.
func compatible(cr, sdk *model.Type) bool {
	if cr.One && sdk.Kind != model.List {
		return compatible(cr.Elem, sdk)
	}
	if cr.Single && sdk.Kind == model.List {
		return sdk.Elem.Kind == model.String
	}
	norm := func(k model.Kind) model.Kind {
		switch k {
		case model.Enum:
			return model.String
		case model.IntEnum:
			return model.Int
		}
		return k
	}
	if norm(cr.Kind) != norm(sdk.Kind) {
		return false
	}
	if cr.Kind == model.List || cr.Kind == model.Map {
		return compatible(cr.Elem, sdk.Elem)
	}
	return true
}

// once queues build to write the function called name, the first time name
// is asked for, and returns name.
func (c *converter) once(name string, build func() jen.Code) string {
	if !c.done[name] {
		c.done[name] = true
		c.queued = append(c.queued, build)
	}
	return name
}

// funcName names a conversion between the API type of crShape and the
// SDK shape sdkShape, e.g. sdkTag, apiProvisionedThroughputStatus or
// apiProvisionedThroughputFromProvisionedThroughputDescription.
func (c *converter) funcName(prefix, crShape, sdkShape string) string {
	name := prefix + strings.ReplaceAll(c.apiType(crShape), "_", "")
	if c.svc.Structs[crShape].Shape != sdkShape {
		name += "From" + exported(sdkShape)
	}
	return name
}

// toSDKFunc names (and queues) the function converting the API struct of
// crShape to the SDK struct sdkShape.
func (c *converter) toSDKFunc(crShape, sdkShape string) string {
	name := c.funcName("sdk", crShape, sdkShape)
	return c.once(name, func() jen.Code {
		defer inShape(crShape)
		params := jen.Params(jen.Id("in").Qual(c.api, c.apiType(crShape)))
		body := c.toSDKStruct(crShape, sdkShape)
		if c.isUnion(sdkShape) {
			body = c.toSDKUnion(crShape, sdkShape)
		}
		if !c.hasSecrets(&model.Type{Kind: model.Structure, Shape: crShape}) {
			return jen.Func().Id(name).Add(params).Add(c.types(sdkShape)).Block(body...)
		}
		// The secrets come from the manager's reader, sec.
		return jen.Func().Id(name).Params(jen.Id("sec").Op("*").Qual(managedPkg, "SecretReader")).Func().Add(params).Add(c.types(sdkShape)).Block(
			jen.Return(jen.Func().Add(params).Add(c.types(sdkShape)).Block(body...)),
		)
	})
}

// toSDKStruct is the body of a function converting the API struct of
// crShape to the SDK struct sdkShape.
func (c *converter) toSDKStruct(crShape, sdkShape string) []jen.Code {
	cr := c.svc.Structs[crShape]
	sdk := c.svc.Structs[sdkShape]
	fields := jen.Dict{}
	for _, m := range sdk.Fields {
		f := cr.FieldByMember(m.Member)
		if f == nil || f.Expects != "" || !compatible(f.Type, m.Type) {
			continue
		}
		x := jen.Id("in").Dot(f.GoName)
		if f.Secret {
			x = secretValue(f, jen.Id("in"))
		}
		fields[jen.Id(m.SDKName)] = c.toSDK(f.Type, m.Type, x, true)
	}
	return []jen.Code{jen.Return(c.types(sdkShape).Values(fields))}
}

// toSDKUnion is the body of a function converting the API struct of
// crShape to the SDK union sdkShape: the member of the first field set,
// nil when none is.
func (c *converter) toSDKUnion(crShape, sdkShape string) []jen.Code {
	cr := c.svc.Structs[crShape]
	sdk := c.svc.Structs[sdkShape]
	var cases []jen.Code
	for _, m := range sdk.Fields {
		f := cr.FieldByMember(m.Member)
		if f == nil || f.Expects != "" || !compatible(f.Type, m.Type) {
			continue
		}
		set := jen.Id("in").Dot(f.GoName).Op("!=").Nil()
		if secretMap(f) {
			from, _ := fromNames(f)
			set = set.Op("||").Id("in").Dot(from).Op("!=").Nil()
		}
		cases = append(cases, jen.Case(set).Block(
			jen.Return(jen.Op("&").Add(c.unionMember(sdkShape, m)).Values(jen.Dict{
				jen.Id("Value"): c.toSDKMemberValue(f, m),
			})),
		))
	}
	return []jen.Code{jen.Switch().Block(cases...), jen.Return(jen.Nil())}
}

// unionMember is the SDK struct holding member m of union sdkShape.
func (c *converter) unionMember(sdkShape string, m *model.Field) *jen.Statement {
	return c.types(exported(sdkShape) + "Member" + m.SDKName)
}

// toSDKMemberValue converts the set field f of an API union to the value
// the SDK's member struct holds: never a pointer.
func (c *converter) toSDKMemberValue(f, m *model.Field) jen.Code {
	x := jen.Id("in").Dot(f.GoName)
	switch {
	case secretMap(f):
		return secretValue(f, jen.Id("in"))
	case f.Secret:
		return jen.Qual(convPkg, "Value").Call(secretValue(f, jen.Id("in")))
	}
	switch m.Type.Kind {
	case model.List, model.Map, model.Bytes, model.JSON:
		return c.toSDK(f.Type, m.Type, x, true)
	case model.Time:
		return c.toSDK(f.Type, m.Type, x, false) // x.Time reads through the pointer
	}
	return c.toSDK(f.Type, m.Type, jen.Op("*").Add(x), false)
}

// isUnion reports whether shape is a Smithy union.
func (c *converter) isUnion(shape string) bool {
	s := c.svc.Structs[shape]
	return s != nil && s.Union
}

// toSDKFuncValue is the function value converting the API struct of type
// cr to the SDK struct sdk: bound to the reader sec when the struct holds
// secrets.
func (c *converter) toSDKFuncValue(cr, sdk *model.Type) *jen.Statement {
	fn := jen.Id(c.toSDKFunc(cr.Shape, sdk.Shape))
	if c.hasSecrets(cr) {
		return fn.Call(jen.Id("sec"))
	}
	return fn
}

// fromSDKFunc names (and queues) the function converting the SDK struct
// sdkShape to the API struct of crShape.
func (c *converter) fromSDKFunc(crShape, sdkShape string) string {
	name := c.funcName("api", crShape, sdkShape)
	return c.once(name, func() jen.Code {
		defer inShape(crShape)
		if c.isUnion(sdkShape) {
			return jen.Func().Id(name).Params(jen.Id("in").Add(c.types(sdkShape))).Qual(c.api, c.apiType(crShape)).Block(
				c.fromSDKUnion(crShape, sdkShape)...,
			)
		}
		cr := c.svc.Structs[crShape]
		sdk := c.svc.Structs[sdkShape]
		fields := jen.Dict{}
		for _, f := range cr.Fields {
			m := sdk.FieldByMember(f.Member)
			if m == nil || m.Expects != "" || !c.readable(f.Type, m.Type) || f.Secret {
				continue // a secret's value never comes back into the object
			}
			fields[jen.Id(f.GoName)] = c.fromSDK(f.Type, m.Type, jen.Id("in").Dot(m.SDKName), true)
		}
		return jen.Func().Id(name).Params(jen.Id("in").Add(c.types(sdkShape))).Qual(c.api, c.apiType(crShape)).Block(
			jen.Return(jen.Qual(c.api, c.apiType(crShape)).Values(fields)),
		)
	})
}

// fromSDKUnion is the body of a function converting the SDK union
// sdkShape to the API struct of crShape: a type switch setting the field
// of the member AWS sent. A member this SDK does not know
// (*types.UnknownUnionMember) sets nothing.
func (c *converter) fromSDKUnion(crShape, sdkShape string) []jen.Code {
	cr := c.svc.Structs[crShape]
	sdk := c.svc.Structs[sdkShape]
	out := jen.Qual(c.api, c.apiType(crShape))
	var cases []jen.Code
	for _, f := range cr.Fields {
		m := sdk.FieldByMember(f.Member)
		if m == nil || !compatible(f.Type, m.Type) || f.Secret {
			continue // a secret's value never comes back into the object
		}
		cases = append(cases, jen.Case(jen.Op("*").Add(c.unionMember(sdkShape, m))).Block(
			jen.Id("out").Dot(f.GoName).Op("=").Add(c.fromSDKMemberValue(f, m)),
		))
	}
	if len(cases) == 0 {
		return []jen.Code{jen.Return(out.Clone().Values())}
	}
	return []jen.Code{
		jen.Var().Id("out").Add(out),
		jen.Switch(jen.Id("v").Op(":=").Id("in").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Id("out")),
	}
}

// fromSDKMemberValue converts v.Value, the value of an SDK union member,
// to the API field f: a pointer for scalars and structs.
func (c *converter) fromSDKMemberValue(f, m *model.Field) jen.Code {
	v := jen.Id("v").Dot("Value")
	switch {
	case m.Type.Kind == model.List, m.Type.Kind == model.Map, m.Type.Kind == model.Bytes, m.Type.Kind == model.JSON,
		m.Type.Kind == model.Structure && c.isUnion(m.Type.Shape):
		return c.fromSDK(f.Type, m.Type, v, true)
	}
	return jen.Qual(convPkg, "Of").Call(c.fromSDK(f.Type, m.Type, v, false))
}

// outputFunc names (and queues) the function converting the output of op,
// a struct of the client package, to the API struct of crShape: a
// sub-resource's get returns the configuration as its whole output.
func (c *converter) outputFunc(crShape string, op *model.Operation) string {
	name := "api" + strings.ReplaceAll(c.apiType(crShape), "_", "") + "From" + op.Name + "Output"
	return c.once(name, func() jen.Code {
		defer inShape(crShape)
		cr := c.svc.Structs[crShape]
		sdk := c.svc.Structs[op.Output]
		fields := jen.Dict{}
		for _, f := range cr.Fields {
			m := sdk.FieldByMember(f.Member)
			if m == nil || !compatible(f.Type, m.Type) || f.Secret {
				continue // a secret's value never comes back into the object
			}
			fields[jen.Id(f.GoName)] = c.fromSDK(f.Type, m.Type, jen.Id("in").Dot(m.SDKName), true)
		}
		return jen.Func().Id(name).Params(jen.Id("in").Qual(c.sdk, op.Name+"Output")).Qual(c.api, c.apiType(crShape)).Block(
			jen.Return(jen.Qual(c.api, c.apiType(crShape)).Values(fields)),
		)
	})
}
