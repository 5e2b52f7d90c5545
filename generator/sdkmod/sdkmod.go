// Package sdkmod keeps the aws-sdk-go-v2 service modules that go.mod
// requires in step with what the code imports: generation adds the module
// of a new service and drops the modules nothing imports any more, without
// ever moving the SDK core (github.com/aws/aws-sdk-go-v2 and the other
// github.com/aws/ modules go.mod pins), so that every service builds
// against one version set.
package sdkmod

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	modpath "golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// ServicePrefix starts the path of every SDK service module.
const ServicePrefix = "github.com/aws/aws-sdk-go-v2/service/"

// pinnedPrefix starts the paths of the modules whose versions adding a
// service must not raise: the SDK core, its internal modules, smithy-go.
const pinnedPrefix = "github.com/aws/"

// ModuleOf returns the SDK service module that provides the package at
// importPath, or "" for any other package. The service/internal/ modules
// are the SDK's own dependencies, never imported by generated code.
func ModuleOf(importPath string) string {
	rest, ok := strings.CutPrefix(importPath, ServicePrefix)
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	if name == "internal" || name == "" {
		return ""
	}
	return ServicePrefix + name
}

// Imported lists, sorted, the SDK service modules the Go sources import.
func Imported(sources map[string][]byte) ([]string, error) {
	var mods []string
	fset := token.NewFileSet()
	for name, src := range sources {
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return nil, fmt.Errorf("%s: import %s: %w", name, imp.Path.Value, err)
			}
			if m := ModuleOf(p); m != "" {
				mods = append(mods, m)
			}
		}
	}
	slices.Sort(mods)
	return slices.Compact(mods), nil
}

// Require adds to root's go.mod each of modules it lacks, at the newest
// version whose own go.mod needs no newer version of any github.com/aws/
// module than root's go.mod pins, and updates go.sum, reporting each step
// on progress. Modules go.mod already requires are left as they are.
func Require(ctx context.Context, root string, modules []string, progress io.Writer) error {
	gomod := filepath.Join(root, "go.mod")
	f, err := readModFile(gomod)
	if err != nil {
		return err
	}
	pinned := map[string]string{}
	for _, r := range f.Require {
		if strings.HasPrefix(r.Mod.Path, pinnedPrefix) {
			pinned[r.Mod.Path] = r.Mod.Version
		}
	}
	var args, added []string
	tool := goTool{root: root}
	for _, m := range modules {
		if _, ok := pinned[m]; ok {
			continue
		}
		fmt.Fprintf(progress, "go.mod: %s is missing; choosing the newest version the pinned SDK (%s %s) satisfies\n", m, sdkCore, or(pinned[sdkCore], "unpinned"))
		v, g, err := chooseVersion(ctx, root, m, pinned, progress)
		if err != nil {
			return err
		}
		if g.cache != "" {
			tool = g // offline: go get must read the cache too
		}
		args = append(args, m+"@"+v)
		added = append(added, m)
	}
	if len(args) == 0 {
		return nil
	}
	fmt.Fprintf(progress, "go.mod: adding %s\n", strings.Join(args, " "))
	return keepPinned(root, pinned, func() error {
		if out, err := tool.run(ctx, append([]string{"get"}, args...)...); err != nil {
			return fmt.Errorf("go get %s: %v\n%s\n%s", strings.Join(args, " "), err, strings.TrimSpace(out), proxyHint(ctx, root))
		}
		return markDirect(gomod, added)
	})
}

// sdkCore is the module whose version names the SDK release.
const sdkCore = "github.com/aws/aws-sdk-go-v2"

// keepPinned runs change, then restores go.mod and go.sum and fails if
// change moved any module of pinned to another version.
func keepPinned(root string, pinned map[string]string, change func() error) error {
	gomod, gosum := filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")
	oldMod, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	oldSum, err := os.ReadFile(gosum)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	restore := func() {
		_ = os.WriteFile(gomod, oldMod, 0o644)
		if oldSum != nil {
			_ = os.WriteFile(gosum, oldSum, 0o644)
		}
	}
	if err := change(); err != nil {
		restore()
		return err
	}
	f, err := readModFile(gomod)
	if err != nil {
		restore()
		return err
	}
	var moved []string
	for _, r := range f.Require {
		if v, ok := pinned[r.Mod.Path]; ok && v != r.Mod.Version {
			moved = append(moved, fmt.Sprintf("%s %s -> %s", r.Mod.Path, v, r.Mod.Version))
		}
	}
	if len(moved) > 0 {
		restore()
		return fmt.Errorf("adding SDK modules would move pinned modules (%s); go.mod and go.sum are left as they were: upgrade the SDK deliberately with go get", strings.Join(moved, ", "))
	}
	return nil
}

