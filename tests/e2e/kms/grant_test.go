package kms

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// grants lists the key's grants through the SDK.
func grants(t *testing.T, keyID string) []types.GrantListEntry {
	t.Helper()
	out, err := client().ListGrants(context.Background(), &kms.ListGrantsInput{KeyId: &keyID})
	if err != nil {
		t.Fatalf("ListGrants %s: %v", keyID, err)
	}
	return out.Grants
}

// TestGrant: a Grant naming a Key by reference gives the grantee the
// operations it lists, with its name and constraints; every field is
// create-only, so a change is refused by the API server; deleted, the grant
// is revoked.
func TestGrant(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"grant"}})
	k := e.newKey("grant", "granted")
	e.Create(k)
	k = harness.WaitReady(e.Env, k)
	keyID := aws.ToString(k.Status.KeyID)
	grantee := "arn:aws:iam::123456789012:role/" + e.Unique("app")
	g := &v1alpha1.Grant{
		ObjectMeta: metav1.ObjectMeta{Name: "app", Namespace: e.NS("grant")},
		Spec: v1alpha1.GrantSpec{
			KeyRef:           ref("granted"),
			GranteePrincipal: aws.String(grantee),
			Operations:       []string{"Encrypt", "Decrypt"},
			Name:             aws.String("app"),
			Constraints:      &v1alpha1.GrantConstraints{EncryptionContextSubset: map[string]string{"app": "orders"}},
		},
	}
	e.Create(g)
	g = harness.WaitReady(e.Env, g)
	grantID := aws.ToString(g.Status.GrantID)
	list := grants(t, keyID)
	i := slices.IndexFunc(list, func(x types.GrantListEntry) bool { return aws.ToString(x.GrantId) == grantID })
	if grantID == "" || i < 0 {
		t.Fatalf("grant %q not among the key's grants %+v", grantID, list)
	}
	got := list[i]
	ops := []string{string(got.Operations[0]), string(got.Operations[1])}
	slices.Sort(ops)
	if aws.ToString(got.GranteePrincipal) != grantee || aws.ToString(got.Name) != "app" || !slices.Equal(ops, []string{"Decrypt", "Encrypt"}) ||
		got.Constraints == nil || got.Constraints.EncryptionContextSubset["app"] != "orders" {
		t.Errorf("grant in KMS %+v, want grantee %s, name app, Encrypt and Decrypt, context app=orders", got, grantee)
	}

	// Immutable: the API server refuses a change.
	cur := g.DeepCopy()
	cur.Spec.Operations = []string{"Encrypt"}
	if err := e.K.Update(context.Background(), cur); err == nil {
		t.Error("a change of a grant's operations was accepted, want it refused as create-only")
	}

	e.Delete(g)
	e.WaitGone(g)
	if slices.ContainsFunc(grants(t, keyID), func(x types.GrantListEntry) bool { return aws.ToString(x.GrantId) == grantID }) {
		t.Errorf("grant %s still on key %s after delete", grantID, keyID)
	}
}
