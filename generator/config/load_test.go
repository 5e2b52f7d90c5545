package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseErrors checks one mistake of each kind Parse finds on its own:
// the message names file and line, says what is wrong and, for a name,
// suggests the likely one.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		want   string
	}{
		{"YAML that does not parse", "resources: [\n", "generator.yaml:1: did not find expected node content"},
		{"an unknown key, with the likely one", "resources:\n  Table:\n    sortNames: [t]\n",
			`generator.yaml:3: unknown key "sortNames" in a resource entry (did you mean "shortNames"?); valid keys: kind, operations,`},
		{"an unknown top-level key", "resource:\n  Table: {}\n", `generator.yaml:1: unknown key "resource" in the top level (did you mean "resources"?)`},
		{"a value of the wrong type", "resources:\n  Table:\n    fields:\n      X:\n        required: yes please\n",
			`generator.yaml:5: want true or false, got "yes please"`},
		{"a mapping where a list belongs", "include: {a: b}\n", "generator.yaml:1: want a list, got a map"},
		{"a key given twice", "resources:\n  Table: {}\n  Table: {}\n", `generator.yaml:3: mapping key "Table" already defined at line 2`},
		{"a required key left out", "resources:\n  Table:\n    pending:\n      values: [CREATING]\n", `generator.yaml:3: pending: missing key "field"`},
		{"a kind that is no Go name", "resources:\n  Table:\n    kind: table\n", `generator.yaml:3: kind: "table" does not match ^[A-Z][A-Za-z0-9]*$`},
		{"a resource name that is no kind name", "resources:\n  table: {}\n", `generator.yaml:2: resources: name "table" does not match ^[A-Z][A-Za-z0-9]*$`},
		{"an empty list that needs items", "resources:\n  Table:\n    pending:\n      field: S\n      values: []\n", "generator.yaml:5: values: want at least 1 item(s)"},
		{"an empty string in a list", "include: [\"\"]\n", "generator.yaml:1: include: want a non-empty string"},
		{"a number below its minimum", "resources:\n  Table:\n    fields:\n      S:\n        column: {priority: -1}\n", "generator.yaml:5: priority: want at least 0, got -1"},
		{"ignore with options it would void", "resources:\n  Table:\n    fields:\n      S:\n        ignore: true\n        rename: T\n",
			"generator.yaml:4: field S: ignore leaves the field out, so rename would do nothing"},
		{"from with an option for spec fields", "resources:\n  Table:\n    fields:\n      S:\n        from: {operation: O, path: P}\n        lateInitialize: true\n",
			"generator.yaml:6: field S: from makes a read-only status field, which lateInitialize does not apply to"},
		{"from on a nested path", "resources:\n  Table:\n    fields:\n      S.T:\n        from: {operation: O, path: P}\n",
			"generator.yaml:4: field S.T: from adds a top-level status field, so its name cannot be a path"},
		{"observedAt on a nested field", "resources:\n  Table:\n    fields:\n      S.T:\n        observedAt: A\n",
			"generator.yaml:5: field S.T: observedAt applies to top-level fields only"},
		{"a resource both configured and excluded", "exclude: [Table]\nresources:\n  Table: {}\n",
			"generator.yaml:3: resource Table is configured but also excluded; remove one"},
		{"a broken glob pattern", "include: [\"Ta[ble\"]\n", `generator.yaml:1: bad pattern "Ta[ble": syntax error in pattern`},
		{"tags with both path and ignore", "resources:\n  Table:\n    tags: {path: Tags, ignore: true}\n", "generator.yaml:3: tags: give path or ignore, not both"},
		{"tags with neither", "resources:\n  Table:\n    tags: {because: x}\n", "generator.yaml:3: tags: give path, ignore, resourceType or arnMember"},
		{"ignored tags with a resource type", "resources:\n  Table:\n    tags: {ignore: true, resourceType: vpc}\n", "generator.yaml:3: tags: ignored tags have no resourceType"},
		{"a model format there is no reader for", "modelFormat: botocore\nresources:\n  Table: {}\n", `generator.yaml:1: modelFormat: "botocore" does not match ^(smithy|awsjson)$`},
		{"a mistake after a byte order mark, on its own line", "\ufeffresources:\n  Table:\n    sortNames: [t]\n", `generator.yaml:3: unknown key "sortNames"`},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.yaml), "generator.yaml")
		if err == nil {
			t.Errorf("%s: no error, want %q", c.reason, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got: %v\nwant: %s", c.reason, err, c.want)
		}
	}
}

