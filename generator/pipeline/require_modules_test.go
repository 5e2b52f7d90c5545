package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestRequireModules(t *testing.T) {
	const gomod = "module example.com/x\n\ngo 1.24\n\nrequire github.com/aws/aws-sdk-go-v2/service/sns v1.47.9\n"
	imports := func(path string) emit.File {
		return emit.File{Path: "resources/topic/manager.go", Data: []byte("package topic\n\nimport _ \"" + path + "\"\n")}
	}
	cases := []struct {
		reason  string
		skip    string
		files   []emit.File
		wantErr string // "" for none; go.mod must then be unchanged
	}{
		{reason: "a module go.mod requires already is left as it is, with no call to the proxy",
			files: []emit.File{imports("github.com/aws/aws-sdk-go-v2/service/sns/types"), {Path: "helm/values.yaml", Data: []byte("x: 1\n")}}},
		{reason: "output not compiled against this module (the sweep, fixtures) leaves go.mod alone",
			skip: "fixture", files: []emit.File{imports("github.com/aws/aws-sdk-go-v2/service/gadgets")}},
		{reason: "emitted Go that does not parse is reported, naming the file",
			files: []emit.File{{Path: "resources/topic/manager.go", Data: []byte("package topic\nimport (")}}, wantErr: "resources/topic/manager.go"},
	}
	for _, c := range cases {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		err := requireModules(&State{Root: root, SkipGoCheck: c.skip, Files: c.files})
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v", c.reason, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.wantErr)
		}
		if data, _ := os.ReadFile(filepath.Join(root, "go.mod")); string(data) != gomod {
			t.Errorf("%s: go.mod changed:\n%s", c.reason, data)
		}
	}
}
