package kms

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/kubesmith/kubesmith/generated/kms/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// sameJSON reports whether two JSON documents hold the same data.
func sameJSON(a, b string) bool {
	var x, y any
	return json.Unmarshal([]byte(a), &x) == nil && json.Unmarshal([]byte(b), &y) == nil && reflect.DeepEqual(x, y)
}

// TestKey: a Key with a description, a policy, rotation and tags is made
// as the spec says; changing each reaches KMS; a description and rotation
// changed outside are put back at the next resync; deleting the object
// schedules the key's deletion in 7 days, the incumbent's window, and the
// object goes.
func TestKey(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "key")
	ctx := context.Background()
	k := e.newKey("key", "main")
	k.Spec.Policy = aws.String(policyDoc("v1"))
	k.Spec.EnableKeyRotation = aws.Bool(true)
	k.Spec.Tags = []v1alpha1.Tag{{TagKey: aws.String("team"), TagValue: aws.String("platform")}}
	e.Create(k)
	k = harness.WaitReady(e.Env, k)
	id := aws.ToString(k.Status.KeyID)
	if id == "" || k.Status.ACKResourceMetadata == nil || !strings.HasSuffix(aws.ToString(k.Status.ACKResourceMetadata.ARN), id) {
		t.Fatalf("status names no key: keyID %q, metadata %+v", id, k.Status.ACKResourceMetadata)
	}
	if got := aws.ToString(describe(t, id).Description); got != "main key" {
		t.Errorf("description %q, want %q", got, "main key")
	}
	if !sameJSON(policy(t, id), policyDoc("v1")) {
		t.Errorf("policy %s, want %s", policy(t, id), policyDoc("v1"))
	}
	if !rotation(t, id) {
		t.Error("rotation off, want on")
	}
	tags, err := client().ListResourceTags(ctx, &kms.ListResourceTagsInput{KeyId: &id})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tag := range tags.Tags {
		found = found || aws.ToString(tag.TagKey) == "team" && aws.ToString(tag.TagValue) == "platform"
	}
	if !found {
		t.Errorf("tags %+v lack team=platform", tags.Tags)
	}

	harness.Edit(e.Env, k, func(k *v1alpha1.Key) {
		k.Spec.Description = aws.String("changed")
		k.Spec.Policy = aws.String(policyDoc("v2"))
		k.Spec.EnableKeyRotation = aws.Bool(false)
	})
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if d := aws.ToString(describe(t, id).Description); d != "changed" {
			return fmt.Errorf("description %q, want changed", d)
		}
		if p := policy(t, id); !sameJSON(p, policyDoc("v2")) {
			return fmt.Errorf("policy %s, want v2", p)
		}
		if rotation(t, id) {
			return fmt.Errorf("rotation on, want off")
		}
		return nil
	})

	// Out of band: another description, rotation back on.
	if _, err := client().UpdateKeyDescription(ctx, &kms.UpdateKeyDescriptionInput{KeyId: &id, Description: aws.String("outside")}); err != nil {
		t.Fatal(err)
	}
	if _, err := client().EnableKeyRotation(ctx, &kms.EnableKeyRotationInput{KeyId: &id}); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if d := aws.ToString(describe(t, id).Description); d != "changed" {
			return fmt.Errorf("description %q not put back", d)
		}
		if rotation(t, id) {
			return fmt.Errorf("rotation not turned off again")
		}
		return nil
	})

	e.Delete(k)
	e.WaitGone(k)
	meta := describe(t, id)
	if meta.KeyState != "PendingDeletion" {
		t.Fatalf("key state %s after delete, want PendingDeletion", meta.KeyState)
	}
	// moto reports the deletion date, not the window: 7 days from the call.
	want := time.Now().Add(7 * 24 * time.Hour)
	if meta.DeletionDate == nil || meta.DeletionDate.Sub(want).Abs() > time.Hour {
		t.Errorf("deletion date %v, want about %v (a 7-day window)", meta.DeletionDate, want)
	}
}

// TestKeyEconomy counts, with moto's recorder, what an unchanged key with
// a policy, rotation and tags costs per resync: DescribeKey,
// GetKeyPolicy, GetKeyRotationStatus and ListResourceTags once each, and
// no writes.
func TestKeyEconomy(t *testing.T) {
	t.Parallel()
	e := resyncs(t, "economy")
	k := e.newKey("economy", "steady")
	k.Spec.Policy = aws.String(policyDoc("steady"))
	k.Spec.EnableKeyRotation = aws.Bool(true)
	k.Spec.Tags = []v1alpha1.Tag{{TagKey: aws.String("team"), TagValue: aws.String("platform")}}
	e.Create(k)
	k = harness.WaitReady(e.Env, k)
	id := aws.ToString(k.Status.KeyID)
	all := map[string]string{"kind": "Key"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, e.Scrape().Sum("kubesmith_reconciles_total", all)+1)
	before := opsOn(t, id)
	base := e.Scrape().Sum("kubesmith_reconciles_total", all)
	e.WaitMetricAtLeast("kubesmith_reconciles_total", all, base+10)
	after := opsOn(t, id)
	passes := e.Scrape().Sum("kubesmith_reconciles_total", all) - base
	reads, writes := map[string]int{}, map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 && isRead(op) {
			reads[op] = d
		} else if d > 0 {
			writes[op] = d
		}
	}
	t.Logf("economy kms Key: %v reads, %v writes in %v resyncs", reads, writes, passes)
	if len(writes) != 0 {
		t.Errorf("writes in %v resyncs of an unchanged key: %v", passes, writes)
	}
	minimal := []string{"DescribeKey", "GetKeyPolicy", "GetKeyRotationStatus", "ListResourceTags"}
	for _, op := range minimal {
		// A pass can straddle a count: a margin of one pass.
		if n := reads[op]; n == 0 || float64(n) > passes+1 {
			t.Errorf("%s %d times in %v resyncs, want one per resync", op, n, passes)
		}
		delete(reads, op)
	}
	if len(reads) != 0 {
		t.Errorf("reads beyond the minimal set: %v", reads)
	}
}
