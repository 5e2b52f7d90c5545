package pipeline

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/emit"
)

// TestCheckGoKeepsOutputThatDoesNotCompile runs the whole pipeline on a
// fixture whose emitted Go cannot compile (its SDK package does not exist)
// over output a previous run left: generation fails naming the file and
// line, and the previous output is left as it was.
func TestCheckGoKeepsOutputThatDoesNotCompile(t *testing.T) {
	root := repoRoot(t)
	dir := filepath.Join("testdata", "fixtures", "widgets")
	cfg, err := config.Load(filepath.Join(dir, "generator.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "widgets")
	state := func() *State {
		return &State{Service: "widgets", Root: root, ModelsDir: fixtureModels(t), Config: cfg, OutDir: out}
	}
	first := state()
	first.SkipGoCheck = noFixtureSDK
	if _, err := Run(first); err != nil {
		t.Fatalf("first run: %v", err)
	}
	before := readTree(t, out)

	_, err = Run(state())
	if err == nil {
		t.Fatal("generate wrote Go that does not compile")
	}
	for _, want := range []string{
		"widgets: check_go: the generated Go does not compile, so generated/widgets keeps its previous output",
		"generated/widgets/resources/widget/manager.go:",
		"github.com/aws/aws-sdk-go-v2/service/widgets",
		"go.mod lacks a module the Go imports: listing the versions of github.com/aws/aws-sdk-go-v2/service/widgets",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Errorf("the output went from %d files to %d", len(before), len(after))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed although the new output did not compile", p)
		}
	}
}

// TestCheckGoNamesFieldAndOption compiles real S3 output into which the
// Tagging sub-resource's duplicate struct key (the bug of issue 9) is put
// back by hand, since the generator no longer makes it, and checks that the error leads from the Go line to the spec field
// and to the generator.yaml lines that configure it.
func TestCheckGoNamesFieldAndOption(t *testing.T) {
	root := repoRoot(t)
	yaml := `resources:
  Bucket:
    operations: {read: HeadBucket}
    tags: {path: Tagging.TagSet}
    fields:
      Bucket: {rename: Name, primaryKey: true}
    subResources:
      Tagging: {}
`
	cfg, err := config.Parse([]byte(yaml), filepath.Join(root, "models", "s3", "generator.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := &State{Service: "s3", Root: root, ModelsDir: modelsDir(t, root), Config: cfg,
		OutDir: filepath.Join(t.TempDir(), "s3"), GoPackage: "github.com/kubesmith/kubesmith/generated/s3check"}
	t.Cleanup(func() { removeStaging(s) })
	runThrough(t, s, "emit_helm")
	const manager = "resources/bucket/manager.go"
	for i, f := range s.Files {
		if f.Path != manager {
			continue
		}
		key := []byte("\t\tTagging: nil,\n")
		at := bytes.Index(f.Data, []byte("&s3.PutBucketTaggingInput{\n"))
		if at < 0 {
			t.Fatalf("%s has no PutBucketTaggingInput literal", manager)
		}
		at += len("&s3.PutBucketTaggingInput{\n")
		s.Files[i].Data = append(append(append([]byte{}, f.Data[:at]...), key...), f.Data[at:]...)
	}
	err = checkGo(s)
	if err == nil {
		t.Fatal("checkGo passed Go with a duplicate struct key")
	}
	want := "generated/s3check/" + manager + ":"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error lacks %q:\n%v", want, err)
	}
	want = ": duplicate field name Tagging in struct literal; from Bucket spec.tagging, configured by " +
		"subResources.Tagging (models/s3/generator.yaml:8) and tags.path (models/s3/generator.yaml:4)"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error lacks %q:\n%v", want, err)
	}
}

func TestParseListError(t *testing.T) {
	cases := []struct {
		reason    string
		pos, text string
		want      []compileFailure
	}{
		{reason: "compiler errors are split by line, the package header dropped",
			text: "# example.com/p\n/s/p/a.go:3:4: undefined: x\n/s/p/b.go:9:1: missing return\n",
			want: []compileFailure{{file: "/s/p/a.go", line: 3, col: 4, msg: "undefined: x"}, {file: "/s/p/b.go", line: 9, col: 1, msg: "missing return"}}},
		{reason: "an indented line continues the error before it",
			text: "/s/p/a.go:3:4: cannot use x\n\thave int\n\twant string",
			want: []compileFailure{{file: "/s/p/a.go", line: 3, col: 4, msg: "cannot use x\n  \thave int\n  \twant string"}}},
		{reason: "an error without a position in its text takes the package error's",
			pos: "generated/w/x.go:8:2", text: "no required module provides package example.com/sdk",
			want: []compileFailure{{file: "generated/w/x.go", line: 8, col: 2, msg: "no required module provides package example.com/sdk"}}},
	}
	for _, c := range cases {
		got := parseListError(c.pos, c.text)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %+v, want %+v", c.reason, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %+v, want %+v", c.reason, got[i], c.want[i])
			}
		}
	}
}

// TestStageOverlay: the compiler sees the new Go files at their final
// paths, and not the Go files of the previous output that the new one
// drops, which the swap will remove.
func TestStageOverlay(t *testing.T) {
	dir, staged := filepath.Join(t.TempDir(), "svc"), filepath.Join(t.TempDir(), "staged")
	mustMkdir(t, filepath.Join(dir, "resources", "gone"))
	mustWrite(t, filepath.Join(dir, "resources", "gone", "manager.go"), "package gone\n")
	mustWrite(t, filepath.Join(dir, "README.md"), "not Go\n")
	files := []emit.File{{Path: "resources/kept/manager.go", Data: []byte("package kept\n")}, {Path: "helm/values.yaml", Data: []byte("a: 1\n")}}
	path, err := stageOverlay(files, dir, staged)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var overlay struct{ Replace map[string]string }
	if err := json.Unmarshal(data, &overlay); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		filepath.Join(dir, "resources", "kept", "manager.go"): filepath.Join(staged, "resources", "kept", "manager.go"),
		filepath.Join(dir, "resources", "gone", "manager.go"): "",
	}
	if !maps.Equal(overlay.Replace, want) {
		t.Errorf("overlay %v, want %v", overlay.Replace, want)
	}
	if got, err := os.ReadFile(want[filepath.Join(dir, "resources", "kept", "manager.go")]); err != nil || string(got) != "package kept\n" {
		t.Errorf("staged file: %q, %v", got, err)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
