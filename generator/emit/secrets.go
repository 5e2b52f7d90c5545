package emit

import (
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

// secretFields are the JSON names of the spec's secret fields, for the
// runtime to resolve.
func secretFields(r *model.Resource) []string {
	var out []string
	for _, f := range r.Spec {
		if secretRef(f) {
			out = append(out, f.JSONName)
		}
	}
	return out
}

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
	if secretRef(f) {
		return jen.Id(secretVar(f))
	}
	return jen.Id("cr").Dot("Spec").Dot(f.GoName)
}

// secretRefType is the API type of a secret field.
func secretRefType() jen.Code { return jen.Op("*").Qual(ackv1alpha1, "SecretKeyReference") }
