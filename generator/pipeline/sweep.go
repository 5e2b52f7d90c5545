package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// SweepModule is the module path of the folder the sweep generates into.
// It differs from this repository's, so a swept service never collides
// with one under generated/.
const SweepModule = "kubesmith.sweep"

// SweepOptions choose what the sweep generates and compiles.
type SweepOptions struct {
	Root      string // repository root: staging and the module's replace directive
	ModelsDir string
	// AWSJSONModelsDir adds the services only the AWS JSON models have
	// (ec2), when set.
	AWSJSONModelsDir string
	// Services are the models to sweep, by SDK ID; every model when empty.
	Services []string
	// Dir is the folder the sweep module is written to; it must be empty
	// or missing.
	Dir string
	// Fetch lets the sweep download the aws-sdk-go-v2 service modules that
	// this repository's go.mod lacks. Without it, such services fail.
	Fetch bool
	// Log receives one progress line per service.
	Log io.Writer
}

// SweepResult is what became of one service.
type SweepResult struct {
	Service string
	Kinds   []string
	// SDKModule is the aws-sdk-go-v2 module the generated code imports.
	SDKModule string
	// Stage is where the service failed, "" when it compiled.
	Stage string
	Err   string
}

// SweepReport sums a sweep up.
type SweepReport struct {
	Results []SweepResult
	// Skipped are services with no resource that inference resolves.
	Skipped  []string
	Generate time.Duration
	Compile  time.Duration
}

// Attempted counts the services the sweep generated or tried to, leaving
// out those whose SDK module could not be had.
func (r *SweepReport) Attempted() int { return len(r.Results) - r.Unavailable() }

// Unavailable counts the services whose SDK module could not be fetched.
func (r *SweepReport) Unavailable() int {
	n := 0
	for _, res := range r.Results {
		if res.Stage == "fetch" {
			n++
		}
	}
	return n
}

// Compiled counts the services whose generated code compiled.
func (r *SweepReport) Compiled() int {
	n := 0
	for _, res := range r.Results {
		if res.Stage == "" {
			n++
		}
	}
	return n
}

// Sweep generates every selected service, with every resource inference
// resolves on its own, into one module, compiles that module in one go
// build and checks every CRD as the API server would.
func Sweep(ctx context.Context, o SweepOptions) (*SweepReport, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	models, err := sweepModels(o)
	if err != nil {
		return nil, err
	}
	if len(o.Services) > 0 {
		models = slices.DeleteFunc(models, func(m sweepEntry) bool { return !slices.Contains(o.Services, m.SDKID) })
		if len(models) != len(o.Services) {
			return nil, fmt.Errorf("sweep: some of %v have no model under %s", o.Services, o.ModelsDir)
		}
	}
	rep := &SweepReport{}
	start := time.Now()
	var sdkModules []string
	for _, mf := range models {
		res, ok := sweepService(o, mf)
		if !ok {
			rep.Skipped = append(rep.Skipped, mf.SDKID)
			continue
		}
		if res.Stage != "" {
			fmt.Fprintf(o.Log, "sweep %-36s FAILED to %s: %s\n", mf.SDKID, res.Stage, firstLine(res.Err))
		}
		rep.Results = append(rep.Results, res)
		if res.Stage == "" {
			sdkModules = append(sdkModules, res.SDKModule)
		}
	}
	rep.Generate = time.Since(start)

	start = time.Now()
	if err := writeSweepModule(o, sdkModules, rep); err != nil {
		return rep, err
	}
	out, buildErr := goCommand(ctx, o.Dir, "build", "./...")
	rep.Compile = time.Since(start)
	failed := buildFailures(out)
	if buildErr != nil && len(failed) == 0 {
		return rep, fmt.Errorf("go build in %s: %v\n%s", o.Dir, buildErr, out)
	}
	for i := range rep.Results {
		res := &rep.Results[i]
		if msg, ok := failed[res.Service]; ok && res.Stage == "" {
			res.Stage, res.Err = "compile", msg
		}
		status := "ok"
		if res.Stage != "" {
			status = "FAILED at " + res.Stage + ": " + firstLine(res.Err)
		}
		fmt.Fprintf(o.Log, "sweep %-36s %2d kinds  %s\n", res.Service, len(res.Kinds), status)
	}
	return rep, nil
}

