package conv

import (
	"fmt"
	"strings"
	"testing"
)

// permission is an entry as a Lambda Alias's permissions hold it.
type permission struct {
	StatementID, Action, Principal, SourceARN, SourceAccount, EventSourceToken, AuthType *string
	ViaURL                                                                               *bool
}

func (p permission) String() string {
	var parts []string
	for _, v := range []*string{p.StatementID, p.Action, p.Principal, p.SourceARN, p.SourceAccount, p.EventSourceToken, p.AuthType} {
		parts = append(parts, Value(v))
	}
	if p.ViaURL != nil {
		parts = append(parts, fmt.Sprint(*p.ViaURL))
	}
	return strings.Join(parts, "|")
}

func readPermissions(doc *string, desired []permission) ([]permission, error) {
	return Statements(doc, desired, func(p *permission) *string { return p.StatementID }, func(s Statement, d *permission) permission {
		return permission{
			StatementID: s.Sid(), Action: s.Value("Action", d.Action), Principal: s.Value("Principal", d.Principal),
			SourceARN: s.Value("SourceArn", d.SourceARN), SourceAccount: s.Value("SourceAccount", d.SourceAccount),
			EventSourceToken: s.Value("EventSourceToken", d.EventSourceToken), AuthType: s.Value("FunctionUrlAuthType", d.AuthType),
			ViaURL: s.Bool("InvokedViaFunctionUrl"),
		}
	})
}

func TestStatements(t *testing.T) {
	cases := []struct {
		reason  string
		doc     *string
		desired []permission
		want    string // entries joined by " ; "
		err     string
	}{
		{reason: "no document is no statements", doc: nil, want: ""},
		{
			reason: "AWS's spelling: a service principal under Service, the conditions by their keys' names after the prefix",
			doc: Of(`{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},` +
				`"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f:live",` +
				`"Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012","lambda:EventSourceToken":"tok"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b"}}}]}`),
			want: "s3|lambda:InvokeFunction|s3.amazonaws.com|arn:aws:s3:::b|123456789012|tok|",
		},
		{
			reason: "an account ID given alone comes back as its root ARN, read as the spec spells it",
			doc: Of(`{"Statement":[{"Sid":"acct","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"lambda:InvokeFunction",` +
				`"Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"},"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}}]}`),
			desired: []permission{{StatementID: Of("acct"), Principal: Of("210987654321")}},
			want:    "acct|lambda:InvokeFunction|210987654321||||NONE|true",
		},
		{
			reason:  "another account's root is a different principal, read as AWS has it",
			doc:     Of(`{"Statement":[{"Sid":"acct","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"lambda:InvokeFunction"}]}`),
			desired: []permission{{StatementID: Of("acct"), Principal: Of("210987654321")}},
			want:    "acct|lambda:InvokeFunction|arn:aws:iam::111111111111:root||||",
		},
		{
			reason: "a single statement not in a list; a list of actions joined",
			doc:    Of(`{"Statement":{"Sid":"one","Principal":"*","Action":["lambda:InvokeFunction","lambda:GetFunction"]}}`),
			want:   "one|lambda:InvokeFunction,lambda:GetFunction|*||||",
		},
		{reason: "no Sid cannot be named", doc: Of(`{"Statement":[{"Principal":"*","Action":"lambda:*"}]}`), want: ""},
		{reason: "a document that is no JSON is an error", doc: Of(`{"Statement":`), err: "the policy document is no JSON object"},
	}
	for _, c := range cases {
		got, err := readPermissions(c.doc, c.desired)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.reason, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		var parts []string
		for _, p := range got {
			parts = append(parts, p.String())
		}
		if s := strings.Join(parts, " ; "); s != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.reason, s, c.want)
		}
	}
}
