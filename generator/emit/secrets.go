package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Secret fields: a top-level spec string that AWS marks @sensitive (or
// generator.yaml says secret: true) is given in the API as a
// SecretKeyReference. Its value is never in the object: the runtime reads
// the Secret before Create and Update, and the manager takes the value
// from the context with managed.SecretValue. AWS does not return such
// values, so they are neither observed nor compared.

// secretRef reports whether f is given as a Secret key reference.
func secretRef(f *model.Field) bool {
	return f.Secret && f.Class == model.ClassSecret && f.Type.Kind == model.String
}

// secretVar names the local variable holding a secret field's value.
func secretVar(f *model.Field) string { return "secret" + f.GoName }

// readSecrets emits reading the value of each secret field in fields.
// The statements declare err, so the code after them assigns it with =.
func readSecrets(fields []*model.Field, bail func(err jen.Code) jen.Code) []jen.Code {
	var out []jen.Code
	for _, f := range fields {
		out = append(out,
			jen.List(jen.Id(secretVar(f)), jen.Err()).Op(":=").Qual(managedPkg, "SecretValue").Call(jen.Id("ctx"), jen.Id("cr").Dot("Spec").Dot(f.GoName)),
			jen.If(jen.Err().Op("!=").Nil()).Block(bail(jen.Err())),
		)
	}
	return out
}

// specValue is the expression holding a spec field's value for an AWS
// call: the field itself, or the secret read into a local variable.
func specValue(f *model.Field) *jen.Statement {
	switch {
	case secretRef(f):
		return jen.Id(secretVar(f))
	case secretMap(f):
		return secretValue(f, jen.Id("cr").Dot("Spec"))
	}
	return jen.Id("cr").Dot("Spec").Dot(f.GoName)
}

// secretRefType is the API type of a secret field.
func secretRefType() jen.Code { return jen.Op("*").Qual(ackv1alpha1, "SecretKeyReference") }

// Nested secrets: a @sensitive string at any depth of the spec is a
// SecretKeyReference too, and a @sensitive map of strings keeps its own
// entries (the incumbent's shape, for values that are not secret) beside
// a <name>From SecretReference whose Secret's keys join them, as a Pod's
// envFrom does. Struct conversions that meet either take the manager's
// *managed.SecretReader, named sec; the status and the observed spec never
// carry the values, and the drift check passes over them.

// secretKey reports whether a struct field is given as a
// SecretKeyReference.
func secretKey(f *model.Field) bool { return f.Secret && f.Type.Kind == model.String }

// secretMap reports whether a field is a @sensitive map of strings.
func secretMap(f *model.Field) bool { return f.Secret && f.Type.Kind == model.Map }

// topSecret reports whether a top-level spec field holds a secret itself.
func topSecret(f *model.Field) bool { return secretRef(f) || secretMap(f) }

// fromNames are the Go and JSON names of a secret map's SecretReference.
func fromNames(f *model.Field) (goName, jsonName string) {
	return f.GoName + "From", f.JSONName + "From"
}

// hasSecrets reports whether values of type t hold a secret at any depth.
func (g *Gen) hasSecrets(t *model.Type) bool {
	switch t.Kind {
	case model.List, model.Map:
		return g.hasSecrets(t.Elem)
	case model.Structure:
		for _, f := range g.svc.Structs[t.Shape].Fields {
			if f.Secret || g.hasSecrets(f.Type) {
				return true
			}
		}
	}
	return false
}

// needsSecrets reports whether sending spec field f to AWS reads secrets.
func (g *Gen) needsSecrets(f *model.Field) bool {
	return secretMap(f) || g.hasSecrets(f.Type)
}

// secretPaths are the spec paths the runtime resolves before Create and
// Update: those of SecretKeyReferences (Kind.SecretFields) and those of
// SecretReferences (Kind.SecretMapFields), with * for every element of a
// list or value of a map.
func (g *Gen) secretPaths(r *model.Resource) (keys, maps []string) {
	var walk func(t *model.Type, at string)
	walk = func(t *model.Type, at string) {
		switch t.Kind {
		case model.List, model.Map:
			walk(t.Elem, at+".*")
		case model.Structure:
			for _, f := range g.svc.Structs[t.Shape].Fields {
				switch {
				case secretKey(f):
					keys = append(keys, at+"."+f.JSONName)
				case secretMap(f):
					_, from := fromNames(f)
					maps = append(maps, at+"."+from)
				default:
					walk(f.Type, at+"."+f.JSONName)
				}
			}
		}
	}
	for _, f := range r.Spec {
		switch {
		case secretRef(f):
			keys = append(keys, f.JSONName)
		case secretMap(f):
			_, from := fromNames(f)
			maps = append(maps, from)
		default:
			walk(f.Type, f.JSONName)
		}
	}
	return keys, maps
}

// secretValue is the expression reading secret field f of the API value x
// through the SecretReader sec.
func secretValue(f *model.Field, x *jen.Statement) *jen.Statement {
	if secretMap(f) {
		from, _ := fromNames(f)
		return jen.Id("sec").Dot("Map").Call(x.Clone().Dot(f.GoName), x.Clone().Dot(from))
	}
	return jen.Id("sec").Dot("Value").Call(x.Clone().Dot(f.GoName))
}

// readSecretsInto declares sec, the reader of the secrets the runtime
// resolved, for the conversions of one call.
func readSecretsInto() jen.Code {
	return jen.Id("sec").Op(":=").Qual(managedPkg, "ReadSecrets").Call(jen.Id("ctx"))
}

// checkSecrets returns the reader's first problem before AWS is called.
func checkSecrets() jen.Code {
	return jen.If(jen.Err().Op(":=").Id("sec").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}

// secretMapFromField is the API field of a secret map's SecretReference.
func secretMapFromField(f *model.Field) []jen.Code {
	goName, jsonName := fromNames(f)
	return []jen.Code{
		jen.Comment(fmt.Sprintf("%s names a Secret each of whose keys becomes an entry of %s, beside the entries written there.", goName, f.JSONName)),
		jen.Comment("+optional"),
		jen.Id(goName).Op("*").Qual(ackv1alpha1, "SecretReference").Tag(map[string]string{"json": jsonName + ",omitempty"}),
	}
}
