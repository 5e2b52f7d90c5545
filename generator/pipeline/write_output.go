package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/emit"
)

// ManifestFile lists every generated file of a service with its digest.
// The writer refuses to delete a file the manifest does not list, or to
// overwrite one whose digest changed, so nothing written or edited by hand
// is ever lost to a regeneration.
const ManifestFile = "kubesmith-manifest.txt"

// writeOutput stages every file, then swaps the staging folder in for
// generated/<service> in two renames, so a failure at any point leaves the
// previous output whole.
func writeOutput(s *State) error {
	slices.SortFunc(s.Files, func(a, b emit.File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(s.Files); i++ {
		if s.Files[i].Path == s.Files[i-1].Path {
			return fmt.Errorf("two stages wrote %s", s.Files[i].Path)
		}
	}
	if err := os.RemoveAll(s.Staging); err != nil {
		return err
	}
	files := append(s.Files, manifest(s.Files))
	if err := writeFiles(s.Staging, files); err != nil {
		return err
	}
	target := s.outDir()
	if err := checkNothingHandWritten(target, files); err != nil {
		return err
	}
	old := s.Staging + "-old"
	if err := os.Rename(target, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(s.Staging, target); err != nil {
		// Put the previous output back before reporting.
		return errors.Join(err, os.Rename(old, target))
	}
	return os.RemoveAll(old)
}

func manifest(files []emit.File) emit.File {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n# path sha256\n", emit.Header)
	for _, f := range files {
		fmt.Fprintf(&b, "%s %x\n", f.Path, sha256.Sum256(f.Data))
	}
	return emit.File{Path: ManifestFile, Data: b.Bytes()}
}

// checkNothingHandWritten fails when dir holds a file its manifest lacks,
// or one whose digest no longer matches the manifest: a regeneration would
// lose what was written or edited by hand. It names every such file. A
// file that already holds what the generator writes next loses nothing,
// as after a merge of two regenerations that git joined cleanly.
func checkNothingHandWritten(dir string, next []emit.File) error {
	digests, err := readManifest(dir)
	if err != nil || digests == nil {
		return err
	}
	nextDigests := map[string]string{}
	for _, f := range next {
		nextDigests[f.Path] = fmt.Sprintf("%x", sha256.Sum256(f.Data))
	}
	var unknown, edited []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		want, listed := digests[filepath.ToSlash(rel)]
		switch {
		case rel == ManifestFile:
		case !listed:
			unknown = append(unknown, p)
		default:
			got, err := fileDigest(p)
			if err != nil {
				return err
			}
			if got != want && got != nextDigests[filepath.ToSlash(rel)] {
				edited = append(edited, p)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var errs []error
	for _, p := range unknown {
		errs = append(errs, fmt.Errorf("%s is not generated output (not in %s); move it away before regenerating", p, ManifestFile))
	}
	for _, p := range edited {
		errs = append(errs, fmt.Errorf("%s was edited by hand (its sha256 differs from %s) and regenerating would overwrite it; "+
			"make the change in the generator or generator.yaml instead, then restore the file (git checkout -- %s) or delete it, and regenerate", p, ManifestFile, p))
	}
	return errors.Join(errs...)
}

// readManifest returns the digests dir's manifest records by path, nil
// when dir does not exist.
func readManifest(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		if _, statErr := os.Stat(dir); errors.Is(statErr, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("%s exists but has no %s; move it away if it is not generated output", dir, ManifestFile)
	}
	if err != nil {
		return nil, err
	}
	digests := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			path, digest, _ := strings.Cut(line, " ")
			digests[path] = digest
		}
	}
	return digests, sc.Err()
}

func fileDigest(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", sha256.Sum256(data)), nil
}

func writeFiles(dir string, files []emit.File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func removeStaging(s *State) {
	if s.Staging != "" {
		os.RemoveAll(s.Staging)
		os.RemoveAll(s.Staging + "-old")
	}
}

// Remove deletes generated/<service> of a service that is no longer
// configured, so that regenerate-and-diff sees stale services too. Like a
// regeneration, it refuses when the folder holds a file its manifest does
// not list.
func Remove(root, service string) error {
	dir := filepath.Join(root, "generated", service)
	if err := checkNothingHandWritten(dir, nil); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
