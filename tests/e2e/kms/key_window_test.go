package kms

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKeyPendingWindow: a Key annotated as the incumbent's are,
// kms.services.k8s.aws/pending-window-in-days: "10", is scheduled for
// deletion in 10 days, not the default 7, when its object is deleted.
func TestKeyPendingWindow(t *testing.T) {
	t.Parallel()
	e := start(t, harness.ControllerOptions{Namespaces: []string{"window"}})
	k := e.newKey("window", "ten-days")
	k.Annotations = map[string]string{"kms.services.k8s.aws/pending-window-in-days": "10"}
	e.Create(k)
	k = harness.WaitReady(e.Env, k)
	id := aws.ToString(k.Status.KeyID)

	e.Delete(k)
	e.WaitGone(k)
	meta := describe(t, id)
	if meta.KeyState != "PendingDeletion" {
		t.Fatalf("key state %s after delete, want PendingDeletion", meta.KeyState)
	}
	// moto reports the deletion date, not the window: 10 days from the call.
	want := time.Now().Add(10 * 24 * time.Hour)
	if meta.DeletionDate == nil || meta.DeletionDate.Sub(want).Abs() > time.Hour {
		t.Errorf("deletion date %v, want about %v (a 10-day window)", meta.DeletionDate, want)
	}
}
