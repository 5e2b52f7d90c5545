package infer

import (
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// inferReal infers a service of the real models with the config text.
func inferReal(t *testing.T, sdkID, yaml string, opts Options) (*Result, error) {
	t.Helper()
	files, err := smithy.FindModels(awsModelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f smithy.ModelFile) bool { return f.SDKID == sdkID })
	if i < 0 {
		t.Skipf("no %s model", sdkID)
	}
	m, err := smithy.Load(files[i].Path)
	if err != nil {
		t.Fatal(err)
	}
	return Run(sdkID, m, parseConfig(t, yaml), opts)
}

func TestMissingOperationNamesCandidates(t *testing.T) {
	cases := []struct {
		reason  string
		service string
		yaml    string
		opts    Options
		want    []string // in this order, in the error
	}{
		{
			reason:  "S3 has no DescribeBucket: HeadBucket takes only the bucket and is Head<R>, so it comes first, then GetBucket* reads of the bucket alone",
			service: "s3",
			yaml:    "resources:\n  Bucket: {}\n",
			want:    []string{"Bucket has no read operation", "HeadBucket, GetBucketAcl", "name it under operations:"},
		},
		{
			reason:  "include of an incomplete resource names the candidates too",
			service: "s3",
			yaml:    "include: [Bucket]\n",
			want:    []string{"Bucket has no read operation", "HeadBucket, GetBucketAcl"},
		},
		{
			reason:  "explain of one resource (Options.Only) names them",
			service: "s3",
			opts:    Options{Only: "Bucket"},
			want:    []string{"Bucket has no read operation", "HeadBucket, GetBucketAcl", "resources.Bucket.operations"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := inferReal(t, tc.service, tc.yaml, tc.opts)
			if err == nil {
				t.Fatalf("%s: no error", tc.reason)
			}
			msg, at := err.Error(), 0
			for _, w := range tc.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("%s: error lacks %q after offset %d:\n%s", tc.reason, w, at, msg)
				}
				at += i + len(w)
			}
		})
	}
}

func TestSuggestionsOnIncompleteCandidates(t *testing.T) {
	res, err := inferReal(t, "sns", "", Options{All: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Candidates {
		if c.Name != "SMSSandboxPhoneNumber" {
			continue
		}
		// The only read of sandbox numbers is their listing.
		if got := c.Suggestions["read"]; len(got) == 0 || got[0] != "ListSMSSandboxPhoneNumbers" {
			t.Errorf("read candidates of SMSSandboxPhoneNumber = %v, want ListSMSSandboxPhoneNumbers first", got)
		}
		return
	}
	t.Fatal("sns has no SMSSandboxPhoneNumber candidate")
}
