package smithy

import (
	"reflect"
	"slices"
	"testing"
)

func TestShapeTypes(t *testing.T) {
	m := loadFixture(t, "shapes.json")
	tests := []struct {
		reason string
		id     ShapeID
		want   ShapeType
	}{
		{"service shape", "example.weather#Weather", TypeService},
		{"operation shape", "example.weather#GetCurrentTime", TypeOperation},
		{"resource shape", "example.weather#City", TypeResource},
		{"structure shape", "example.weather#Ordered", TypeStructure},
		{"union shape", "example.weather#Choice", TypeUnion},
		{"list shape", "example.weather#Tags", TypeList},
		{"Smithy 1 set shape", "example.weather#UniqueTags", TypeSet},
		{"map shape", "example.weather#Labels", TypeMap},
		{"enum shape", "example.weather#Sky", TypeEnum},
		{"intEnum shape", "example.weather#Level", TypeIntEnum},
		{"string shape", "example.weather#AString", TypeString},
		{"blob shape", "example.weather#ABlob", TypeBlob},
		{"boolean shape", "example.weather#ABoolean", TypeBoolean},
		{"byte shape", "example.weather#AByte", TypeByte},
		{"short shape", "example.weather#AShort", TypeShort},
		{"integer shape", "example.weather#AnInteger", TypeInteger},
		{"long shape", "example.weather#ALong", TypeLong},
		{"float shape", "example.weather#AFloat", TypeFloat},
		{"double shape", "example.weather#ADouble", TypeDouble},
		{"bigInteger shape", "example.weather#ABigInteger", TypeBigInteger},
		{"bigDecimal shape", "example.weather#ABigDecimal", TypeBigDecimal},
		{"timestamp shape", "example.weather#ATimestamp", TypeTimestamp},
		{"document shape", "example.weather#ADocument", TypeDocument},
		{"type may follow traits in the object", "example.weather#Escaped", TypeString},
		{"prelude string", "smithy.api#String", TypeString},
		{"prelude Unit is a structure", "smithy.api#Unit", TypeStructure},
	}
	for _, tt := range tests {
		if got := mustShape(t, m, tt.id).Type; got != tt.want {
			t.Errorf("%s: %s has type %q, want %q", tt.reason, tt.id, got, tt.want)
		}
	}
}

func TestShapeContents(t *testing.T) {
	m := loadFixture(t, "shapes.json")
	svc := mustShape(t, m, "example.weather#Weather")
	op := mustShape(t, m, "example.weather#GetCurrentTime")
	tests := []struct {
		reason string
		got    any
		want   any
	}{
		{"members keep file order, not sorted",
			memberNames(mustShape(t, m, "example.weather#Ordered").Members), []string{"zulu", "alpha", "Mike", "bravo"}},
		{"member IDs are shape$member",
			mustMember(t, m, "example.weather#Ordered", "Mike").ID, ShapeID("example.weather#Ordered$Mike")},
		{"member targets are kept",
			mustMember(t, m, "example.weather#Ordered", "bravo").Target, ShapeID("example.weather#Labels")},
		{"union members",
			memberNames(mustShape(t, m, "example.weather#Choice").Members), []string{"text", "number"}},
		{"list member is named member",
			mustShape(t, m, "example.weather#Tags").Member.ID, ShapeID("example.weather#Tags$member")},
		{"list member traits",
			mustShape(t, m, "example.weather#Tags").Member.Traits.Length, &Bounds{Min: ptr(1.0)}},
		{"set member",
			mustShape(t, m, "example.weather#UniqueTags").Member.Target, ShapeID("smithy.api#String")},
		{"map key",
			mustShape(t, m, "example.weather#Labels").Key.ID, ShapeID("example.weather#Labels$key")},
		{"map value",
			mustShape(t, m, "example.weather#Labels").Value.Target, ShapeID("smithy.api#Document")},
		{"MemberByName finds map members",
			mustShape(t, m, "example.weather#Labels").MemberByName("value").Target, ShapeID("smithy.api#Document")},
		{"MemberByName returns nil for unknown names",
			mustShape(t, m, "example.weather#Ordered").MemberByName("ALPHA"), (*Member)(nil)},
		{"Target resolves a member's shape",
			m.Target(mustMember(t, m, "example.weather#Ordered", "bravo")).Type, TypeMap},
		{"Target resolves prelude targets",
			m.Target(mustMember(t, m, "example.weather#Ordered", "alpha")).ID, ShapeID("smithy.api#PrimitiveLong")},
		{"Target of nil", m.Target(nil), (*Shape)(nil)},
		{"ShapeIDs lists every shape, sorted",
			[]any{len(m.ShapeIDs()), slices.IsSorted(m.ShapeIDs())}, []any{len(m.Shapes), true}},
		{"operation input smithy.api#Unit reads as none", op.Input, ShapeID("")},
		{"operation output", op.Output, ShapeID("example.weather#GetCurrentTimeOutput")},
		{"service version", svc.Version, "2006-03-01"},
		{"service operations", svc.Operations, []ShapeID{"example.weather#GetCurrentTime"}},
		{"service resources", svc.Resources, []ShapeID{"example.weather#City"}},
		{"service errors", svc.Errors, []ShapeID{"example.weather#ServiceError"}},
		{"service rename", svc.Rename, map[ShapeID]string{"example.other#Forecast": "OtherForecast"}},
		{"model version", m.Version, "2.0"},
		{"metadata keeps raw values", string(m.Metadata["owner"]), `"kubesmith"`},
		{"metadata keys", len(m.Metadata), 2},
		{"escapes, surrogate pairs and lone surrogates decode as encoding/json does",
			mustShape(t, m, "example.weather#Escaped").Traits.Documentation,
			"Tab\there, quote \" slash / \u00e9 \U0001F600 lone \uFFFD end"},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.reason, tt.got, tt.want)
		}
	}
}

