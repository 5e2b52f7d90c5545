package smithy

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ModelFile is a model in the aws-models layout:
// <dir>/<sdk-id>/service/<version>/<sdk-id>-<version>.json.
type ModelFile struct {
	SDKID, Version, Path string
}

// FindModels lists the models under dir, one per service (its highest
// version), sorted by SDK ID.
func FindModels(dir string) ([]ModelFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var models []ModelFile
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		mf, ok, err := latestModel(dir, e.Name())
		if err != nil {
			return nil, err
		}
		if ok {
			models = append(models, mf)
		}
	}
	if len(models) == 0 {
		return nil, fmt.Errorf("no models under %s (want <sdk-id>/service/<version>/<sdk-id>-<version>.json)", dir)
	}
	slices.SortFunc(models, func(a, b ModelFile) int { return cmp.Compare(a.SDKID, b.SDKID) })
	return models, nil
}

// latestModel finds the highest version of the service sdkID that has a model file.
func latestModel(dir, sdkID string) (ModelFile, bool, error) {
	versions, err := os.ReadDir(filepath.Join(dir, sdkID, "service"))
	if errors.Is(err, fs.ErrNotExist) {
		return ModelFile{}, false, nil
	}
	if err != nil {
		return ModelFile{}, false, err
	}
	var best ModelFile
	for _, v := range versions {
		if !v.IsDir() || best.Path != "" && compareVersions(v.Name(), best.Version) <= 0 {
			continue
		}
		path := filepath.Join(dir, sdkID, "service", v.Name(), sdkID+"-"+v.Name()+".json")
		if _, err := os.Stat(path); err == nil {
			best = ModelFile{SDKID: sdkID, Version: v.Name(), Path: path}
		}
	}
	return best, best.Path != "", nil
}

// compareVersions orders version strings with digit runs compared as numbers,
// so "2.10" sorts after "2.9" and dates sort as dates.
func compareVersions(a, b string) int {
	for a != "" && b != "" {
		ra, rb := leadingRun(a), leadingRun(b)
		c := 0
		if isDigit(ra[0]) && isDigit(rb[0]) {
			na, nb := strings.TrimLeft(ra, "0"), strings.TrimLeft(rb, "0")
			c = cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb))
		} else {
			c = strings.Compare(ra, rb)
		}
		if c != 0 {
			return c
		}
		a, b = a[len(ra):], b[len(rb):]
	}
	return cmp.Compare(len(a), len(b))
}

// leadingRun returns the leading run of digits, or of non-digits, of a non-empty s.
func leadingRun(s string) string {
	digit := isDigit(s[0])
	i := 1
	for i < len(s) && isDigit(s[i]) == digit {
		i++
	}
	return s[:i]
}

// FindModel finds the model of one service. sdkID is matched as the folder
// names are made: lower case, spaces as hyphens ("Application Auto Scaling"
// finds "application-auto-scaling"). Failing that, the one folder whose name
// without hyphens is sdkID's is taken: the SDK package's name, which is
// also the incumbent's service name ("cloudwatchlogs" finds
// "cloudwatch-logs"). The error for an unknown service suggests close names.
func FindModel(dir, sdkID string) (ModelFile, error) {
	models, err := FindModels(dir)
	if err != nil {
		return ModelFile{}, err
	}
	want := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(sdkID)), " ", "-")
	for _, mf := range models {
		if mf.SDKID == want {
			return mf, nil
		}
	}
	if mf, ok := packageMatch(want, models); ok {
		return mf, nil
	}
	if similar := closeMatches(want, models); len(similar) > 0 {
		return ModelFile{}, fmt.Errorf("no model for service %q under %s; did you mean %s?", sdkID, dir, strings.Join(similar, ", "))
	}
	return ModelFile{}, fmt.Errorf("no model for service %q under %s (%d services)", sdkID, dir, len(models))
}

// packageMatch finds the one model whose SDK ID without hyphens is want.
func packageMatch(want string, models []ModelFile) (ModelFile, bool) {
	var found []ModelFile
	for _, mf := range models {
		if strings.ReplaceAll(mf.SDKID, "-", "") == want {
			found = append(found, mf)
		}
	}
	if len(found) != 1 {
		return ModelFile{}, false
	}
	return found[0], true
}

// closeMatches returns up to five SDK IDs near want: within a small edit
// distance, or containing it (or contained in it), ignoring hyphens.
func closeMatches(want string, models []ModelFile) []string {
	type match struct {
		id   string
		dist int
	}
	bare := strings.ReplaceAll(want, "-", "")
	var matches []match
	for _, mf := range models {
		id := strings.ReplaceAll(mf.SDKID, "-", "")
		dist := editDistance(bare, id)
		near := dist <= max(2, len(bare)/4)
		if near || bare != "" && (strings.Contains(id, bare) || len(id) >= 3 && strings.Contains(bare, id)) {
			matches = append(matches, match{mf.SDKID, dist})
		}
	}
	slices.SortFunc(matches, func(a, b match) int { return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.id, b.id)) })
	var ids []string
	for _, m := range matches[:min(len(matches), 5)] {
		ids = append(ids, m.id)
	}
	return ids
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ModelsDir locates the Smithy models: $AWS_MODELS_DIR, else a
// shared/aws-models folder in start or one of its parents, which is where
// this project's checkouts keep them. ok is false when there are none.
func ModelsDir(start string) (dir string, ok bool) {
	if dir := os.Getenv("AWS_MODELS_DIR"); dir != "" {
		return dir, true
	}
	start, err := filepath.Abs(start) // a relative path cannot climb past its own ..
	if err != nil {
		return "", false
	}
	for d := start; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "shared", "aws-models")
		if info, err := os.Stat(candidate); err == nil && info.IsDir() {
			return candidate, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}
