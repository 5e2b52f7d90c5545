package compare

import "testing"

func TestAttribute(t *testing.T) {
	cases := []struct {
		reason            string
		desired, observed string
		want              bool
	}{
		{"the same text", "5", "5", true},
		{"a number AWS writes without the leading zero", "05", "5", true},
		{"another number", "5", "9", false},
		{"a boolean AWS writes in lower case", "True", "true", true},
		{"another boolean", "true", "false", false},
		{"a redrive policy whose count AWS returns as a number", `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:1:dlq","maxReceiveCount":"5"}`,
			`{"deadLetterTargetArn": "arn:aws:sqs:us-east-1:1:dlq", "maxReceiveCount": 5}`, true},
		{"a redrive policy with another count", `{"deadLetterTargetArn":"a","maxReceiveCount":"5"}`, `{"deadLetterTargetArn":"a","maxReceiveCount":3}`, false},
		{"a policy with other spacing, key order and a lone action", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`,
			`{"Statement": [{"Resource": "*", "Action": ["sqs:SendMessage"], "Effect": "Allow"}], "Version": "2012-10-17"}`, true},
		{"a policy granting another action", `{"Statement":[{"Action":"sqs:SendMessage"}]}`, `{"Statement":[{"Action":"sqs:ReceiveMessage"}]}`, false},
		{"an unset attribute AWS does not report", "5", "", false},
		{"text that is no number, boolean or JSON", "abc", "ABC", false},
	}
	for _, c := range cases {
		if got := Attribute(c.desired, c.observed); got != c.want {
			t.Errorf("%s: Attribute(%q, %q) = %t, want %t", c.reason, c.desired, c.observed, got, c.want)
		}
	}
}