func TestEnumValues(t *testing.T) {
	m := loadFixture(t, "shapes.json")
	tests := []struct {
		reason string
		shape  ShapeID
		member string
		str    string
		num    int64
		isInt  bool
	}{
		{"explicit enumValue", "example.weather#Sky", "CLEAR", "clear", 0, false},
		{"enum members without enumValue take their name", "example.weather#Sky", "CLOUDY", "CLOUDY", 0, false},
		{"intEnum value", "example.weather#Level", "LOW", "", 1, true},
		{"negative intEnum value", "example.weather#Level", "HIGH", "", -10, true},
	}
	for _, tt := range tests {
		tr := mustMember(t, m, tt.shape, tt.member).Traits
		s, isString := tr.EnumString()
		n, isInt := tr.EnumInt()
		if isString == tt.isInt || isInt != tt.isInt || s != tt.str || n != tt.num {
			t.Errorf("%s: EnumString() = %q, %v; EnumInt() = %d, %v", tt.reason, s, isString, n, isInt)
		}
	}
}

func TestPrelude(t *testing.T) {
	m := loadFixture(t, "shapes.json")
	tests := []struct {
		reason string
		id     ShapeID
		typ    ShapeType
		def    string // "" for no @default
	}{
		{"String", "smithy.api#String", TypeString, ""},
		{"Blob", "smithy.api#Blob", TypeBlob, ""},
		{"BigInteger", "smithy.api#BigInteger", TypeBigInteger, ""},
		{"BigDecimal", "smithy.api#BigDecimal", TypeBigDecimal, ""},
		{"Timestamp", "smithy.api#Timestamp", TypeTimestamp, ""},
		{"Document", "smithy.api#Document", TypeDocument, ""},
		{"Boolean is nullable", "smithy.api#Boolean", TypeBoolean, ""},
		{"PrimitiveBoolean defaults to false", "smithy.api#PrimitiveBoolean", TypeBoolean, "false"},
		{"Byte", "smithy.api#Byte", TypeByte, ""},
		{"PrimitiveByte defaults to 0", "smithy.api#PrimitiveByte", TypeByte, "0"},
		{"Short", "smithy.api#Short", TypeShort, ""},
		{"PrimitiveShort defaults to 0", "smithy.api#PrimitiveShort", TypeShort, "0"},
		{"Integer", "smithy.api#Integer", TypeInteger, ""},
		{"PrimitiveInteger defaults to 0", "smithy.api#PrimitiveInteger", TypeInteger, "0"},
		{"Long", "smithy.api#Long", TypeLong, ""},
		{"PrimitiveLong defaults to 0", "smithy.api#PrimitiveLong", TypeLong, "0"},
		{"Float", "smithy.api#Float", TypeFloat, ""},
		{"PrimitiveFloat defaults to 0", "smithy.api#PrimitiveFloat", TypeFloat, "0"},
		{"Double", "smithy.api#Double", TypeDouble, ""},
		{"PrimitiveDouble defaults to 0", "smithy.api#PrimitiveDouble", TypeDouble, "0"},
		{"Unit is an empty structure", "smithy.api#Unit", TypeStructure, ""},
	}
	for _, tt := range tests {
		s := mustShape(t, m, tt.id)
		if s.Type != tt.typ || string(s.Traits.Default) != tt.def || s.Traits.HasDefault() != (tt.def != "") {
			t.Errorf("%s: %s is %s with default %q, want %s with default %q", tt.reason, tt.id, s.Type, s.Traits.Default, tt.typ, tt.def)
		}
	}
	// Each model gets its own prelude, so changing one cannot leak into another.
	mustShape(t, m, "smithy.api#String").Traits.Documentation = "changed"
	if doc := mustShape(t, loadFixture(t, "shapes.json"), "smithy.api#String").Traits.Documentation; doc != "" {
		t.Errorf("prelude shapes are shared between models: documentation %q", doc)
	}
}

