package pipeline

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestWriteOutput(t *testing.T) {
	const types, manager = "apis/v1alpha1/types.go", "resources/table/manager.go"
	cases := []struct {
		reason string
		// touch changes the previous output before the regeneration.
		touch func(t *testing.T, out string)
		// next is what the regeneration writes to the types file; "" for
		// what the first run wrote.
		next    string
		wantErr []string // each in the error; none for success
	}{
		{reason: "a rerun over untouched output succeeds", touch: func(*testing.T, string) {}},
		{reason: "a generated file deleted by hand is written again",
			touch: func(t *testing.T, out string) { mustRemove(t, filepath.Join(out, manager)) }},
		{reason: "a hand-edited file stops the regeneration, named, with what to do",
			touch:   func(t *testing.T, out string) { mustWrite(t, filepath.Join(out, types), "package v1alpha1 // mine\n") },
			wantErr: []string{filepath.Join("out", types) + " was edited by hand", "git checkout -- ", "or delete it"}},
		{reason: "every hand-edited file is named at once",
			touch: func(t *testing.T, out string) {
				mustWrite(t, filepath.Join(out, types), "edited\n")
				mustWrite(t, filepath.Join(out, manager), "edited\n")
			},
			wantErr: []string{filepath.Join("out", types) + " was edited by hand", filepath.Join("out", manager) + " was edited by hand"}},
		{reason: "a file changed to what the regeneration writes is no hand edit, as after a merge",
			touch: func(t *testing.T, out string) {
				mustWrite(t, filepath.Join(out, types), "package v1alpha1 // merged\n")
			},
			next: "package v1alpha1 // merged\n"},
		{reason: "a file the manifest does not list stops the regeneration",
			touch:   func(t *testing.T, out string) { mustWrite(t, filepath.Join(out, "notes.md"), "mine\n") },
			wantErr: []string{filepath.Join("out", "notes.md") + " is not generated output"}},
	}
	for _, c := range cases {
		dir := t.TempDir()
		s := &State{Service: "svc", OutDir: filepath.Join(dir, "out"), Staging: filepath.Join(dir, "staging")}
		s.Files = []emit.File{{Path: types, Data: []byte("package v1alpha1\n")}, {Path: manager, Data: []byte("package table\n")}}
		if err := writeOutput(s); err != nil {
			t.Fatalf("%s: first write: %v", c.reason, err)
		}
		first := readTree(t, s.OutDir)
		c.touch(t, s.OutDir)
		before := readTree(t, s.OutDir)
		s.Files = s.Files[:2] // what a second run's stages produce
		if c.next != "" {
			s.Files[0].Data = []byte(c.next)
		}
		err := writeOutput(s)
		after := readTree(t, s.OutDir)
		if len(c.wantErr) == 0 {
			if c.next == "" && !maps.Equal(first, after) || after[filepath.Join(s.OutDir, types)] != string(s.Files[0].Data) {
				t.Errorf("%s: the output is not what the stages produced", c.reason)
			}
			if err != nil {
				t.Errorf("%s: %v", c.reason, err)
			}
			continue
		}
		for _, w := range c.wantErr {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: got %v, want an error saying %q", c.reason, err, w)
			}
		}
		if !maps.Equal(before, after) {
			t.Errorf("%s: the output changed although the regeneration was refused", c.reason)
		}
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRemove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

// readTree maps every file under dir to its content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		tree[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}
