package dynamodb

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestObjectWrites counts what the API server stored for each Table from
// its creation to its deletion, through a watch (one event per stored
// write), leaving out the user's create and delete and the finalizer
// removal that ends the object. At a thousand objects each write is a
// request against the API server's flow control, so a create costs the
// finalizer and create record in one write, then one status write; a
// spec AWS fills in (late initialization) costs one more. A deletion
// costs at most one status write before the finalizer goes.
func TestObjectWrites(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"writes"}})
	log := suite.Kube.WatchWrites(t, v1alpha1.GroupVersion.WithResource("tables"), e.NS("writes"))

	full := e.newTable("writes", "full", nil)
	full.Spec.DeletionProtectionEnabled = aws.Bool(false) // nothing for AWS to fill in
	defaults := e.newTable("writes", "defaults", nil)
	cases := []struct {
		reason     string
		tbl        *v1alpha1.Table
		maxCreate  int
		specWrites int // late initialization: the spec is written once
	}{
		{reason: "a fully specified Table: the finalizer with the create record, then the status", tbl: full, maxCreate: 2},
		{reason: "a Table whose deletionProtectionEnabled AWS fills in: one more write, the spec", tbl: defaults, maxCreate: 3, specWrites: 1},
	}
	for _, tc := range cases {
		e.Create(tc.tbl)
	}
	for _, tc := range cases {
		e.waitReady(tc.tbl)
		if describe(t, *tc.tbl.Spec.TableName) == nil {
			t.Fatalf("table %s is not in DynamoDB", *tc.tbl.Spec.TableName)
		}
	}
	for _, tc := range cases {
		e.Delete(tc.tbl)
	}
	for _, tc := range cases {
		e.WaitGone(tc.tbl)
		if describe(t, *tc.tbl.Spec.TableName) != nil {
			t.Errorf("table %s still in DynamoDB after its object went", *tc.tbl.Spec.TableName)
		}
	}
	for _, tc := range cases {
		name := tc.tbl.Name
		var lc harness.Lifecycle
		// The watch reports the finalizer removal soon after the object went.
		harness.Eventually(t, wait, 100*time.Millisecond, func() error {
			var err error
			lc, err = log.Split(name)
			if err == nil && len(log.Writes(name)) > 0 && log.Writes(name)[len(log.Writes(name))-1].Type != "DELETED" {
				err = fmt.Errorf("the watch has not seen %s go yet", name)
			}
			return err
		})
		t.Logf("writes: %s: %d per create, %d per delete besides the finalizer removal", name, len(lc.Create), len(lc.Delete))
		if len(lc.Create) > tc.maxCreate {
			t.Errorf("%s\n%s: %d writes from create to Ready, want at most %d: %+v", tc.reason, name, len(lc.Create), tc.maxCreate, lc.Create)
		}
		if got := specWrites(lc.Create); got != tc.specWrites {
			t.Errorf("%s\n%s: %d spec writes, want %d", tc.reason, name, got, tc.specWrites)
		}
		if len(lc.Delete) > 1 {
			t.Errorf("%s\n%s: %d writes between the deletion request and the finalizer removal, want at most 1: %+v", tc.reason, name, len(lc.Delete), lc.Delete)
		}
	}
}

// specWrites counts the writes that moved the generation past the user's.
func specWrites(ws []harness.ObjectWrite) int {
	n := 0
	for i, w := range ws {
		if (i == 0 && w.Generation > 1) || (i > 0 && w.Generation > ws[i-1].Generation) {
			n++
		}
	}
	return n
}
