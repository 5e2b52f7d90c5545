package managed

import (
	"context"
	"testing"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

func TestSecretValue(t *testing.T) {
	ref := ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"}
	other := ackv1alpha1.SecretKeyReference{Name: "db", Key: "password", Namespace: "vault"}
	resolved := WithSecrets(context.Background(), Secrets{ref: "s3cret"})
	cases := []struct {
		reason  string
		ctx     context.Context
		ref     *ackv1alpha1.SecretKeyReference
		want    string // "<nil>" for no value
		wantErr bool
	}{
		{"an unset reference sends nothing", resolved, nil, "<nil>", false},
		{"a resolved reference gives its value", resolved, &ref, "s3cret", false},
		{"the namespace is part of the reference", resolved, &other, "<nil>", true},
		{"a context without secrets is an error, never an empty value", context.Background(), &ref, "<nil>", true},
	}
	for _, c := range cases {
		got, err := SecretValue(c.ctx, c.ref)
		if (err != nil) != c.wantErr {
			t.Errorf("%s: error %v, want error %v", c.reason, err, c.wantErr)
		}
		s := "<nil>"
		if got != nil {
			s = *got
		}
		if s != c.want {
			t.Errorf("%s: got %q, want %q", c.reason, s, c.want)
		}
	}
}
