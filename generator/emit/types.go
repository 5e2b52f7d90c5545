package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Types emits apis/<version>: the group, every kind, and the structs they
// use. Deepcopy and CRD YAML come from controller-tools afterwards.
func (g *Gen) Types() ([]File, error) {
	svc := g.svc
	dir := "apis/" + svc.Version + "/"
	gv := newFile(svc.Version)
	for _, line := range []string{
		fmt.Sprintf("Package %s is the %s API.", svc.Version, svc.Group),
		"+kubebuilder:object:generate=true",
		"+groupName=" + svc.Group,
	} {
		gv.PackageComment(line)
	}
	gv.Comment("GroupVersion identifies the API.")
	gv.Var().Id("GroupVersion").Op("=").Qual("k8s.io/apimachinery/pkg/runtime/schema", "GroupVersion").Values(jen.Dict{
		jen.Id("Group"):   jen.Lit(svc.Group),
		jen.Id("Version"): jen.Lit(svc.Version),
	})
	var objects []jen.Code
	for _, r := range svc.Resources {
		objects = append(objects, jen.Op("&").Id(r.Kind).Values(), jen.Op("&").Id(r.Kind+"List").Values())
	}
	gv.Comment("AddToScheme registers the API's kinds.")
	gv.Func().Id("AddToScheme").Params(jen.Id("s").Op("*").Qual("k8s.io/apimachinery/pkg/runtime", "Scheme")).Error().Block(
		jen.Id("s").Dot("AddKnownTypes").Call(append([]jen.Code{jen.Id("GroupVersion")}, objects...)...),
		jen.Qual(metav1, "AddToGroupVersion").Call(jen.Id("s"), jen.Id("GroupVersion")),
		jen.Return(jen.Nil()),
	)
	files := []*jen.File{gv}
	paths := []string{dir + "groupversion_info.go"}
	for _, r := range svc.Resources {
		files = append(files, g.kindFile(r))
		paths = append(paths, dir+lower(r.Kind)+".go")
	}
	shared := newFile(svc.Version)
	deep := g.unionsUnderCollections()
	for _, shape := range sortedKeys(g.typeNames) {
		s := svc.Structs[shape]
		name := g.apiType(shape)
		comments(shared.Group, append([]string{fmt.Sprintf("%s mirrors the AWS %s shape.", name, s.Shape)}, unionRule(shape, s, deep[shape])...))
		shared.Type().Id(name).Struct(g.fieldsCode(s.Fields)...)
		shared.Line()
	}
	files = append(files, shared)
	paths = append(paths, dir+"types.go")

	out := make([]File, len(files))
	for i, f := range files {
		var err error
		if out[i], err = render(paths[i], f); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (g *Gen) kindFile(r *model.Resource) *jen.File {
	f := newFile(g.svc.Version)
	comments(f.Group, append([]string{fmt.Sprintf("%sSpec is the desired state of the %s.", r.Kind, r.Kind)}, removalRules(r)...))
	f.Type().Id(r.Kind + "Spec").Struct(g.fieldsCode(r.Spec)...)
	f.Line()

	status := []jen.Code{jen.Qual(ackv1alpha1, "ManagedStatus").Tag(map[string]string{"json": ",inline"})}
	f.Comment(fmt.Sprintf("%sStatus is the state of the %s that AWS reports.", r.Kind, r.Kind))
	f.Type().Id(r.Kind + "Status").Struct(append(status, g.fieldsCode(statusFields(r))...)...)
	f.Line()

	markers := []string{
		"+kubebuilder:object:root=true",
		"+kubebuilder:subresource:status",
		fmt.Sprintf("+kubebuilder:resource:categories=aws;%s%s", g.svc.Name, shortNames(r)),
	}
	markers = append(markers, printColumns(r)...)
	markers = append(markers, additionRules(r)...)
	comments(f.Group, append([]string{fmt.Sprintf("%s is an AWS %s resource managed from Kubernetes.", r.Kind, g.svc.Name)}, markers...))
	f.Type().Id(r.Kind).Struct(
		jen.Qual(metav1, "TypeMeta").Tag(map[string]string{"json": ",inline"}),
		jen.Qual(metav1, "ObjectMeta").Tag(map[string]string{"json": "metadata,omitempty"}),
		jen.Line(),
		jen.Id("Spec").Id(r.Kind+"Spec").Tag(map[string]string{"json": "spec,omitempty"}),
		jen.Id("Status").Id(r.Kind+"Status").Tag(map[string]string{"json": "status,omitempty"}),
	)
	f.Line()
	comments(f.Group, []string{fmt.Sprintf("%sList is a list of %s.", r.Kind, r.Plural), "+kubebuilder:object:root=true"})
	f.Type().Id(r.Kind+"List").Struct(
		jen.Qual(metav1, "TypeMeta").Tag(map[string]string{"json": ",inline"}),
		jen.Qual(metav1, "ListMeta").Tag(map[string]string{"json": "metadata,omitempty"}),
		jen.Id("Items").Index().Id(r.Kind).Tag(map[string]string{"json": "items"}),
	)
	f.Line()
	f.Comment("GetManagedStatus gives the runtime the status fields every kind shares.")
	f.Func().Params(jen.Id("in").Op("*").Id(r.Kind)).Id("GetManagedStatus").Params().Op("*").Qual(ackv1alpha1, "ManagedStatus").Block(
		jen.Return(jen.Op("&").Id("in").Dot("Status").Dot("ManagedStatus")),
	)
	return f
}

// comments writes one // comment per line: controller-tools reads
// markers only from line comments.
func comments(g *jen.Group, lines []string) {
	for _, l := range lines {
		g.Comment(l)
	}
}

func shortNames(r *model.Resource) string {
	if len(r.ShortNames) == 0 {
		return ""
	}
	return ",shortName=" + strings.Join(r.ShortNames, ";")
}

func (g *Gen) fieldsCode(fields []*model.Field) []jen.Code {
	var out []jen.Code
	for _, f := range fields {
		var comment []string
		if doc := g.description(f); doc != "" {
			comment = append(comment, doc)
		}
		typ := g.apiTypeIn(f.Type, true, "")
		if secretRef(f) || secretKey(f) {
			comment = append(comment, "The value is read from a key of a Kubernetes Secret: {name, key, namespace}.")
			typ = secretRefType()
		}
		if secretMap(f) {
			_, from := fromNames(f)
			comment = append(comment, fmt.Sprintf("AWS treats the entries as secret: keep secret values in the Secret that %s names, and write here only those that are not.", from))
		}
		comment = append(comment, g.withoutBytesTransition(f, fieldMarkers(f))...)
		comment = append(comment, g.requiredUnionRule(f)...)
		tag := f.JSONName
		if !required(f) {
			tag += ",omitempty"
		}
		for _, c := range comment {
			out = append(out, jen.Comment(c))
		}
		out = append(out, jen.Id(f.GoName).Add(typ).Tag(map[string]string{"json": tag}))
		if secretMap(f) {
			out = append(out, secretMapFromField(f)...)
		}
		if f.BytesFrom {
			out = append(out, bytesFromField(f)...)
		}
		if f.Reference != nil {
			goName, jsonName := refNames(f)
			ref := jen.Op("*").Qual(ackv1alpha1, "AWSResourceReferenceWrapper")
			if f.Type.Kind == model.List {
				// Values, not pointers: controller-gen's deepcopy copies a
				// slice of pointers to another package's struct wrongly.
				ref = jen.Index().Qual(ackv1alpha1, "AWSResourceReferenceWrapper")
			}
			out = append(out, jen.Comment(fmt.Sprintf("%s names the %s whose %s fills %s.", goName, f.Reference.Kind, f.Reference.Path, f.JSONName)),
				jen.Comment("+optional"))
			if f.CreateOnly {
				out = append(out, jen.Comment(fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="self == oldSelf",message="%s cannot change once set"`, jsonName)))
			}
			out = append(out,
				jen.Id(goName).Add(ref).Tag(map[string]string{"json": jsonName + ",omitempty"}),
			)
		}
	}
	return out
}

// description is a field's CRD description: the first paragraph of the
// documentation its reference doc shows. The converter parses any text,
// so an error here is a bug in it, which the pipeline reports with the
// kind being emitted.
func (g *Gen) description(f *model.Field) string {
	doc, err := g.docs.Summary(f.Doc)
	if err != nil {
		panic(fmt.Errorf("field %s: %w", f.Member, err))
	}
	return doc
}

// required fields must be in the manifest, unless a reference can fill them.
func required(f *model.Field) bool { return f.Required && f.Reference == nil }

// statusFields leaves out secrets: a status is readable by anyone who can
// read the object.
func statusFields(r *model.Resource) []*model.Field {
	var out []*model.Field
	for _, f := range r.Status {
		if !f.Secret {
			out = append(out, f)
		}
	}
	return out
}

// apiTypeIn is the custom resource type for t: pointers for optional
// scalars and structs at the top, values inside lists and maps. Code
// outside the API package passes its import path as pkg.
func (g *Gen) apiTypeIn(t *model.Type, top bool, pkg string) jen.Code {
	ptr := func(c jen.Code) jen.Code {
		if top {
			return jen.Op("*").Add(c)
		}
		return c
	}
	switch t.Kind {
	case model.String, model.Enum:
		return ptr(jen.String())
	case model.Bool:
		return ptr(jen.Bool())
	case model.Int, model.IntEnum:
		return ptr(jen.Int64())
	case model.Float:
		return ptr(jen.Float64())
	case model.Time:
		return ptr(jen.Qual(metav1, "Time"))
	case model.Bytes:
		return jen.Index().Byte()
	case model.Structure:
		return ptr(jen.Qual(pkg, g.apiType(t.Shape)))
	case model.List:
		return jen.Index().Add(g.apiTypeIn(t.Elem, false, pkg))
	case model.Map:
		return jen.Map(jen.String()).Add(g.apiTypeIn(t.Elem, false, pkg))
	case model.JSON:
		return ptr(jen.Qual("k8s.io/apimachinery/pkg/runtime", "RawExtension"))
	}
	panic(fmt.Sprintf("unknown type kind %d", t.Kind))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
