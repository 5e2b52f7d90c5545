package kms

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/kms/samples/ as its header says, in one
// kubectl apply --validate=strict: every object becomes Ready, KMS has the
// key with its description and rotation, the alias on it and the grant on
// it, and deleting the folder at once (the Key may go before the Grant
// naming it) schedules the key's deletion and removes the alias and the
// grant.
func TestSamples(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"samples"}})
	objs := e.ApplySamples("samples")
	var keyID, aliasName, grantID string
	for _, o := range objs {
		switch r := harness.WaitReady(e.Env, o).(type) {
		case *v1alpha1.Key:
			keyID = aws.ToString(r.Status.KeyID)
			meta := describe(t, keyID)
			if aws.ToString(meta.Description) != aws.ToString(r.Spec.Description) || rotation(t, keyID) != aws.ToBool(r.Spec.EnableKeyRotation) {
				t.Errorf("Key sample %s: KMS has description %q and rotation %v, want the spec's", r.Name, aws.ToString(meta.Description), rotation(t, keyID))
			}
		case *v1alpha1.Alias:
			aliasName = aws.ToString(r.Spec.Name)
		case *v1alpha1.Grant:
			grantID = aws.ToString(r.Status.GrantID)
		default:
			t.Fatalf("no check of a %T sample in KMS", o)
		}
	}
	if keyID == "" || aliasName == "" || grantID == "" {
		t.Fatalf("the samples lack a Key, an Alias or a Grant: key %q, alias %q, grant %q", keyID, aliasName, grantID)
	}
	if got := aliasTarget(t, aliasName); got != keyID {
		t.Errorf("Alias sample %s targets %q, want the sample key %s", aliasName, got, keyID)
	}
	onKey := func() bool {
		for _, g := range grants(t, keyID) {
			if aws.ToString(g.GrantId) == grantID {
				return true
			}
		}
		return false
	}
	if !onKey() {
		t.Errorf("Grant sample %s not on the sample key %s", grantID, keyID)
	}
	e.DeleteSamples("samples", objs)
	if s := describe(t, keyID).KeyState; s != "PendingDeletion" {
		t.Errorf("sample key %s in state %s after delete, want PendingDeletion", keyID, s)
	}
	if aliasTarget(t, aliasName) != "" || onKey() {
		t.Errorf("alias %s or grant %s still in KMS after delete", aliasName, grantID)
	}
}
