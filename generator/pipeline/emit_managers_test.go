package pipeline

import (
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

func TestEmitManagers(t *testing.T) {
	cases := []struct {
		reason string
		extra  bool // add a second kind, a copy of the first named Doohickey
		want   []string
	}{
		{reason: "one kind gets one manager package", want: []string{"resources/widget/compare.go", "resources/widget/convert.go", "resources/widget/manager.go"}},
		{reason: "every kind gets its own manager package", extra: true, want: []string{
			"resources/doohickey/compare.go", "resources/doohickey/convert.go", "resources/doohickey/manager.go",
			"resources/widget/compare.go", "resources/widget/convert.go", "resources/widget/manager.go",
		}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, "widgets", "prepare_emit")
			if c.extra {
				second := *s.Model.Resources[0]
				second.Kind, second.Plural = "Doohickey", "doohickeys"
				s.Model.Resources = append(s.Model.Resources, &second)
			}
			if err := emitManagers(s); err != nil {
				t.Fatal(err)
			}
			got := paths(s)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("emitted %v, want %v", got, c.want)
			}
		})
	}
}

// TestEmitManagersLowerCaseTags generates the managers of Personalize,
// whose tags are a list of Tag structures with tagKey and tagValue
// members: inference took them for tags while the emitters looked only
// for Key and Value, and the sweep panicked.
func TestEmitManagersLowerCaseTags(t *testing.T) {
	root := repoRoot(t)
	mf, err := smithy.FindModel(modelsDir(t, root), "personalize")
	if err != nil {
		t.Skip(err)
	}
	m, err := smithy.Load(mf.Path)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := sweepModel("personalize", m)
	if err != nil {
		t.Fatal(err)
	}
	s := &State{Service: "personalize", Root: root, Smithy: m, Model: svc}
	if err := runStage(s, Stage{ID: "prepare_emit", Run: prepareEmit}); err != nil {
		t.Fatal(err)
	}
	if err := runStage(s, Stage{ID: "emit_managers", Run: emitManagers}); err != nil {
		t.Fatal(err)
	}
	var convert string
	for _, f := range s.Files {
		if f.Path == "resources/campaign/convert.go" {
			convert = string(f.Data)
		}
	}
	if !strings.Contains(convert, "conv.Value(t.TagKey), conv.Value(t.TagValue)") {
		t.Errorf("Campaign's specTags does not read tagKey and tagValue:\n%s", convert)
	}
}

// TestEmitManagersDeclareWhatTheyUse parses the widgets fixture's
// manager, whose sub-resource and keyed collection hold secrets, and
// checks that every name it uses is declared: an import, a Go builtin, or
// a name of the file. The fixture's SDK does not exist, so the file
// cannot be compiled; this catches the use of the secret reader sec
// where no statement declared it, which the compiler would refuse.
func TestEmitManagersDeclareWhatTheyUse(t *testing.T) {
	s := fixtureState(t, "widgets", "prepare_emit")
	if err := emitManagers(s); err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Files {
		file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		imported := map[string]bool{}
		for _, imp := range file.Imports {
			if imp.Name != nil {
				imported[imp.Name.Name] = true
			} else {
				p, _ := strconv.Unquote(imp.Path.Value)
				imported[path.Base(p)] = true
			}
		}
		for _, id := range file.Unresolved {
			if !imported[id.Name] && types.Universe.Lookup(id.Name) == nil && !declaredInPackage(s, id.Name) {
				t.Errorf("%s uses %s, which nothing declares", f.Path, id.Name)
			}
		}
	}
}

// declaredInPackage reports whether a top-level declaration of any
// emitted file of the package has the name: the files of one package
// see each other's functions.
func declaredInPackage(s *State, name string) bool {
	for _, f := range s.Files {
		file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, 0)
		if err == nil && file.Scope.Lookup(name) != nil {
			return true
		}
	}
	return false
}
