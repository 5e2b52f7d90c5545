package pipeline

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestEmitController(t *testing.T) {
	cases := []struct {
		reason string
		extra  []string // kinds added as copies of the fixture's
		want   []string // packages whose Kind() is registered
	}{
		{reason: "the fixture's one kind is registered", want: []string{"widget"}},
		{reason: "every kind is registered", extra: []string{"Doohickey", "Sprocket"}, want: []string{"widget", "doohickey", "sprocket"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, "widgets", "prepare_emit")
			for _, k := range c.extra {
				r := *s.Model.Resources[0]
				r.Kind, r.Plural = k, strings.ToLower(k)+"s"
				s.Model.Resources = append(s.Model.Resources, &r)
			}
			if err := emitController(s); err != nil {
				t.Fatal(err)
			}
			if len(s.Files) != 1 || s.Files[0].Path != "cmd/controller/main.go" {
				t.Fatalf("emitted %v, want only cmd/controller/main.go", paths(s))
			}
			main := string(s.Files[0].Data)
			if got := strings.Count(main, "reconciler.Register("); got != len(c.want) {
				t.Errorf("%d kinds registered, want %d:\n%s", got, len(c.want), main)
			}
			for _, pkg := range c.want {
				if !strings.Contains(main, "reconciler.Register("+pkg+".Kind())") {
					t.Errorf("%s is not registered:\n%s", pkg, main)
				}
			}
			if !strings.Contains(main, `operator.Main("widgets", v1alpha1.AddToScheme`) {
				t.Errorf("main does not run the operator with the service's scheme:\n%s", main)
			}
			if !blankImports(t, main, "golang.org/x/crypto/x509roots/fallback") {
				t.Errorf("main does not carry fallback CA roots, so a controller in an image without /etc/ssl cannot reach AWS over TLS:\n%s", main)
			}
		})
	}
}

// blankImports reports whether the Go source src imports pkg as _.
func blankImports(t *testing.T, src, pkg string) bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"`+pkg+`"` && imp.Name != nil && imp.Name.Name == "_" {
			return true
		}
	}
	return false
}