func TestResources(t *testing.T) {
	m := loadFixture(t, "resources.json")
	r := mustShape(t, m, "example.forecast#Forecast")
	tests := []struct {
		reason string
		got    any
		want   any
	}{
		{"identifiers keep file order", r.Identifiers, []Binding{
			{"region", "example.forecast#RegionId"}, {"forecastId", "example.forecast#ForecastId"}}},
		{"properties keep file order", r.Properties, []Binding{
			{"summary", "smithy.api#String"}, {"chance", "smithy.api#Float"}}},
		{"lifecycle operations", []ShapeID{r.Create, r.Put, r.Read, r.Update, r.Delete, r.List}, []ShapeID{
			"example.forecast#CreateForecast", "example.forecast#PutForecast", "example.forecast#GetForecast",
			"example.forecast#UpdateForecast", "example.forecast#DeleteForecast", "example.forecast#ListForecasts"}},
		{"instance operations", r.Operations, []ShapeID{"example.forecast#RefreshForecast"}},
		{"collection operations", r.CollectionOperations, []ShapeID{"example.forecast#PurgeForecasts"}},
		{"child resources", r.Resources, []ShapeID{"example.forecast#Alert"}},
		{"resource traits", r.Traits.ARN.Template, "forecast/{forecastId}"},
		{"smithy version \"2\" is accepted as written", m.Version, "2"},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.reason, tt.got, tt.want)
		}
	}
}

func TestService(t *testing.T) {
	tests := []struct {
		reason  string
		fixture string
		want    ShapeID
		wantErr string
	}{
		{"one service", "resources.json", "example.forecast#ForecastService", ""},
		{"several services are an error naming the file", "mixins.json", "", "testdata/mixins.json: model has 3 service shapes: example.mixins#A, example.mixins#B, example.mixins#C"},
	}
	for _, tt := range tests {
		s, err := loadFixture(t, tt.fixture).Service()
		switch {
		case tt.wantErr != "":
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: error %v, want %q", tt.reason, err, tt.wantErr)
			}
		case err != nil || s.ID != tt.want:
			t.Errorf("%s: got %v, %v; want %s", tt.reason, s, err, tt.want)
		}
	}
	empty, err := Parse([]byte(`{"smithy": "2.0"}`), "empty.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := empty.Service(); err == nil || err.Error() != "empty.json: model has no service shape" {
		t.Errorf("a model without services: error %v, want one naming the file", err)
	}
}

func TestParseAcceptsBOM(t *testing.T) {
	m, err := Parse([]byte("\ufeff{\"smithy\": \"2.0\", \"shapes\": {\"example#S\": {\"type\": \"string\"}}}"), "bom.json")
	if err != nil {
		t.Fatalf("a model file starting with a byte order mark: %v", err)
	}
	if _, ok := m.Shape("example#S"); !ok {
		t.Error("the shapes after the byte order mark were not read")
	}
}
