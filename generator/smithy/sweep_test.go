package smithy

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// awsModelsDir finds the AWS models as smithy.ModelsDir does, or skips.
func awsModelsDir(tb testing.TB) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	dir, ok := ModelsDir(wd)
	if !ok {
		tb.Skip("AWS models not found: set AWS_MODELS_DIR")
	}
	return dir
}

// TestSweep loads every AWS model and checks what consumers rely on.
func TestSweep(t *testing.T) {
	files, err := FindModels(awsModelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		shapes int
		err    error
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i].shapes, results[i].err = sweepOne(files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	shapes := 0
	for i, r := range results {
		if r.err != nil {
			t.Errorf("%s: %v", files[i].SDKID, r.err)
		}
		shapes += r.shapes
	}
	t.Logf("smithy sweep: %d models, %d shapes", len(files), shapes)
}

// sweepOne loads one model and checks its service; it returns the number
// of shapes the file defines (the prelude is not counted).
func sweepOne(mf ModelFile) (int, error) {
	m, err := Load(mf.Path)
	if err != nil {
		return 0, err
	}
	svc, err := m.Service()
	if err != nil {
		return 0, err
	}
	checks := []struct {
		reason string
		ok     bool
	}{
		{"the service carries aws.api#service", svc.Traits.Service != nil},
		{"the folder is the sdkId, lower case with hyphens", svc.Traits.Service != nil &&
			strings.ReplaceAll(strings.ToLower(svc.Traits.Service.SDKID), " ", "-") == mf.SDKID},
		{"the version folder is the service version", svc.Version == mf.Version},
		{"the service names a protocol", len(svc.Traits.Protocols) > 0},
	}
	for _, c := range checks {
		if !c.ok {
			return 0, &Error{File: mf.Path, Offset: -1, Shape: svc.ID, Msg: "sweep check failed: " + c.reason}
		}
	}
	return len(m.Shapes) - len(preludeShapes()), nil
}

func BenchmarkLoadAll(b *testing.B) {
	files, err := FindModels(awsModelsDir(b))
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, f := range files {
		info, err := os.Stat(f.Path)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := Load(f.Path); err != nil {
				b.Fatal(err)
			}
		}
	}
}