// sweepEntry is a model to sweep, with the reader of its format.
type sweepEntry struct {
	smithy.ModelFile
	load func(path string) (*smithy.Model, error)
}

// sweepModels lists the Smithy models, then the AWS JSON models of the
// services the Smithy models lack, sorted by SDK ID.
func sweepModels(o SweepOptions) ([]sweepEntry, error) {
	models, err := smithy.FindModels(o.ModelsDir)
	if err != nil {
		return nil, err
	}
	var out []sweepEntry
	for _, mf := range models {
		out = append(out, sweepEntry{mf, smithy.Load})
	}
	if o.AWSJSONModelsDir == "" {
		return out, nil
	}
	jsonModels, err := awsjson.FindModels(o.AWSJSONModelsDir)
	if err != nil {
		return nil, err
	}
	for _, mf := range jsonModels {
		if !slices.ContainsFunc(models, func(m smithy.ModelFile) bool { return m.SDKID == mf.SDKID }) {
			out = append(out, sweepEntry{mf, awsjson.Load})
		}
	}
	slices.SortFunc(out, func(a, b sweepEntry) int { return strings.Compare(a.SDKID, b.SDKID) })
	return out, nil
}

// sweepService generates one service into the sweep module. It returns
// false when inference finds no resource to generate.
func sweepService(o SweepOptions, e sweepEntry) (res SweepResult, ok bool) {
	mf := e.ModelFile
	res = SweepResult{Service: mf.SDKID}
	defer func() {
		// One service's panic is that service's failure, not the sweep's.
		if p := recover(); p != nil {
			res.Stage, res.Err, ok = "generate", fmt.Sprintf("panic: %v", p), true
		}
	}()
	m, err := e.load(mf.Path)
	if err != nil {
		res.Stage, res.Err = "load", err.Error()
		return res, true
	}
	svc, err := sweepModel(mf.SDKID, m)
	if err != nil {
		res.Stage, res.Err = "infer", err.Error()
		return res, true
	}
	if svc == nil || len(svc.Resources) == 0 {
		return res, false
	}
	for _, r := range svc.Resources {
		res.Kinds = append(res.Kinds, r.Kind)
	}
	s := &State{
		Service:   mf.SDKID,
		Root:      o.Root,
		ModelsDir: o.ModelsDir,
		OutDir:    filepath.Join(o.Dir, mf.SDKID),
		GoPackage: SweepModule + "/" + mf.SDKID,
		ModelFile: mf,
		Smithy:    m,
		Model:     svc,
		// One go build compiles every swept service after this.
		SkipGoCheck: "the sweep compiles the whole module at once",
	}
	if _, err := Run(s); err != nil {
		res.Stage, res.Err = "generate", err.Error()
		return res, true
	}
	res.SDKModule = sdkRootModule + svc.SDKPackage
	return res, true
}

const sdkRootModule = "github.com/aws/aws-sdk-go-v2/service/"

// writeSweepModule writes go.mod and go.sum: this repository's
// requirements (and its go.sum), this repository itself by a replace
// directive, and the SDK modules of the swept services.
func writeSweepModule(o SweepOptions, sdkModules []string, rep *SweepReport) error {
	data, err := os.ReadFile(filepath.Join(o.Root, "go.mod"))
	if err != nil {
		return err
	}
	main, err := modfile.Parse("go.mod", data, nil)
	if err != nil {
		return err
	}
	mod := &modfile.File{}
	for _, step := range []error{
		mod.AddModuleStmt(SweepModule),
		mod.AddGoStmt(main.Go.Version),
		mod.AddRequire(main.Module.Mod.Path, "v0.0.0"),
		mod.AddReplace(main.Module.Mod.Path, "", o.Root, ""),
	} {
		if step != nil {
			return step
		}
	}
	have := map[string]bool{}
	for _, r := range main.Require {
		have[r.Mod.Path] = true
		if err := mod.AddRequire(r.Mod.Path, r.Mod.Version); err != nil {
			return err
		}
	}
	var missing []string
	for _, m := range slices.Compact(slices.Sorted(slices.Values(sdkModules))) {
		if !have[m] {
			missing = append(missing, m)
		}
	}
	mod.Cleanup()
	out, err := mod.Format()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.Dir, "go.mod"), out, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(o.Root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.Dir, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	if len(missing) == 0 {
		return nil
	}
	if !o.Fetch {
		failModules(rep, missing, "its SDK module is not in go.mod; add it with go get, or sweep with fetching on")
		return nil
	}
	return fetchModules(o, main, missing, rep)
}

