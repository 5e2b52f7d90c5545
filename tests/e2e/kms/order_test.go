package kms

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestOneApplyAnyOrder applies an Alias and a Grant naming a Key, and the
// Key last, in one kubectl apply: the Alias and the Grant wait for the
// Key, and all three settle to Ready, the alias and the grant on the key.
func TestOneApplyAnyOrder(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"order"}})
	ns := e.NS("order")
	// The file names the Key last; the Alias and the Grant wait for it.
	aliasName := "alias/" + e.Unique("order")
	manifest := `apiVersion: kms.services.k8s.aws/v1alpha1
kind: Alias
metadata: {name: app}
spec:
  name: ` + aliasName + `
  targetKeyRef: {from: {name: app-key}}
---
apiVersion: kms.services.k8s.aws/v1alpha1
kind: Grant
metadata: {name: app}
spec:
  keyRef: {from: {name: app-key}}
  granteePrincipal: arn:aws:iam::123456789012:role/app
  operations: [Encrypt]
---
apiVersion: kms.services.k8s.aws/v1alpha1
kind: Key
metadata: {name: app-key}
spec:
  description: applied last
`
	file := filepath.Join(t.TempDir(), "stack.yaml")
	if err := os.WriteFile(file, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	e.Kubectl("apply", "--validate=strict", "-n", ns, "-f", file)
	key := harness.WaitReady(e.Env, &v1alpha1.Key{ObjectMeta: objectMeta(ns, "app-key")})
	alias := harness.WaitReady(e.Env, &v1alpha1.Alias{ObjectMeta: objectMeta(ns, "app")})
	grant := harness.WaitReady(e.Env, &v1alpha1.Grant{ObjectMeta: objectMeta(ns, "app")})
	keyID := aws.ToString(key.Status.KeyID)
	if got := aliasTarget(t, aliasName); got != keyID {
		t.Errorf("alias %s targets %q, want %s", aliasName, got, keyID)
	}
	found := false
	for _, g := range grants(t, keyID) {
		found = found || aws.ToString(g.GrantId) == aws.ToString(grant.Status.GrantID)
	}
	if !found {
		t.Errorf("grant %s not on key %s", aws.ToString(grant.Status.GrantID), keyID)
	}
	// Deleted at once, the Key may go first: the Grant then names its key
	// by the ID its status keeps, and is revoked all the same.
	e.Kubectl("delete", "--wait=false", "-n", ns, "-f", file)
	for _, o := range []harness.Managed{alias, grant, key} {
		e.WaitGone(o)
	}
	if slices.ContainsFunc(grants(t, keyID), func(g kmstypes.GrantListEntry) bool {
		return aws.ToString(g.GrantId) == aws.ToString(grant.Status.GrantID)
	}) {
		t.Errorf("grant %s still on key %s after the folder was deleted", aws.ToString(grant.Status.GrantID), keyID)
	}
}

func objectMeta(ns, name string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Namespace: ns, Name: name}
}
