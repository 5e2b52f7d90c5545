package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/emit"
)

// checkGo compiles the staged Go files as if they were already in place,
// through go list -export with an overlay, against the module's own go.mod,
// so that output that does not compile never replaces the previous one.
// go list compiles without linking the controller, and the build cache
// makes an unchanged service cost next to nothing.
func checkGo(s *State) error {
	if s.SkipGoCheck != "" {
		return nil
	}
	dir, err := s.goDir()
	if err != nil {
		return err
	}
	staged := filepath.Join(s.Staging, "go-check")
	overlay, err := stageOverlay(s.Files, dir, staged)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(s.Root, dir)
	if err != nil {
		return err
	}
	pattern := "./" + filepath.ToSlash(rel) + "/..."
	out, stderr, runErr := goList(s.Root, overlay, pattern)
	failures, err := compileFailures(out)
	if err != nil {
		return fmt.Errorf("go list %s: %v\n%s", pattern, err, stderr)
	}
	if len(failures) == 0 {
		if runErr != nil {
			return fmt.Errorf("go list %s: %v\n%s", pattern, runErr, stderr)
		}
		return nil
	}
	var lines []string
	for _, f := range failures {
		lines = append(lines, s.describeFailure(f, dir, staged))
	}
	if s.moduleErr != nil {
		lines = append(lines, "go.mod lacks a module the Go imports: "+s.moduleErr.Error())
	}
	return fmt.Errorf("the generated Go does not compile, so %s keeps its previous output:\n  %s",
		filepath.ToSlash(rel), strings.Join(slices.Compact(lines), "\n  "))
}

// goDir is the folder the generated packages' import path names in this
// module, where the compiler must see them: generated/<service> even when
// the output is written elsewhere.
func (s *State) goDir() (string, error) {
	rest, ok := strings.CutPrefix(s.goPackage(), emit.GeneratedRoot+"/")
	if !ok {
		return "", fmt.Errorf("the import path %s is outside %s, so its Go cannot be checked in this module; set SkipGoCheck to say why not", s.goPackage(), emit.GeneratedRoot)
	}
	return filepath.Join(s.Root, "generated", filepath.FromSlash(rest)), nil
}

// stageOverlay writes the Go files under staged and returns the path of a
// go overlay that puts each at its place under dir, and hides the Go files
// dir holds today that the new output no longer has.
func stageOverlay(files []emit.File, dir, staged string) (string, error) {
	replace := map[string]string{}
	var goFiles []emit.File
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") {
			goFiles = append(goFiles, f)
			replace[filepath.Join(dir, filepath.FromSlash(f.Path))] = filepath.Join(staged, filepath.FromSlash(f.Path))
		}
	}
	if err := writeFiles(staged, goFiles); err != nil {
		return "", err
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			if _, ok := replace[p]; !ok {
				replace[p] = "" // stale: the swap removes it
			}
		}
		return err
	})
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	path := filepath.Join(staged, "overlay.json")
	return path, os.WriteFile(path, data, 0o644)
}

// goList compiles the packages matching pattern and reports each with its
// errors as JSON.
func goList(root, overlay, pattern string) (stdout, stderr []byte, err error) {
	cmd := exec.CommandContext(context.Background(), "go", "list", "-e", "-export", "-overlay="+overlay,
		"-json=ImportPath,Error,DepsErrors", pattern)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.Bytes(), errOut.Bytes(), err
}

// compileFailure is one error the go command reported.
type compileFailure struct {
	file      string // as the go command named it; "" when it named none
	line, col int
	msg       string
}

// goErrorLine is a compiler error, "path/file.go:12:3: message".
var goErrorLine = regexp.MustCompile(`^(.+\.go):(\d+)(?::(\d+))?: (.*)$`)

// compileFailures reads go list's JSON stream into single errors, those of
// a package that others import counted once.
func compileFailures(out []byte) ([]compileFailure, error) {
	type listError struct{ Pos, Err string }
	var failures []compileFailure
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var pkg struct {
			Error      *listError
			DepsErrors []*listError
		}
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for _, e := range append([]*listError{pkg.Error}, pkg.DepsErrors...) {
			if e != nil {
				failures = append(failures, parseListError(e.Pos, e.Err)...)
			}
		}
	}
	slices.SortFunc(failures, func(a, b compileFailure) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		if a.line != b.line {
			return a.line - b.line
		}
		return strings.Compare(a.msg, b.msg)
	})
	return slices.Compact(failures), nil
}

// parseListError splits one package's error text into compiler errors; an
// error without a file position (a missing module) is kept whole, at pos.
func parseListError(pos, text string) []compileFailure {
	var out []compileFailure
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		switch m := goErrorLine.FindStringSubmatch(l); {
		case m != nil:
			out = append(out, compileFailure{file: m[1], line: atoi(m[2]), col: atoi(m[3]), msg: m[4]})
		case strings.HasPrefix(l, "\t") && len(out) > 0:
			out[len(out)-1].msg += "\n  " + l // "have X, want Y"
		case strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "":
		default:
			f := compileFailure{msg: l}
			if m := goErrorLine.FindStringSubmatch(pos + ": " + l); m != nil {
				f.file, f.line, f.col = m[1], atoi(m[2]), atoi(m[3])
			}
			out = append(out, f)
		}
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
