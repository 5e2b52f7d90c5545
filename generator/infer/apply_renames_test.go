package infer

import "testing"

func TestApplyRenames(t *testing.T) {
	res := mustRun(t, "names.json", `resources:
  Table:
    fields:
      TableName: {rename: Name}
      TableStatus: {rename: State}
      KeySchema.AttributeName: {rename: Attribute}
      KeySchema.KeyType: {jsonName: type_}
`, Options{})
	r := resource(t, res, "Table")
	cases := []struct {
		reason              string
		member, goName, js  string
		gotGo, gotJS, gotSD string
		sdk                 string
	}{
		{reason: "a spec field", member: "TableName", goName: "Name", js: "name", sdk: "TableName"},
		{reason: "a status field", member: "TableStatus", goName: "State", js: "state", sdk: "TableStatus"},
	}
	for _, c := range cases {
		f := field(r, c.member)
		if f.GoName != c.goName || f.JSONName != c.js || f.SDKName != c.sdk {
			t.Errorf("%s: renamed to %s %s (SDK %s), want %s %s (SDK %s)", c.reason, f.GoName, f.JSONName, f.SDKName, c.goName, c.js, c.sdk)
		}
	}
	if f := res.Service.Structs["KeyElement"].FieldByMember("AttributeName"); f.JSONName != "attribute" || f.SDKName != "AttributeName" {
		t.Errorf("a nested field is renamed in its structure, the SDK side kept: %s %s", f.JSONName, f.SDKName)
	}
	if f := res.Service.Structs["KeyElement"].FieldByMember("KeyType"); f.JSONName != "type_" || f.GoName != "KeyType" {
		t.Errorf("jsonName sets the JSON name exactly and keeps the Go name: %s %s", f.JSONName, f.GoName)
	}
}