// fetchModules adds each module at the newest version whose own
// requirements this repository's versions of the SDK core satisfy: a newer
// one would raise the core to a version the module proxy may not serve,
// and would not be what a user of this repository builds against.
func fetchModules(o SweepOptions, main *modfile.File, modules []string, rep *SweepReport) error {
	ctx := context.Background()
	core := map[string]string{}
	for _, r := range main.Require {
		if strings.HasPrefix(r.Mod.Path, "github.com/aws/") {
			core[r.Mod.Path] = r.Mod.Version
		}
	}
	var args []string
	for _, m := range modules {
		v, why := compatibleVersion(ctx, o.Dir, m, core)
		if v == "" {
			failModules(rep, []string{m}, why)
			continue
		}
		args = append(args, m+"@"+v)
	}
	if len(args) == 0 {
		return nil
	}
	if out, err := goCommand(ctx, o.Dir, append([]string{"get"}, args...)...); err != nil {
		return fmt.Errorf("go get: %v\n%s", err, out)
	}
	return nil
}

// compatibleVersion walks a module's versions down from the newest, a few
// at most, to the first that needs no newer SDK core than core holds.
func compatibleVersion(ctx context.Context, dir, module string, core map[string]string) (string, string) {
	out, err := goCommand(ctx, dir, "list", "-m", "-versions", module)
	fields := strings.Fields(out)
	if err != nil || len(fields) < 2 {
		return "", "the module proxy does not serve " + module
	}
	versions := fields[1:]
	for i := len(versions) - 1; i >= 0 && i >= len(versions)-8; i-- {
		v := versions[i]
		out, err := goCommand(ctx, dir, "mod", "download", "-json", module+"@"+v)
		if err != nil {
			continue
		}
		var info struct{ GoMod string }
		if json.Unmarshal([]byte(out), &info) != nil {
			continue
		}
		data, err := os.ReadFile(info.GoMod)
		if err != nil {
			continue
		}
		f, err := modfile.ParseLax(info.GoMod, data, nil)
		if err != nil {
			continue
		}
		ok := true
		for _, r := range f.Require {
			if have, known := core[r.Mod.Path]; known && semver.Compare(r.Mod.Version, have) > 0 {
				ok = false
			}
		}
		if ok {
			return v, ""
		}
	}
	return "", "every recent version of " + module + " needs a newer SDK core than go.mod holds"
}

func failModules(rep *SweepReport, modules []string, why string) {
	for i := range rep.Results {
		res := &rep.Results[i]
		if res.Stage != "" {
			continue
		}
		if slices.Contains(modules, res.SDKModule) {
			res.Stage, res.Err = "fetch", why
		}
	}
}

func goCommand(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// buildErrorLine is one compiler error, e.g. "route-53/resources/x/manager.go:3:4: msg".
var buildErrorLine = regexp.MustCompile(`^(?:\./)?([^/\s]+)/\S+\.go:\d+:\d+: `)

// buildFailures maps each service with a compile error to its first one.
func buildFailures(out string) map[string]string {
	failed := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if m := buildErrorLine.FindStringSubmatch(line); m != nil {
			if _, seen := failed[m[1]]; !seen {
				failed[m[1]] = line
			}
		}
	}
	return failed
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
