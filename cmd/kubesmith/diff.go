package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/crddiff"
)

// diff compares generated/<service>/config/crd with the same folder at a
// git ref and fails on a breaking change that models/<service>/
// generator.yaml does not acknowledge under breaking:.
func diff(w io.Writer, root string, args []string) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	ref := fs.String("ref", "", "git ref to compare with (default: the merge-base of HEAD and main, else main)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	base, err := baseRef(root, *ref)
	if err != nil {
		return err
	}
	services := fs.Args()
	if len(services) == 0 {
		if services, err = generatedServices(root, base); err != nil {
			return err
		}
	}
	var errs []error
	for _, svc := range services {
		if err := diffService(w, root, base, svc); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func diffService(w io.Writer, root, base, svc string) error {
	old, err := crdsAt(root, base, svc)
	if err != nil {
		return err
	}
	cur, err := crdsIn(root, svc)
	if err != nil {
		return err
	}
	cfgPath := filepath.Join(root, "models", svc, "generator.yaml")
	cfg, err := config.LoadOrEmpty(cfgPath)
	if err != nil {
		return err
	}
	var acks []crddiff.Ack
	for _, b := range cfg.Breaking {
		acks = append(acks, crddiff.Ack{Kind: b.Kind, Field: b.Field, Change: b.Change})
	}
	changes := crddiff.Compare(old, cur)
	refused, unused := crddiff.Unacknowledged(changes, acks)
	report(w, svc, base, changes, refused)
	for _, a := range unused {
		fmt.Fprintf(w, "  note: breaking: %s %s %s in %s matches no change; remove it once %s has it\n", a.Kind, a.Change, a.Field, relPath(root, cfgPath), base)
	}
	if len(refused) == 0 {
		return nil
	}
	var fix strings.Builder
	for _, c := range refused {
		fmt.Fprintf(&fix, "\n  - {kind: %s, field: %s, change: %s, because: <why users may take it>}", c.Kind, c.Field, c.Change)
	}
	return fmt.Errorf("%s: %d breaking CRD change(s) since %s; undo them, or acknowledge each in %s:\nbreaking:%s",
		svc, len(refused), base, relPath(root, cfgPath), fix.String())
}

// report prints the changes per kind, marking the breaking ones.
func report(w io.Writer, svc, base string, changes, refused []crddiff.Change) {
	if len(changes) == 0 {
		fmt.Fprintf(w, "diff %s against %s: no spec changes\n", svc, base)
		return
	}
	fmt.Fprintf(w, "diff %s against %s:\n", svc, base)
	kind := ""
	for _, c := range changes {
		if c.Kind != kind {
			kind = c.Kind
			fmt.Fprintf(w, "  %s\n", kind)
		}
		mark := ""
		switch {
		case slices.Contains(refused, c):
			mark = "  BREAKING"
		case c.Breaking():
			mark = "  breaking, acknowledged"
		}
		fmt.Fprintf(w, "    %s%s\n", c, mark)
	}
}

// baseRef resolves the ref to compare with: the one given, else where
// HEAD left main (origin/main in a clone without a local main).
func baseRef(root, ref string) (string, error) {
	if ref != "" {
		if _, err := git(root, "rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
			return "", fmt.Errorf("diff: %q is not a commit in this repository", ref)
		}
		return ref, nil
	}
	for _, main := range []string{"main", "origin/main"} {
		if mb, err := git(root, "merge-base", "HEAD", main); err == nil {
			return gitOutput(root, "rev-parse", "--short", mb), nil
		}
	}
	return "", errors.New("diff: no main or origin/main to compare with; pass -ref <commit>")
}

// generatedServices are the services under generated/ now or at ref.
func generatedServices(root, ref string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, "generated"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	// -d: folders only; generated/README.md is the project's doc index.
	atRef, err := git(root, "ls-tree", "-d", "--name-only", ref, "generated/")
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Fields(atRef) {
		out = append(out, path.Base(p))
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// crdsAt reads generated/<svc>/config/crd at ref; none if it had none.
func crdsAt(root, ref, svc string) ([]*apiextv1.CustomResourceDefinition, error) {
	dir := "generated/" + svc + "/config/crd/"
	names, err := git(root, "ls-tree", "--name-only", ref, dir)
	if err != nil {
		return nil, err
	}
	var out []*apiextv1.CustomResourceDefinition
	for _, p := range strings.Fields(names) {
		if !strings.HasSuffix(p, ".yaml") {
			continue
		}
		data, err := git(root, "show", ref+":"+p)
		if err != nil {
			return nil, err
		}
		crd, err := crddiff.Parse([]byte(data), ref+":"+p)
		if err != nil {
			return nil, err
		}
		out = append(out, crd)
	}
	return out, nil
}

// crdsIn reads generated/<svc>/config/crd in the working tree.
func crdsIn(root, svc string) ([]*apiextv1.CustomResourceDefinition, error) {
	files, err := filepath.Glob(filepath.Join(root, "generated", svc, "config", "crd", "*.yaml"))
	if err != nil {
		return nil, err
	}
	var out []*apiextv1.CustomResourceDefinition
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		crd, err := crddiff.Parse(data, relPath(root, p))
		if err != nil {
			return nil, err
		}
		out = append(out, crd)
	}
	return out, nil
}

func relPath(root, p string) string {
	if rel, err := filepath.Rel(root, p); err == nil {
		return rel
	}
	return p
}