// TestParseReportsEveryMistake checks that one run names every mistake of
// a file, whichever check finds it, not only the first.
func TestParseReportsEveryMistake(t *testing.T) {
	yaml := "resources:\n  Table:\n    sortNames: [t]\n    kind: table\n  Backup:\n    fields:\n      X:\n        required: maybe\n    tags: {because: x}\n  queue: {}\n"
	f, err := Parse([]byte(yaml), "generator.yaml")
	if f == nil || f.Resources["Backup"] == nil {
		t.Errorf("the file as read is not returned with its mistakes, for inference to check: %+v", f)
	}
	for _, want := range []string{
		`generator.yaml:3: unknown key "sortNames"`,
		`generator.yaml:4: kind: "table" does not match`,
		`generator.yaml:8: want true or false, got "maybe"`,
		"generator.yaml:9: tags: give path, ignore, resourceType or arnMember",
		`generator.yaml:10: resources: name "queue" does not match`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v\nwant it to include %q", err, want)
		}
	}
}

func TestCheckSelects(t *testing.T) {
	cases := []struct {
		reason  string
		yaml    string
		wantErr bool
	}{
		{"an empty file names no resource", "", true},
		{"comments name no resource", "# Table, one day\n", true},
		{"shapes alone name no resource", "shapes:\n  Tag: {}\n", true},
		{"an empty include names no resource", "include: []\n", true},
		{"a configured resource is named", "resources:\n  Table: {}\n", false},
		{"an include pattern names resources", "include: [\"*\"]\n", false},
	}
	for _, c := range cases {
		f, err := Parse([]byte(c.yaml), filepath.Join("models", "svc", "generator.yaml"))
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		err = f.CheckSelects()
		want := filepath.Join("models", "svc", "generator.yaml") + ": names no resource to generate; name the kinds under resources: (or give include: patterns), choosing from what `kubesmith list svc` shows"
		if c.wantErr && (err == nil || err.Error() != want) || !c.wantErr && err != nil {
			t.Errorf("%s: got %v, want error %v", c.reason, err, c.wantErr)
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		check  func(*File) bool
	}{
		{"an empty file is an empty config", "", func(f *File) bool { return len(f.Resources) == 0 }},
		{"an entry written empty is an empty entry", "resources:\n  Table:\n    fields:\n      X:\n",
			func(f *File) bool { return f.Resources["Table"] != nil && f.Resources["Table"].Fields["X"] != nil }},
		{"an unconfigured resource reads as empty", "resources:\n  Table: {}\n",
			func(f *File) bool { return f.Resource("Backup").Kind == "" && len(f.Resource("Backup").Fields) == 0 }},
		{"update: none is allowed", "resources:\n  Table:\n    operations: {update: none}\n",
			func(f *File) bool { return f.Resources["Table"].Operations.Update == "none" }},
		{"a byte order mark is accepted", "\ufeffresources:\n  Table: {}\n", func(f *File) bool { return f.Resources["Table"] != nil }},
	}
	for _, c := range cases {
		f, err := Parse([]byte(c.yaml), "generator.yaml")
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		if !c.check(f) {
			t.Errorf("%s: not so", c.reason)
		}
	}
}

func TestPos(t *testing.T) {
	f, err := Parse([]byte("resources:\n  Table:\n    fields:\n      A.B: {}\n    shortNames: [a, b]\n"), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		reason string
		key    Key
		want   string
	}{
		{"a key the file has", Key{"resources", "Table"}, "g.yaml:2"},
		{"a key with a dot in its name", Key{"resources", "Table", "fields", "A.B"}, "g.yaml:4"},
		{"a list item", Key{"resources", "Table", "shortNames", "1"}, "g.yaml:5"},
		{"a key the file lacks falls back to the nearest it has", Key{"resources", "Table", "kind"}, "g.yaml:2"},
		{"nothing the file has", Key{"include"}, "g.yaml"},
	}
	for _, c := range cases {
		if got := f.Pos(c.key); got != c.want {
			t.Errorf("%s: Pos(%v) = %q, want %q", c.reason, c.key, got, c.want)
		}
	}
}

func TestLoadOrEmpty(t *testing.T) {
	f, err := LoadOrEmpty(filepath.Join(t.TempDir(), "generator.yaml"))
	if err != nil || len(f.Resources) != 0 {
		t.Errorf("a missing file: got %v, %v; want an empty config", f, err)
	}
}

// TestServiceConfigs parses every models/<service>/generator.yaml.
func TestServiceConfigs(t *testing.T) {
	paths, err := filepath.Glob("../../models/*/generator.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if _, err := Load(p); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat("../../models"); err == nil && len(paths) == 0 {
		t.Error("no generator.yaml under models/")
	}
}
