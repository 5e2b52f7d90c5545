package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// wrappedString returns the member of the SDK structure t when t is a
// structure whose only member is the string Value: EC2 reads DHCP option
// values back as [{Value: "10.0.0.2"}] where the create takes
// ["10.0.0.2"].
func (c *converter) wrappedString(t *model.Type) *model.Field {
	if t.Kind != model.Structure {
		return nil
	}
	s := c.svc.Structs[t.Shape]
	if s == nil || len(s.Fields) != 1 || s.Fields[0].Member != "Value" || s.Fields[0].Type.Kind != model.String {
		return nil
	}
	return s.Fields[0]
}

// readable reports whether a custom resource field of type cr can be
// filled from an SDK member of type sdk read back: compatible, or a list
// of strings read as a list of wrapped strings.
func (c *converter) readable(cr, sdk *model.Type) bool {
	if compatible(cr, sdk) {
		return true
	}
	return cr.Kind == model.List && sdk.Kind == model.List && cr.Elem.Kind == model.String && c.wrappedString(sdk.Elem) != nil
}

// unwrapStrings converts x, a list of wrapped strings, to a list of
// strings.
func (c *converter) unwrapStrings(sdk *model.Type, x jen.Code) jen.Code {
	w := c.wrappedString(sdk.Elem)
	return jen.Qual(convPkg, "Slice").Call(x, jen.Func().Params(jen.Id("v").Add(c.sdkElem(sdk.Elem))).String().Block(
		jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("v").Dot(w.SDKName))),
	))
}
