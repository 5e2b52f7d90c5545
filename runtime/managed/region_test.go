package managed

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestFromRegion(t *testing.T) {
	cases := []struct {
		reason  string
		spec    *string
		region  string
		except  []string
		want    *string
		wantErr []string // substrings of a Terminal error
	}{
		{reason: "unset: the target region is sent", region: "ap-northeast-2", except: []string{"us-east-1"}, want: aws.String("ap-northeast-2")},
		{reason: "unset in an excepted region: nothing is sent", region: "us-east-1", except: []string{"us-east-1"}},
		{reason: "set to the target region: sent", spec: aws.String("eu-west-1"), region: "eu-west-1", want: aws.String("eu-west-1")},
		{reason: "set to an excepted target region: never sent, the service refuses it", spec: aws.String("us-east-1"), region: "us-east-1", except: []string{"us-east-1"}},
		{reason: "set to another region: Terminal, naming both", spec: aws.String("eu-west-1"), region: "ap-northeast-2", except: []string{"us-east-1"},
			wantErr: []string{"spec.createBucketConfiguration.locationConstraint is eu-west-1", "region is ap-northeast-2"}},
		{reason: "set to an excepted region that is not the target: Terminal", spec: aws.String("us-east-1"), region: "eu-west-1", except: []string{"us-east-1"},
			wantErr: []string{"is us-east-1", "region is eu-west-1"}},
	}
	for _, c := range cases {
		got, err := FromRegion("createBucketConfiguration.locationConstraint", c.spec, c.region, c.except...)
		if c.wantErr != nil {
			var terminal *TerminalError
			if !errors.As(err, &terminal) {
				t.Errorf("%s: got %v, want a TerminalError", c.reason, err)
				continue
			}
			for _, s := range c.wantErr {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%s: %q does not say %q", c.reason, err, s)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		if aws.ToString(got) != aws.ToString(c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("%s: sent %v, want %v", c.reason, fmtPtr(got), fmtPtr(c.want))
		}
	}
}

func fmtPtr(s *string) string {
	if s == nil {
		return "nothing"
	}
	return *s
}
