package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kubesmith/kubesmith/generator/emit"
)

// IndexFile is the project's index of the reference docs, under generated/.
const IndexFile = "README.md"

// WriteIndex writes generated/README.md, which links each service's
// reference docs and every kind's page, from what generated/ holds: run
// after generating one service or all, it lists them all. It replaces the
// file by a rename, so a reader never sees half of it.
func WriteIndex(root string) error {
	dir := filepath.Join(root, "generated")
	data, err := index(dir)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, IndexFile)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp, err := os.CreateTemp(dir, ".index-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// index is the Markdown of the project's index: a section per service
// with reference docs, in folder order, and a link per kind page.
func index(dir string) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- %s -->\n\n# Reference\n\n", emit.Header)
	b.WriteString("The generated reference of every kind: each page lists every spec and status field with its type, constraints, mutability, the AWS operations behind it and whether the controller detects drift in it.\n")
	services, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, svc := range services {
		docs := filepath.Join(dir, svc.Name(), "docs")
		pages, err := os.ReadDir(docs)
		if errors.Is(err, fs.ErrNotExist) || !svc.IsDir() || strings.HasPrefix(svc.Name(), "_") {
			continue
		}
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "\n## [%s](%s/docs/README.md)\n\n", svc.Name(), svc.Name())
		for _, p := range pages {
			kind, ok := strings.CutSuffix(p.Name(), ".md")
			if !ok || p.Name() == "README.md" {
				continue
			}
			fmt.Fprintf(&b, "- [%s](%s/%s)\n", kind, svc.Name(), emit.KindDocPath(kind))
		}
	}
	return []byte(b.String()), nil
}
