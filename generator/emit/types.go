package emit

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// APIPackage returns the import path of a service's API types.
func APIPackage(svc *model.Service) string {
	return fmt.Sprintf("%s/generated/%s/apis/%s", modulePath, svc.Name, svc.Version)
}

// Types emits apis/<version>: the group, every kind, and the structs they
// use. Deepcopy and CRD YAML come from controller-tools afterwards.
func Types(svc *model.Service) ([]File, error) {
	dir := "apis/" + svc.Version + "/"
	var files []File

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
	f, err := render(dir+"groupversion_info.go", gv)
	if err != nil {
		return nil, err
	}
	files = append(files, f)

	for _, r := range svc.Resources {
		f, err := render(dir+strings.ToLower(r.Kind)+".go", kindFile(svc, r))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}

	shared := newFile(svc.Version)
	for _, name := range sortedKeys(svc.Structs) {
		s := svc.Structs[name]
		if !s.InAPI {
			continue
		}
		shared.Comment(fmt.Sprintf("%s mirrors the AWS %s shape.", s.GoName, s.Shape))
		shared.Type().Id(s.GoName).Struct(fieldsCode(s.Fields)...)
		shared.Line()
	}
	f, err = render(dir+"types.go", shared)
	if err != nil {
		return nil, err
	}
	return append(files, f), nil
}

func kindFile(svc *model.Service, r *model.Resource) *jen.File {
	f := newFile(svc.Version)
	f.Comment(fmt.Sprintf("%sSpec is the desired state of the %s.", r.Kind, r.Kind))
	f.Type().Id(r.Kind + "Spec").Struct(fieldsCode(r.Spec)...)
	f.Line()

	status := []jen.Code{jen.Qual(ackv1alpha1, "ManagedStatus").Tag(map[string]string{"json": ",inline"})}
	f.Comment(fmt.Sprintf("%sStatus is the state of the %s that AWS reports.", r.Kind, r.Kind))
	f.Type().Id(r.Kind + "Status").Struct(append(status, fieldsCode(r.Status)...)...)
	f.Line()

	markers := []string{
		"+kubebuilder:object:root=true",
		"+kubebuilder:subresource:status",
		fmt.Sprintf("+kubebuilder:resource:categories=aws;%s%s", svc.Name, shortNames(r)),
		`+kubebuilder:printcolumn:name="Ready",type=string,JSONPath=".status.conditions[?(@.type==\"Ready\")].status"`,
		`+kubebuilder:printcolumn:name="Synced",type=string,JSONPath=".status.conditions[?(@.type==\"ACK.ResourceSynced\")].status"`,
	}
	for _, c := range r.Columns {
		markers = append(markers, fmt.Sprintf("+kubebuilder:printcolumn:name=%q,type=%s,JSONPath=%q,priority=%d", c.Name, c.Type, c.JSONPath, c.Priority))
	}
	markers = append(markers, `+kubebuilder:printcolumn:name="Age",type=date,JSONPath=".metadata.creationTimestamp"`)
	comments(f.Group, append([]string{fmt.Sprintf("%s is an AWS %s resource managed from Kubernetes.", r.Kind, svc.Name)}, markers...))
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

func fieldsCode(fields []*model.Field) []jen.Code {
	var out []jen.Code
	for _, f := range fields {
		var comment []string
		if f.Doc != "" {
			comment = append(comment, f.Doc)
		}
		comment = append(comment, fieldMarkers(f)...)
		tag := f.JSONName
		if !f.Required {
			tag += ",omitempty"
		}
		for _, c := range comment {
			out = append(out, jen.Comment(c))
		}
		out = append(out, jen.Id(f.GoName).Add(apiType(f.Type, true)).Tag(map[string]string{"json": tag}))
	}
	return out
}

func fieldMarkers(f *model.Field) []string {
	var m []string
	if f.Required {
		m = append(m, "+kubebuilder:validation:Required")
	} else {
		m = append(m, "+optional")
	}
	if f.CreateOnly {
		m = append(m, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="self == oldSelf",message="%s cannot change once set"`, f.JSONName))
	}
	v := f.Validation
	if len(v.Enum) > 0 && !slices.ContainsFunc(v.Enum, func(s string) bool { return !plainEnum.MatchString(s) }) {
		m = append(m, "+kubebuilder:validation:Enum="+strings.Join(v.Enum, ";"))
	}
	bound := func(name string, p *int64) {
		if p != nil {
			m = append(m, fmt.Sprintf("+kubebuilder:validation:%s=%d", name, *p))
		}
	}
	bound("MinLength", v.MinLength)
	bound("MaxLength", v.MaxLength)
	bound("MinItems", v.MinItems)
	bound("MaxItems", v.MaxItems)
	num := func(name string, p *float64) {
		if p != nil {
			m = append(m, fmt.Sprintf("+kubebuilder:validation:%s=%s", name, strconv.FormatFloat(*p, 'f', -1, 64)))
		}
	}
	num("Minimum", v.Minimum)
	num("Maximum", v.Maximum)
	if v.Pattern != "" {
		m = append(m, fmt.Sprintf("+kubebuilder:validation:Pattern=`%s`", v.Pattern))
	}
	return m
}

// plainEnum values can be written in a marker without quoting.
var plainEnum = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)

// apiType is the custom resource type for t: pointers for optional
// scalars and structs at the top, values inside lists and maps.
func apiType(t *model.Type, top bool) jen.Code { return apiTypeIn(t, top, "") }

// apiTypeIn is apiType for code outside the API package, which must
// qualify the struct names with its import path.
func apiTypeIn(t *model.Type, top bool, pkg string) jen.Code {
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
		return ptr(jen.Qual(pkg, t.GoName))
	case model.List:
		return jen.Index().Add(apiTypeIn(t.Elem, false, pkg))
	case model.Map:
		return jen.Map(jen.String()).Add(apiTypeIn(t.Elem, false, pkg))
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
