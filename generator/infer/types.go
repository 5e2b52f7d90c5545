package infer

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// typer turns Smithy shapes into model types, collecting every structure
// it meets into structs.
type typer struct {
	m       *smithy.Model
	service *smithy.Shape
	structs map[string]*model.Struct
	// building marks structures being built, to cut recursive shapes,
	// which a CRD schema cannot express.
	building map[string]bool
	// ignored shapes are left out wherever they are used, with the reason.
	ignored map[smithy.ShapeID]string
	// reserved are the Go names the API package declares for its kinds,
	// which a structure must not take.
	reserved map[string]bool
	// patterns remembers which @pattern values the API server accepts.
	patterns map[string]bool
}

func newTyper(m *smithy.Model, service *smithy.Shape, structs map[string]*model.Struct) *typer {
	return &typer{
		m:        m,
		service:  service,
		structs:  structs,
		building: map[string]bool{},
		ignored:  map[smithy.ShapeID]string{},
		reserved: map[string]bool{"GroupVersion": true, "AddToScheme": true},
		patterns: map[string]bool{},
	}
}

// reserve keeps a kind's Go names from the structures.
func (t *typer) reserve(kind string) {
	for _, suffix := range []string{"", "Spec", "Status", "List"} {
		t.reserved[kind+suffix] = true
	}
}

// goName is the API type name of a structure: its SDK name, unless a kind
// has taken it, as a Topic structure in a service with a Topic kind.
func (t *typer) goName(sdkName string) string {
	name := sdkName
	for i := 1; t.reserved[name]; i++ {
		name = sdkName + "Detail"
		if i > 1 {
			name += strconv.Itoa(i)
		}
	}
	return name
}

// unsupported explains why a member cannot be a field yet.
type unsupported struct{ reason string }

func (u unsupported) Error() string { return u.reason }

// sdkName is the Go type name the SDK gives a shape: its name, unless the
// service renames it.
func (t *typer) sdkName(id smithy.ShapeID) string {
	if n, ok := t.service.Rename[id]; ok {
		return n
	}
	return id.Name()
}

// memberType returns the type of member mem.
func (t *typer) memberType(mem *smithy.Member) (*model.Type, error) {
	target := t.m.Target(mem)
	if target == nil {
		return nil, fmt.Errorf("member %s: target %s missing", mem.ID, mem.Target)
	}
	if why, ok := t.ignored[target.ID]; ok {
		return nil, unsupported{why}
	}
	typ, err := t.shapeType(target)
	if err != nil {
		return nil, err
	}
	if (typ.Kind == model.Bool || typ.Kind == model.Int || typ.Kind == model.Float) && valueInSDK(mem, target) {
		c := *typ
		c.SDKValue = true
		typ = &c
	}
	return typ, nil
}

// valueInSDK follows aws-sdk-go-v2's nullability rule (Smithy's
// CLIENT_ZERO_VALUE_V1_NO_INPUT): a boolean or number member whose default
// is the zero value is held as a value, unless it or its target is @box.
// Operation inputs are no exception: CreateFunctionInput.Publish is a bool.
func valueInSDK(mem *smithy.Member, target *smithy.Shape) bool {
	if mem.Traits.Box || target.Traits.Box {
		return false
	}
	def := mem.Traits.Default
	if def == nil {
		def = target.Traits.Default
	}
	if def == nil {
		return false
	}
	var v any
	if err := json.Unmarshal(def, &v); err != nil {
		return false
	}
	switch v := v.(type) {
	case bool:
		return !v
	case float64:
		return v == 0
	}
	return false
}

func (t *typer) shapeType(s *smithy.Shape) (*model.Type, error) {
	switch s.Type {
	case smithy.TypeString:
		if len(s.Traits.Enum) > 0 {
			return &model.Type{Kind: model.Enum, Shape: t.sdkName(s.ID)}, nil
		}
		return &model.Type{Kind: model.String}, nil
	case smithy.TypeEnum:
		return &model.Type{Kind: model.Enum, Shape: t.sdkName(s.ID)}, nil
	case smithy.TypeIntEnum:
		return &model.Type{Kind: model.IntEnum, Shape: t.sdkName(s.ID)}, nil
	case smithy.TypeBoolean:
		return &model.Type{Kind: model.Bool}, nil
	case smithy.TypeByte:
		return &model.Type{Kind: model.Int, Bits: 8}, nil
	case smithy.TypeShort:
		return &model.Type{Kind: model.Int, Bits: 16}, nil
	case smithy.TypeInteger:
		return &model.Type{Kind: model.Int, Bits: 32}, nil
	case smithy.TypeLong:
		return &model.Type{Kind: model.Int, Bits: 64}, nil
	case smithy.TypeFloat:
		return &model.Type{Kind: model.Float, Bits: 32}, nil
	case smithy.TypeDouble:
		return &model.Type{Kind: model.Float, Bits: 64}, nil
	case smithy.TypeTimestamp:
		return &model.Type{Kind: model.Time}, nil
	case smithy.TypeDocument:
		return &model.Type{Kind: model.JSON}, nil
	case smithy.TypeBlob:
		if s.Traits.Streaming {
			return nil, unsupported{"streaming blobs are not supported"}
		}
		return &model.Type{Kind: model.Bytes}, nil
	case smithy.TypeList, smithy.TypeSet:
		if s.Traits.Sparse {
			return nil, unsupported{"sparse lists are not supported"}
		}
		elem, err := t.memberType(s.Member)
		if err != nil {
			return nil, err
		}
		// A set's order carries no meaning, so comparisons ignore it.
		return &model.Type{Kind: model.List, Elem: elem, Unique: s.Type == smithy.TypeSet || s.Traits.UniqueItems}, nil
	case smithy.TypeMap:
		if s.Traits.Sparse {
			return nil, unsupported{"sparse maps are not supported"}
		}
		elem, err := t.memberType(s.Value)
		if err != nil {
			return nil, err
		}
		return &model.Type{Kind: model.Map, Elem: elem}, nil
	case smithy.TypeStructure, smithy.TypeUnion:
		if s.Traits.Streaming {
			return nil, unsupported{"event streams are not supported"}
		}
		name := t.sdkName(s.ID)
		if t.building[name] {
			return nil, unsupported{fmt.Sprintf("%s is recursive, which a CRD schema cannot express", name)}
		}
		st, err := t.structure(s)
		if err != nil {
			return nil, err
		}
		return &model.Type{Kind: model.Structure, Shape: name, GoName: st.GoName}, nil
	}
	return nil, unsupported{fmt.Sprintf("%s shapes are not supported", s.Type)}
}

