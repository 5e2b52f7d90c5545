package smithy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// modelTree writes empty model files in the aws-models layout under a temp dir.
func modelTree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFindModels(t *testing.T) {
	dir := modelTree(t,
		"sqs/service/2012-11-05/sqs-2012-11-05.json",
		"dynamodb/service/2011-12-05/dynamodb-2011-12-05.json",
		"dynamodb/service/2012-08-10/dynamodb-2012-08-10.json",
		"numbered/service/2.9/numbered-2.9.json",
		"numbered/service/2.10/numbered-2.10.json",
		"empty/service/2020-01-01/other.json",
		"README.md",
	)
	got, err := FindModels(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []ModelFile{
		{"dynamodb", "2012-08-10", filepath.Join(dir, "dynamodb/service/2012-08-10/dynamodb-2012-08-10.json")},
		{"numbered", "2.10", filepath.Join(dir, "numbered/service/2.10/numbered-2.10.json")},
		{"sqs", "2012-11-05", filepath.Join(dir, "sqs/service/2012-11-05/sqs-2012-11-05.json")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindModels:\n got %v\nwant %v", got, want)
	}
	if _, err := FindModels(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no models under") {
		t.Errorf("FindModels of an empty dir: error %v", err)
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		reason string
		a, b   string
		want   int
	}{
		{"dates", "2012-08-10", "2011-12-05", 1},
		{"numbers compare by value", "2.10", "2.9", 1},
		{"leading zeros", "v010", "v9", 1},
		{"equal", "2.0", "2.0", 0},
		{"prefix is lower", "2.0", "2.0.1", -1},
		{"letters", "beta", "alpha", 1},
	}
	for _, tt := range tests {
		if got := compareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: compareVersions(%q, %q) = %d, want %d", tt.reason, tt.a, tt.b, got, tt.want)
		}
	}
}

func TestFindModel(t *testing.T) {
	dir := modelTree(t,
		"dynamodb/service/2012-08-10/dynamodb-2012-08-10.json",
		"dynamodb-streams/service/2012-08-10/dynamodb-streams-2012-08-10.json",
		"application-auto-scaling/service/2016-02-06/application-auto-scaling-2016-02-06.json",
		"lambda/service/2015-03-31/lambda-2015-03-31.json",
		"cloudwatch-logs/service/2014-03-28/cloudwatch-logs-2014-03-28.json",
	)
	tests := []struct {
		reason  string
		sdkID   string
		want    string // SDK ID found
		wantErr string
	}{
		{"exact folder name", "dynamodb", "dynamodb", ""},
		{"sdkId as the model spells it", "Application Auto Scaling", "application-auto-scaling", ""},
		{"the SDK package's name, hyphens dropped (the incumbent's service name)", "cloudwatchlogs", "cloudwatch-logs", ""},
		{"prefix suggests both services", "dynamo", "",
			`no model for service "dynamo" under ` + dir + `; did you mean dynamodb, dynamodb-streams?`},
		{"typo suggests the nearest", "lamda", "",
			`no model for service "lamda" under ` + dir + `; did you mean lambda?`},
		{"nothing close", "zzzzzzzz", "",
			`no model for service "zzzzzzzz" under ` + dir + ` (5 services)`},
	}
	for _, tt := range tests {
		mf, err := FindModel(dir, tt.sdkID)
		switch {
		case tt.wantErr != "":
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: error %v, want %s", tt.reason, err, tt.wantErr)
			}
		case err != nil || mf.SDKID != tt.want:
			t.Errorf("%s: got %v, %v; want %s", tt.reason, mf, err, tt.want)
		}
	}
}
