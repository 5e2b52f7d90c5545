package managed

import (
	"context"
	"maps"
	"testing"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
)

func TestSecretValue(t *testing.T) {
	ref := ackv1alpha1.SecretKeyReference{Name: "db", Key: "password"}
	other := ackv1alpha1.SecretKeyReference{Name: "db", Key: "password", Namespace: "vault"}
	resolved := WithSecrets(context.Background(), Secrets{Keys: map[ackv1alpha1.SecretKeyReference]string{ref: "s3cret"}})
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

func TestSecretReaderMap(t *testing.T) {
	env := ackv1alpha1.SecretReference{Name: "env"}
	resolved := WithSecrets(context.Background(), Secrets{Maps: map[ackv1alpha1.SecretReference]map[string]string{env: {"TOKEN": "s3cret"}}})
	cases := []struct {
		reason   string
		ctx      context.Context
		plain    map[string]string
		from     *ackv1alpha1.SecretReference
		want     map[string]string
		wantErr  bool
		terminal bool
	}{
		{reason: "without a Secret the spec's own entries go as they are", ctx: resolved, plain: map[string]string{"MODE": "fast"}, want: map[string]string{"MODE": "fast"}},
		{reason: "a Secret's keys join the spec's entries", ctx: resolved, plain: map[string]string{"MODE": "fast"}, from: &env, want: map[string]string{"MODE": "fast", "TOKEN": "s3cret"}},
		{reason: "a Secret alone fills the map", ctx: resolved, from: &env, want: map[string]string{"TOKEN": "s3cret"}},
		{reason: "a key in both places is Terminal, never a silent pick", ctx: resolved, plain: map[string]string{"TOKEN": "plain"}, from: &env, want: map[string]string{"TOKEN": "s3cret"}, wantErr: true, terminal: true},
		{reason: "an unresolved Secret is an error, never an empty map", ctx: context.Background(), from: &env, want: nil, wantErr: true},
	}
	for _, c := range cases {
		r := ReadSecrets(c.ctx)
		got := r.Map(c.plain, c.from)
		if err := r.Err(); (err != nil) != c.wantErr || (err != nil && IsTerminal(err, nil, nil) != c.terminal) {
			t.Errorf("%s: error %v, want error %v (terminal %v)", c.reason, err, c.wantErr, c.terminal)
		}
		if !maps.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.reason, got, c.want)
		}
	}
}
