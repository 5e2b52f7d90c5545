package infer

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// awsModelsDir finds the AWS models as smithy.ModelsDir does, or skips.
func awsModelsDir(tb testing.TB) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	dir, ok := smithy.ModelsDir(wd)
	if !ok {
		tb.Skip("AWS models not found: set AWS_MODELS_DIR")
	}
	return dir
}

// sweepCount is what inferring one model found.
type sweepCount struct {
	resources, fields, problems int
}

// sweepModel is a model to sweep, with the reader of its format.
type sweepModel struct {
	smithy.ModelFile
	load func(string) (*smithy.Model, error)
}

// sweepModels lists the Smithy models, and the AWS JSON models of the
// services the Smithy models lack (ec2) where there are AWS JSON models.
func sweepModels(tb testing.TB) []sweepModel {
	tb.Helper()
	files, err := smithy.FindModels(awsModelsDir(tb))
	if err != nil {
		tb.Fatal(err)
	}
	var out []sweepModel
	have := map[string]bool{}
	for _, mf := range files {
		out = append(out, sweepModel{mf, smithy.Load})
		have[mf.SDKID] = true
	}
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	dir, ok := awsjson.ModelsDir(wd)
	if !ok {
		return out
	}
	jsonFiles, err := awsjson.FindModels(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, mf := range jsonFiles {
		if !have[mf.SDKID] {
			out = append(out, sweepModel{mf, awsjson.Load})
		}
	}
	return out
}

// sweepOne loads and infers one model with no generator.yaml, every
// resource resolved; a panic is turned into an error naming the model.
func sweepOne(mf sweepModel) (n sweepCount, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	m, err := mf.load(mf.Path)
	if err != nil {
		return n, err
	}
	res, err := Run(mf.SDKID, m, config.Empty(mf.SDKID+"/generator.yaml"), Options{All: true})
	if err != nil {
		return n, err
	}
	for _, r := range res.Service.Resources {
		n.resources++
		n.fields += len(r.Spec) + len(r.Status)
		if len(r.Problems) > 0 {
			n.problems++
		}
	}
	return n, nil
}

// sweep infers every model on all CPUs.
func sweep(files []sweepModel) ([]sweepCount, []error) {
	counts, errs := make([]sweepCount, len(files)), make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				counts[i], errs[i] = sweepOne(files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return counts, errs
}

// TestSweep infers every model in AWS_MODELS_DIR, and those only the AWS
// JSON models have, with no config: none may fail or panic.
func TestSweep(t *testing.T) {
	files := sweepModels(t)
	counts, errs := sweep(files)
	var total sweepCount
	for i, c := range counts {
		if errs[i] != nil {
			t.Errorf("%s: %v", files[i].SDKID, errs[i])
		}
		total.resources += c.resources
		total.fields += c.fields
		total.problems += c.problems
	}
	t.Logf("sweep: %d services, %d resources, %d fields", len(files), total.resources, total.fields)
	t.Logf("%d resources have problems that generator.yaml would need to solve", total.problems)
}

// BenchmarkInferAll loads and infers every model, one after another.
func BenchmarkInferAll(b *testing.B) {
	files := sweepModels(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := sweepOne(f); err != nil {
				b.Fatalf("%s: %v", f.SDKID, err)
			}
		}
	}
}
