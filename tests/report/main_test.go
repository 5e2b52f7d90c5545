package main

import (
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	cases := []struct {
		name, reason string
		in           string
		wantFailed   bool
		want, absent []string
	}{
		{
			name:   "figures",
			reason: "a passing test shows only its figure lines",
			in: `{"Action":"output","Package":"p","Test":"T","Output":"    x_test.go:3: sweep: 4 services\n"}
{"Action":"output","Package":"p","Test":"T","Output":"    x_test.go:4: some chatter\n"}
{"Action":"pass","Package":"p","Test":"T"}
{"Action":"pass","Package":"p","Elapsed":1.5}`,
			want:   []string{"sweep: 4 services", "ok  \tp\t1.5s", "1 passed, 0 failed, 0 skipped"},
			absent: []string{"chatter"},
		},
		{
			name:   "figure naming a kind",
			reason: "a figure's label may name a kind in capitals: compat s3 Bucket: 214/302",
			in: `{"Action":"output","Package":"p","Test":"T","Output":"    x_test.go:3: compat s3 Bucket: 214/302 spec paths\n"}
{"Action":"pass","Package":"p","Test":"T"}
{"Action":"pass","Package":"p","Elapsed":1.5}`,
			want: []string{"compat s3 Bucket: 214/302 spec paths"},
		},
		{
			name:   "failure",
			reason: "a failing test shows all its output and fails the run",
			in: `{"Action":"output","Package":"p","Test":"T","Output":"    x_test.go:4: some chatter\n"}
{"Action":"fail","Package":"p","Test":"T"}
{"Action":"fail","Package":"p","Elapsed":2}`,
			wantFailed: true,
			want:       []string{"some chatter", "FAIL\tp", "0 passed, 1 failed, 0 skipped"},
		},
		{
			name:   "failure summary",
			reason: "a failed test's own messages come again after the controller log that follows them, without figures",
			in: `{"Action":"output","Package":"p","Test":"T","Output":"    x_test.go:9: economy x: 1.0 calls\n"}
{"Action":"output","Package":"p","Test":"T","Output":"    x_test.go:4: namespace already exists\n"}
{"Action":"output","Package":"p","Test":"T","Output":"        {\"level\":\"info\",\"msg\":\"controller log\"}\n"}
{"Action":"fail","Package":"p","Test":"T"}
{"Action":"fail","Package":"p","Elapsed":2}`,
			wantFailed: true,
			want:       []string{"--- FAILED T (p):\n    x_test.go:4: namespace already exists\n0 passed"},
		},
		{
			name:       "build error",
			reason:     "compiler output reaches the reader",
			in:         `{"Action":"build-output","ImportPath":"p","Output":"x.go:1: undefined: y\n"}` + "\n" + `{"Action":"fail","Package":"p"}`,
			wantFailed: true,
			want:       []string{"undefined: y", "FAIL\tp"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			failed, err := report(strings.NewReader(tc.in), &out)
			if err != nil {
				t.Fatal(err)
			}
			if failed != tc.wantFailed {
				t.Errorf("%s: failed = %v, want %v", tc.reason, failed, tc.wantFailed)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("%s: output lacks %q:\n%s", tc.reason, w, out.String())
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(out.String(), a) {
					t.Errorf("%s: output has %q:\n%s", tc.reason, a, out.String())
				}
			}
		})
	}
}