// structure returns the model struct for s, building it on first use.
// Members that cannot be represented are left out.
func (t *typer) structure(s *smithy.Shape) (*model.Struct, error) {
	name := t.sdkName(s.ID)
	if st, ok := t.structs[name]; ok {
		return st, nil
	}
	t.building[name] = true
	defer delete(t.building, name)
	// A union becomes a structure with one optional field per member, of
	// which the CRD lets at most one be set.
	st := &model.Struct{Shape: name, GoName: t.goName(name), Union: s.Type == smithy.TypeUnion}
	for _, mem := range s.Members {
		f, err := t.field(s, mem)
		var u unsupported
		if errors.As(err, &u) {
			st.Skipped = append(st.Skipped, model.Skipped{Member: mem.Name, Reason: u.reason})
			continue
		}
		if err != nil {
			return nil, err
		}
		st.Fields = append(st.Fields, f)
	}
	t.structs[name] = st
	return st, nil
}

// field builds the field for member mem of container.
func (t *typer) field(container *smithy.Shape, mem *smithy.Member) (*model.Field, error) {
	target := t.m.Target(mem)
	typ, err := t.memberType(mem)
	if err != nil {
		return nil, err
	}
	return &model.Field{
		Member:     mem.Name,
		SDKName:    sdkFieldName(mem.Name),
		GoName:     names.Go(mem.Name),
		JSONName:   names.JSON(mem.Name),
		Type:       typ,
		Doc:        firstNonEmpty(mem.Traits.Documentation, target.Traits.Documentation),
		Validation: t.validation(typ, mem, target),
		Secret:     t.secret(typ, mem, target),
	}, nil
}

// sensitive reports whether a member holds a @sensitive value.
func sensitive(mem *smithy.Member, target *smithy.Shape) bool {
	return mem.Traits.Sensitive || target.Traits.Sensitive
}

// secret reports whether a member's value must come from a Secret: a
// @sensitive string, or a map of strings that is @sensitive itself or
// whose values are (Lambda's environment variables are both).
func (t *typer) secret(typ *model.Type, mem *smithy.Member, target *smithy.Shape) bool {
	switch {
	case typ.Kind == model.String:
		return sensitive(mem, target)
	case typ.Kind == model.Map && typ.Elem.Kind == model.String:
		return sensitive(mem, target) || sensitive(target.Value, t.m.Target(target.Value))
	}
	return false
}

// sdkFieldName is the Go field name the SDK gives a member.
func sdkFieldName(member string) string {
	return strings.ToUpper(member[:1]) + member[1:]
}

func (t *typer) validation(typ *model.Type, mem *smithy.Member, target *smithy.Shape) model.Validation {
	var v model.Validation
	length := mem.Traits.Length
	if length == nil {
		length = target.Traits.Length
	}
	rng := mem.Traits.Range
	if rng == nil {
		rng = target.Traits.Range
	}
	asInt := func(f *float64) *int64 {
		if f == nil {
			return nil
		}
		i := int64(*f)
		return &i
	}
	switch typ.Kind {
	case model.String:
		if length != nil {
			v.MinLength, v.MaxLength = asInt(length.Min), asInt(length.Max)
		}
		pattern := firstNonEmpty(mem.Traits.Pattern, target.Traits.Pattern)
		if pattern != "" && t.kubernetesRegexp(pattern) {
			v.Pattern = pattern
		}
	case model.List:
		if length != nil {
			v.MinItems, v.MaxItems = asInt(length.Min), asInt(length.Max)
		}
	case model.Int, model.Float:
		if rng != nil {
			v.Minimum, v.Maximum = rng.Min, rng.Max
		}
	case model.Enum:
		for _, e := range target.Traits.Enum {
			v.Enum = append(v.Enum, e.Value)
		}
		for _, m := range target.Members {
			if s, ok := m.Traits.EnumString(); ok {
				v.Enum = append(v.Enum, s)
			}
		}
	}
	return v
}

// kubernetesRegexp reports whether the API server, which checks patterns
// with Go's RE2 engine, accepts pattern. Smithy patterns are ECMA regular
// expressions and may use lookarounds RE2 lacks.
func (t *typer) kubernetesRegexp(pattern string) bool {
	ok, seen := t.patterns[pattern]
	if !seen {
		_, err := regexp.Compile(pattern)
		ok = err == nil && !strings.Contains(pattern, "`") // a backquote cannot be written in a marker
		t.patterns[pattern] = ok                           // models repeat patterns, and compiling them is most of inference's time
	}
	return ok
}
