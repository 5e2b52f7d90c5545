package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/emit"
)

func TestRemove(t *testing.T) {
	cases := []struct {
		reason  string
		extra   string // a file written beside the generated ones, "" for none
		wantErr string
	}{
		{"a folder holding only its manifest's files is removed", "", ""},
		{"a file the manifest does not list is never deleted", "notes.md", "is not generated output"},
	}
	for _, c := range cases {
		root := t.TempDir()
		dir := filepath.Join(root, "generated", "old")
		files := []emit.File{{Path: "apis/v1alpha1/types.go", Data: []byte("package v1alpha1\n")}}
		if err := writeFiles(dir, append(files, manifest(files))); err != nil {
			t.Fatal(err)
		}
		if c.extra != "" {
			if err := os.WriteFile(filepath.Join(dir, c.extra), []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		err := Remove(root, "old")
		_, statErr := os.Stat(dir)
		switch {
		case c.wantErr == "" && (err != nil || !errors.Is(statErr, fs.ErrNotExist)):
			t.Errorf("%s: Remove = %v, folder still there: %v", c.reason, err, statErr == nil)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr) || statErr != nil):
			t.Errorf("%s: Remove = %v, want an error saying %q and the folder kept", c.reason, err, c.wantErr)
		}
	}
}