// chooseVersion finds module's version through the module proxy, and
// when that cannot list it (no network), among the releases the module
// cache holds whole, which it returns the go command to fetch them with.
func chooseVersion(ctx context.Context, root, module string, pinned map[string]string, progress io.Writer) (string, goTool, error) {
	g := goTool{root: root}
	v, err := compatibleVersion(ctx, g, module, pinned)
	var listErr *listError
	if !errors.As(err, &listErr) {
		return v, g, err
	}
	cache, cacheErr := g.run(ctx, "env", "GOMODCACHE")
	if cacheErr != nil {
		return "", g, err
	}
	fromCache := goTool{root: root, cache: filepath.Join(strings.TrimSpace(cache), "cache", "download")}
	fmt.Fprintf(progress, "go.mod: the module proxy cannot list %s; looking in the module cache\n", module)
	v, cacheErr = compatibleVersion(ctx, fromCache, module, pinned)
	if cacheErr != nil {
		return "", g, fmt.Errorf("%w\nnor does the module cache (%s) hold a release of it that fits: %v", err, fromCache.cache, cacheErr)
	}
	return v, fromCache, nil
}

// listError is a failure to list a module's releases.
type listError struct{ err error }

func (e *listError) Error() string { return e.err.Error() }

// compatibleVersion finds the newest release of module whose go.mod
// requires no github.com/aws/ module at a version above pinned. The SDK
// releases raise these requirements monotonically, so a binary search over
// the releases reads a handful of go.mod files, never a module's source.
func compatibleVersion(ctx context.Context, g goTool, module string, pinned map[string]string) (string, error) {
	out, err := g.run(ctx, "list", "-m", "-versions", module)
	fields := strings.Fields(out)
	if err != nil || len(fields) < 2 || fields[0] != module {
		return "", &listError{fmt.Errorf("listing the versions of %s: %v\n%s\n%s", module, err, strings.TrimSpace(out), proxyHint(ctx, g.root))}
	}
	var versions []string
	for _, v := range fields[1:] {
		if semver.Prerelease(v) == "" && g.whole(module, v) {
			versions = append(versions, v)
		}
	}
	semver.Sort(versions)
	fits := func(v string) (bool, error) {
		reqs, err := requirements(ctx, g, module+"@"+v)
		if err != nil {
			return false, err
		}
		for _, r := range reqs {
			if have, ok := pinned[r.Mod.Path]; ok && semver.Compare(r.Mod.Version, have) > 0 {
				return false, nil
			}
		}
		return true, nil
	}
	if len(versions) == 0 {
		return "", fmt.Errorf("%s has no release; %s", module, proxyHint(ctx, g.root))
	}
	newest := versions[len(versions)-1]
	if ok, err := fits(newest); err != nil || ok {
		return newest, err
	}
	lo, hi := 0, len(versions)-1 // versions[:lo] fit; versions[hi:] do not
	for lo < hi {
		mid := (lo + hi) / 2
		ok, err := fits(versions[mid])
		if err != nil {
			return "", err
		}
		if ok {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return "", fmt.Errorf("no release of %s works with the SDK go.mod pins (%s %s): every one needs a newer core; upgrade the SDK deliberately with go get", module, sdkCore, pinned[sdkCore])
	}
	return versions[lo-1], nil
}

// requirements reads the go.mod of one module version, which go list
// fetches alone, without the module's source.
func requirements(ctx context.Context, g goTool, query string) ([]*modfile.Require, error) {
	out, err := g.run(ctx, "list", "-m", "-f", "{{.GoMod}}", query)
	if err != nil {
		return nil, fmt.Errorf("reading the go.mod of %s: %v\n%s\n%s", query, err, strings.TrimSpace(out), proxyHint(ctx, g.root))
	}
	f, err := readModFile(strings.TrimSpace(out))
	if err != nil {
		return nil, err
	}
	return f.Require, nil
}

// markDirect drops the "// indirect" that go get writes on a module no
// package imports yet: the generated code that imports it is written next.
func markDirect(gomod string, modules []string) error {
	f, err := readModFile(gomod)
	if err != nil {
		return err
	}
	var reqs []*modfile.Require
	for _, r := range f.Require {
		c := *r
		if slices.Contains(modules, c.Mod.Path) {
			c.Indirect = false
		}
		reqs = append(reqs, &c)
	}
	f.SetRequireSeparateIndirect(reqs)
	return writeModFile(gomod, f)
}

// Prune drops from root's go.mod the direct requirements of SDK service
// modules that no package of the module imports, its tests included, and
// their go.sum lines where nothing else needs the module. It reports what
// it drops on progress.
func Prune(ctx context.Context, root string, progress io.Writer) error {
	out, err := goCmd(ctx, root, "list", "-e", "-deps", "-test", "-f", "{{with .Module}}{{.Path}}{{end}}", "./...")
	if err != nil {
		return fmt.Errorf("go list ./...: %v\n%s", err, out)
	}
	used := map[string]bool{}
	for _, m := range strings.Fields(out) {
		used[m] = true
	}
	gomod := filepath.Join(root, "go.mod")
	f, err := readModFile(gomod)
	if err != nil {
		return err
	}
	var dropped []modfile.Require
	for _, r := range f.Require {
		if !r.Indirect && ModuleOf(r.Mod.Path) == r.Mod.Path && !used[r.Mod.Path] {
			dropped = append(dropped, *r)
		}
	}
	if len(dropped) == 0 {
		return nil
	}
	for _, r := range dropped {
		fmt.Fprintf(progress, "go.mod: dropping %s %s: nothing imports it\n", r.Mod.Path, r.Mod.Version)
		if err := f.DropRequire(r.Mod.Path); err != nil {
			return err
		}
	}
	if err := writeModFile(gomod, f); err != nil {
		return err
	}
	return pruneSums(ctx, root, dropped)
}

// pruneSums removes the go.sum lines of dropped modules that the module
// graph no longer holds at that version.
func pruneSums(ctx context.Context, root string, dropped []modfile.Require) error {
	out, err := goCmd(ctx, root, "list", "-m", "all")
	if err != nil {
		return fmt.Errorf("go list -m all: %v\n%s", err, out)
	}
	inGraph := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		inGraph[strings.Join(strings.Fields(line), " ")] = true
	}
	gosum := filepath.Join(root, "go.sum")
	data, err := os.ReadFile(gosum)
	if err != nil {
		return err
	}
	var kept [][]byte
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		fields := strings.Fields(string(line))
		drop := false
		for _, r := range dropped {
			if len(fields) == 3 && fields[0] == r.Mod.Path && strings.TrimSuffix(fields[1], "/go.mod") == r.Mod.Version &&
				!inGraph[r.Mod.Path+" "+r.Mod.Version] {
				drop = true
			}
		}
		if !drop {
			kept = append(kept, line)
		}
	}
	return os.WriteFile(gosum, bytes.Join(kept, nil), 0o644)
}

