package pipeline

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

var (
	sweepAll  = flag.Bool("sweep.all", false, "sweep every model in AWS_MODELS_DIR, and those only AWS_JSON_MODELS_DIR has, fetching SDK modules, and report (make sweep)")
	sweepOnly = flag.String("sweep.only", "", "with -sweep.all, sweep only these comma-separated SDK IDs")
)

// TestSweep generates services with no generator.yaml, every resource
// inference resolves, and compiles them in one go build. By default it
// sweeps the fixed sample and fails on any service that does not compile;
// with -sweep.all it sweeps every model and fails below 90%.
func TestSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("the sweep compiles SDK packages")
	}
	root := repoRoot(t)
	jsonDir, _ := awsjson.ModelsDir(root)
	opts := SweepOptions{
		Root:             root,
		ModelsDir:        modelsDir(t, root),
		AWSJSONModelsDir: jsonDir,
		Services:         sweepSample,
		Log:              testLog{t},
	}
	if *sweepAll {
		opts.Services, opts.Fetch = nil, true
		if *sweepOnly != "" {
			opts.Services = strings.Split(*sweepOnly, ",")
		}
	}
	// Inside the module, so that the staging folders controller-tools reads
	// resolve; the leading underscore keeps it out of ./... patterns.
	dir, err := os.MkdirTemp(filepath.Join(root, "generated"), "_sweep-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	opts.Dir = dir
	start := time.Now()
	rep, err := Sweep(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("compile sweep: %d of %d services compiled (%.1f%%); %d more had no SDK module to be had, %d no resource to generate; generate %s, compile %s, total %s",
		rep.Compiled(), rep.Attempted(), 100*float64(rep.Compiled())/float64(max(rep.Attempted(), 1)), rep.Unavailable(), len(rep.Skipped),
		rep.Generate.Round(time.Second), rep.Compile.Round(time.Second), time.Since(start).Round(time.Second))
	if *sweepAll {
		if rep.Compiled()*10 < rep.Attempted()*9 {
			t.Errorf("fewer than 90%% of the swept services compiled")
		}
		return
	}
	if rep.Attempted() != len(sweepSample) {
		t.Errorf("swept %d services, want the %d of the sample; skipped: %v", rep.Attempted(), len(sweepSample), rep.Skipped)
	}
	for _, res := range rep.Results {
		if res.Stage != "" {
			t.Errorf("%s failed at %s: %s", res.Service, res.Stage, res.Err)
		}
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// modelsDir finds the AWS models as kubesmith generate does, or skips.
func modelsDir(t *testing.T, root string) string {
	t.Helper()
	d, ok := smithy.ModelsDir(root)
	if !ok {
		t.Skip("no Smithy models: set AWS_MODELS_DIR")
	}
	return d
}
