package compat

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// minShare is the share of the incumbent's spec paths a kind must match,
// by "<service> <Kind>"; it replaces the kind's service floor, and an
// entry below that floor says why.
var minShare = map[string]float64{
	"s3 Bucket": 0.98,
	// The incumbent's Cluster has controlPlaneScalingConfig, deletionProtection
	// and the kube*Config structures (19 paths), which the EKS model at hand
	// (Smithy and botocore alike) does not have yet.
	"eks Cluster": 0.80,
}

// serviceFloor is the share every kind of a service must match, so that a
// kind added later cannot fall below it unnoticed; minShare may raise it.
var serviceFloor = map[string]float64{
	"cloudwatchlogs": 0.95,
	"dynamodb":       0.95,
	"ec2":            0.95,
	"ecr":            0.95,
	"eks":            0.95,
	"iam":            0.95,
	"kms":            0.95,
	"lambda":         0.95,
	"rds":            0.95,
	"s3":             0.95,
	"secretsmanager": 0.95,
	"sns":            0.95,
	"sqs":            0.95,
}

// TestIncumbentSpecPaths compares every generated CRD that the incumbent
// has too, path by path with types, prints the match per kind, per service
// and overall, and fails a kind below its minShare or its service's floor.
func TestIncumbentSpecPaths(t *testing.T) {
	root := harness.RepoRoot(t)
	ref := filepath.Join(root, "..", "shared", "reference", "ack-crds")
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("no incumbent reference data at ../shared/reference/ack-crds beside the checkout: %v", err)
	}
	ours, err := filepath.Glob(filepath.Join(root, "generated", "*", "config", "crd", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	measured := map[string]bool{}
	var total tally
	perService := map[string]*tally{}
	for _, file := range ours {
		service := filepath.Base(filepath.Dir(filepath.Dir(filepath.Dir(file))))
		incumbentFile := filepath.Join(ref, service, filepath.Base(file))
		if _, err := os.Stat(incumbentFile); err != nil {
			continue // a kind the incumbent does not have
		}
		key, matched, all := compare(t, service, incumbentFile, file)
		measured[key] = true
		total.add(matched, all)
		if perService[service] == nil {
			perService[service] = &tally{}
		}
		perService[service].add(matched, all)
		share := float64(matched) / float64(all)
		min, ok := minShare[key]
		if !ok {
			min, ok = serviceFloor[service]
		}
		if ok && share < min {
			t.Errorf("compat %s: %.1f%% of the incumbent's spec paths, want at least %.0f%%", key, 100*share, 100*min)
		}
	}
	for _, service := range slices.Sorted(maps.Keys(perService)) {
		t.Logf("compat %s: %s", service, perService[service])
	}
	t.Logf("compat overall: %s", total)
	for key := range minShare {
		if !measured[key] {
			t.Errorf("compat %s: no generated CRD to measure", key)
		}
	}
	for service := range serviceFloor {
		if perService[service] == nil {
			t.Errorf("compat %s: no generated CRD the incumbent has too", service)
		}
	}
}

// tally sums matched and total spec paths over kinds.
type tally struct{ matched, all, kinds int }

func (c *tally) add(matched, all int) { c.matched += matched; c.all += all; c.kinds++ }

func (c tally) String() string {
	return fmt.Sprintf("%d/%d spec paths (%.1f%%) over %d kinds", c.matched, c.all, 100*float64(c.matched)/float64(c.all), c.kinds)
}

// compare prints the match of one kind and what it lacks.
func compare(t *testing.T, service, incumbentFile, oursFile string) (key string, matched, all int) {
	t.Helper()
	incumbent, err := ReadCRD(incumbentFile)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := ReadCRD(oursFile)
	if err != nil {
		t.Fatal(err)
	}
	found, missing := Match(incumbent, ours)
	key = service + " " + incumbent.Kind
	t.Logf("compat %s: %d/%d spec paths", key, len(found), len(incumbent.Paths))
	for _, m := range missing {
		t.Logf("  missing %s", m)
	}
	return key, len(found), len(incumbent.Paths)
}

func TestReadCRD(t *testing.T) {
	cases := []struct {
		reason string
		schema string
		want   []string
	}{
		{
			reason: "nested objects list every intermediate path with its type",
			schema: `{name: {type: string}, website: {type: object, properties: {indexDocument: {type: object, properties: {suffix: {type: string}}}}}}`,
			want:   []string{"spec.name: string", "spec.website: object", "spec.website.indexDocument: object", "spec.website.indexDocument.suffix: string"},
		},
		{
			reason: "array elements are [] and map values {}",
			schema: `{rules: {type: array, items: {type: object, properties: {id: {type: string}}}}, labels: {type: object, additionalProperties: {type: string}}}`,
			want:   []string{"spec.labels: object", "spec.labels{}: string", "spec.rules: array", "spec.rules[].id: string", "spec.rules[]: object"},
		},
	}
	for _, c := range cases {
		file := filepath.Join(t.TempDir(), "crd.yaml")
		crd := "spec:\n  names: {kind: K}\n  versions:\n  - schema:\n      openAPIV3Schema:\n        properties:\n          spec:\n            properties: " + c.schema + "\n"
		if err := os.WriteFile(file, []byte(crd), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := ReadCRD(file)
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		slices.Sort(c.want)
		if !slices.Equal(got.Paths, c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.reason, strings.Join(got.Paths, ", "), strings.Join(c.want, ", "))
		}
	}
}

func TestMatch(t *testing.T) {
	cases := []struct {
		reason                string
		incumbent, ours       []string
		wantMatched, wantMiss []string
	}{
		{
			reason:      "a path of another type is missing, not matched",
			incumbent:   []string{"spec.a: string", "spec.b: integer"},
			ours:        []string{"spec.a: string", "spec.b: string"},
			wantMatched: []string{"spec.a: string"},
			wantMiss:    []string{"spec.b: integer"},
		},
		{
			reason:      "extra paths of ours do not count",
			incumbent:   []string{"spec.a: string"},
			ours:        []string{"spec.a: string", "spec.z: string"},
			wantMatched: []string{"spec.a: string"},
		},
	}
	for _, c := range cases {
		matched, missing := Match(CRD{Paths: c.incumbent}, CRD{Paths: c.ours})
		if !slices.Equal(matched, c.wantMatched) || !slices.Equal(missing, c.wantMiss) {
			t.Errorf("%s: matched %v missing %v, want %v and %v", c.reason, matched, missing, c.wantMatched, c.wantMiss)
		}
	}
}