func readModFile(path string) (*modfile.File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return modfile.Parse(path, data, nil)
}

func writeModFile(path string, f *modfile.File) error {
	f.Cleanup()
	data, err := f.Format()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// goTool runs the go command in a module's root, outside any workspace,
// with the caller's GOFLAGS. With cache set it fetches modules from there
// only, the module cache read as a proxy, which works offline for what the
// cache holds, checksums included.
type goTool struct {
	root  string
	cache string // a module cache's download folder, or "" for GOPROXY
}

// whole reports whether module@version can be fetched in full: always
// through the proxy; from the cache, when it holds the zip and not only
// the go.mod that a version choice reads.
func (g goTool) whole(module, version string) bool {
	if g.cache == "" {
		return true
	}
	esc, err := modpath.EscapePath(module)
	if err != nil {
		return false
	}
	_, err = os.Stat(filepath.Join(g.cache, filepath.FromSlash(esc), "@v", version+".zip"))
	return err == nil
}

func (g goTool) run(ctx context.Context, args ...string) (string, error) {
	var env []string
	if g.cache != "" {
		env = []string{"GOPROXY=file://" + filepath.ToSlash(g.cache)}
	}
	return goCmdEnv(ctx, g.root, env, args...)
}

// goCmd runs the go command in root, outside any workspace, with the
// caller's GOFLAGS and GOPROXY; its output is stdout and stderr together.
func goCmd(ctx context.Context, root string, args ...string) (string, error) {
	return goCmdEnv(ctx, root, nil, args...)
}

func goCmdEnv(ctx context.Context, root string, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// proxyHint says where modules come from, for errors of the go command
// that may be a proxy out of reach.
func proxyHint(ctx context.Context, root string) string {
	proxy, _ := goCmd(ctx, root, "env", "GOPROXY")
	return fmt.Sprintf("the go command fetches modules from GOPROXY=%s: is it reachable? Generated code imports this module and go.mod lacks it, so it cannot be built without it", strings.TrimSpace(proxy))
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
