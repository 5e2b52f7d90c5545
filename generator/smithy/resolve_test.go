package smithy

import (
	"reflect"
	"slices"
	"testing"
)

func TestMixins(t *testing.T) {
	m := loadFixture(t, "mixins.json")
	traitIDs := func(id ShapeID) []string {
		var ids []string
		for k := range mustShape(t, m, id).Traits.Raw {
			ids = append(ids, k)
		}
		slices.Sort(ids)
		return ids
	}
	list := ShapeID("example.mixins#ListSomethingInput")
	public := mustShape(t, m, "example.mixins#PublicShape")
	svc := mustShape(t, m, "example.mixins#C")

	tests := []struct {
		reason string
		got    any
		want   any
	}{
		{"mixin members come first, depth-first in mixin order",
			memberNames(mustShape(t, m, list).Members), []string{"nextToken", "pageSize", "nameFilter", "sizeFilter"}},
		{"copied members take the ID of the shape using the mixin",
			mustMember(t, m, list, "pageSize").ID, ShapeID("example.mixins#ListSomethingInput$pageSize")},
		{"a redefined member keeps the mixin's traits and adds its own",
			[]any{mustMember(t, m, list, "nextToken").Traits.Documentation, mustMember(t, m, list, "nextToken").Traits.Required},
			[]any{"Generic docs", true}},
		{"a redefined member is the shape's own member",
			mustMember(t, m, list, "nextToken").ID, ShapeID("example.mixins#ListSomethingInput$nextToken")},
		{"apply reaches members copied from mixins", mustMember(t, m, list, "pageSize").Traits.Documentation, "Applied docs"},
		{"apply reaches local members", mustMember(t, m, list, "sizeFilter").Traits.Documentation, "Applied to a local member"},
		{"the mixin's own member is left alone",
			mustMember(t, m, "example.mixins#PaginatedInputMixin", "pageSize").Traits.Documentation, ""},
		{"Mixins lists the mixins as written", mustShape(t, m, list).Mixins,
			[]ShapeID{"example.mixins#PaginatedInputMixin", "example.mixins#FilteredByNameMixin"}},

		{"trait precedence: local, then later mixins, then earlier ones (spec's StructD example)",
			traitIDs("example.mixins#StructD"),
			[]string{"example.mixins#foo", "example.mixins#fourTrait", "example.mixins#oneTrait", "example.mixins#threeTrait",
				"example.mixins#twoTrait", "smithy.api#documentation"}},
		{"local documentation wins", mustShape(t, m, "example.mixins#StructD").Traits.Documentation, "D"},
		{"a later mixin's trait wins over an earlier one", string(mustShape(t, m, "example.mixins#StructD").Traits.Raw["example.mixins#foo"]), "2"},
		{"the mixin trait is not inherited", mustShape(t, m, "example.mixins#StructD").Traits.Mixin, false},

		{"local traits of a mixin are not inherited", []bool{public.Traits.Has("smithy.api#private"), public.Traits.Sensitive}, []bool{false, false}},
		{"other traits of that mixin are", public.Traits.Tags, []string{"mixin"}},
		{"apply concatenates list traits on a copied member", public.MemberByName("foo").Traits.Tags, []string{"mixin", "public"}},
		{"apply adds traits on a copied member", public.MemberByName("foo").Traits.Documentation, "Applied to a copy"},
		{"the mixin's member keeps its own traits",
			mustMember(t, m, "example.mixins#PrivateMixin", "foo").Traits.Tags, []string{"mixin"}},

		{"string mixins give their traits",
			[]any{mustShape(t, m, "example.mixins#Username").Traits.Pattern, mustShape(t, m, "example.mixins#Username").Traits.Length},
			[]any{"^[a-zA-Z0-9]*$", &Bounds{Min: ptr(8.0), Max: ptr(32.0)}}},
		{"list mixins give their member",
			[]any{mustShape(t, m, "example.mixins#Aliases").Member.ID, mustShape(t, m, "example.mixins#Aliases").Member.Traits.Documentation},
			[]any{ShapeID("example.mixins#Aliases$member"), "an alias"}},
		{"map mixins give key and value, local traits added",
			[]any{mustShape(t, m, "example.mixins#Labels").Key.ID, mustShape(t, m, "example.mixins#Labels").Value.Traits.Length},
			[]any{ShapeID("example.mixins#Labels$key"), &Bounds{Max: ptr(10.0)}}},
		{"operation mixins add errors first", mustShape(t, m, "example.mixins#GetUsername").Errors,
			[]ShapeID{"example.mixins#ValidationError", "example.mixins#NotFoundError"}},

		{"service mixins: local version kept", svc.Version, "C"},
		{"service mixins: operations merged in mixin order", svc.Operations,
			[]ShapeID{"example.mixins#OperationA", "example.mixins#OperationB", "example.mixins#OperationC"}},
		{"service mixins: rename merged, local keys win", svc.Rename, map[ShapeID]string{
			"example.mixins#OperationAInput":  "OperationARequest",
			"example.mixins#OperationAOutput": "OperationAResponse",
			"example.mixins#OperationBInput":  "OperationBRequest"}},

		{"enum mixins: members and their default values",
			[]string{enumString(mustMember(t, m, "example.mixins#Colors", "RED")), enumString(mustMember(t, m, "example.mixins#Colors", "BLUE"))},
			[]string{"RED", "blue"}},
		{"apply to a prelude shape", string(mustShape(t, m, "smithy.api#String").Traits.Raw["example.mixins#note"]), `"applied to the prelude"`},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.reason, tt.got, tt.want)
		}
	}
}

func enumString(m *Member) string {
	s, _ := m.Traits.EnumString()
	return s
}

func TestConcatArrays(t *testing.T) {
	tests := []struct {
		reason string
		a, b   string
		want   string
	}{
		{"both non-empty", `["a"]`, ` [ "b", "c" ] `, `["a","b", "c"]`},
		{"empty first", `[]`, `["b"]`, `["b"]`},
		{"empty second", `["a"]`, `[ ]`, `["a"]`},
	}
	for _, tt := range tests {
		if got := string(concatArrays([]byte(tt.a), []byte(tt.b))); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.reason, got, tt.want)
		}
	}
}

func TestMergeBindings(t *testing.T) {
	tests := []struct {
		reason string
		a, b   []Binding
		want   []Binding
	}{
		{"later bindings replace by name and keep the position", []Binding{{"id", "a#X"}, {"name", "a#N"}}, []Binding{{"id", "a#Y"}},
			[]Binding{{"id", "a#Y"}, {"name", "a#N"}}},
		{"new names are appended", []Binding{{"id", "a#X"}}, []Binding{{"region", "a#R"}},
			[]Binding{{"id", "a#X"}, {"region", "a#R"}}},
		{"nothing to merge", nil, nil, nil},
	}
	for _, tt := range tests {
		if got := mergeBindings(tt.a, tt.b); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.reason, got, tt.want)
		}
	}
}
