package dynamodb

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/apiutil"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreate kills the controller right after AWS made a Table
// (a name the user chooses) and a Backup (an ARN AWS assigns), before the
// controller heard the answer. The restarted controller finds what the
// dead one made: one table, one backup, both Ready, and deleting them
// leaves nothing in AWS.
func TestKillAfterCreate(t *testing.T) {
	t.Parallel()
	var (
		mu      sync.Mutex
		e       *env
		killed  = map[string]bool{}
		creates = map[string]bool{"CreateTable": true, "CreateBackup": true}
	)
	hook := harness.StartCallHook(t, suite.Moto.Endpoint(), func(op string) bool {
		mu.Lock()
		defer mu.Unlock()
		if !creates[op] || killed[op] {
			return true
		}
		killed[op] = true
		// Dead before the answer can reach it, and started again as a
		// Deployment would. The other create may already be on its way
		// from the dead process, or be settled without a call.
		e.KillAndRestart()
		return false
	})
	mu.Lock()
	e = startController(t, controllerOptions{Namespaces: []string{"kill"}, Endpoint: hook.URL()})
	mu.Unlock()
	ctx := context.Background()
	source, tbl, bk := e.createTableAndBackup("kill")

	e.waitReady(tbl)
	ready := e.waitBackup(bk, "to be Ready", backupReady)
	backups := backupsInAWS(t, source)
	if len(backups) != 1 || aws.ToString(backups[0].BackupArn) != aws.ToString(ready.Status.BackupARN) {
		t.Fatalf("backups of %s in DynamoDB: %s; want exactly the one in status, %s", source, describeBackups(backups), aws.ToString(ready.Status.BackupARN))
	}
	if got := ready.Status.ACKResourceMetadata.Ownership; got != "Created" {
		t.Errorf("the Backup's ownership is %q, want Created", got)
	}
	mu.Lock()
	if !killed["CreateTable"] || !killed["CreateBackup"] {
		t.Errorf("kills after %v; the test did not test", killed)
	}
	mu.Unlock()
	e.waitSettled(tbl, bk)

	if err := e.K.Delete(ctx, tbl); err != nil {
		t.Fatal(err)
	}
	if err := e.K.Delete(ctx, ready); err != nil {
		t.Fatal(err)
	}
	e.WaitGone(tbl)
	e.WaitGone(bk)
	if n := len(backupsInAWS(t, source)); n != 0 {
		t.Errorf("%d backups of %s left after the Backup was deleted", n, source)
	}
}

// TestLostCreateAnswer drops AWS's answer to the first CreateTable and
// CreateBackup, as a reset connection does, with the controller running.
// Resending the create (the SDK's retry) would make a second backup, and
// find the table "already there"; instead each object settles on what the
// one create made.
func TestLostCreateAnswer(t *testing.T) {
	t.Parallel()
	var (
		mu      sync.Mutex
		dropped = map[string]bool{}
	)
	hook := harness.StartCallHook(t, suite.Moto.Endpoint(), func(op string) bool {
		mu.Lock()
		defer mu.Unlock()
		if op != "CreateTable" && op != "CreateBackup" || dropped[op] {
			return true
		}
		dropped[op] = true
		return false
	})
	e := startController(t, controllerOptions{Namespaces: []string{"lost"}, Endpoint: hook.URL()})
	source, tbl, bk := e.createTableAndBackup("lost")
	e.waitReady(tbl)
	e.waitBackup(bk, "to be Ready", backupReady)
	e.waitSettled(tbl, bk)
	if backups := backupsInAWS(t, source); len(backups) != 1 {
		t.Errorf("backups of %s in DynamoDB: %s; want one", source, describeBackups(backups))
	}
	mu.Lock()
	defer mu.Unlock()
	if !dropped["CreateTable"] || !dropped["CreateBackup"] {
		t.Errorf("answers dropped: %v; the test did not test", dropped)
	}
}

// createTableAndBackup applies a Table and a Backup of a table made
// behind the controller's back, whose name it returns.
func (e *env) createTableAndBackup(ns string) (string, *v1alpha1.Table, *v1alpha1.Backup) {
	e.T.Helper()
	source := e.table("source")
	createTableInAWS(e.T, source, types.BillingModeProvisioned)
	tbl := e.newTable(ns, "made", nil)
	bk := &v1alpha1.Backup{
		ObjectMeta: metav1.ObjectMeta{Name: "bk", Namespace: e.NS(ns)},
		Spec:       v1alpha1.BackupSpec{BackupName: aws.String(e.table("bk")), TableName: aws.String(source)},
	}
	e.Create(tbl)
	e.Create(bk)
	return source, tbl, bk
}

// waitSettled waits until the objects' status records what their creates
// made (ownership Created), which settles their create-pending records:
// from then on the controller reads the annotation only as a record.
func (e *env) waitSettled(objs ...client.Object) {
	e.T.Helper()
	for _, obj := range objs {
		harness.Eventually(e.T, wait, 200*time.Millisecond, func() error {
			gvk, err := apiutil.GVKForObject(obj, e.K.Scheme())
			if err != nil {
				return err
			}
			u := &unstructured.Unstructured{}
			u.SetGroupVersionKind(gvk)
			if err := e.K.Get(context.Background(), client.ObjectKeyFromObject(obj), u); err != nil {
				return err
			}
			if got, _, _ := unstructured.NestedString(u.Object, "status", "ackResourceMetadata", "ownership"); got != "Created" {
				return fmt.Errorf("%s has ownership %q, create-pending %q", obj.GetName(), got, u.GetAnnotations()["services.k8s.aws/create-pending"])
			}
			return nil
		})
	}
}

// backupReady accepts a Backup that is Ready at its generation.
func backupReady(b *v1alpha1.Backup) error {
	c := apimeta.FindStatusCondition(b.Status.Conditions, "Ready")
	if c == nil || c.Status != metav1.ConditionTrue || c.ObservedGeneration != b.Generation {
		return fmt.Errorf("Ready is %+v", c)
	}
	return nil
}

func describeBackups(list []types.BackupSummary) string {
	var parts []string
	for _, b := range list {
		parts = append(parts, aws.ToString(b.BackupName)+"="+aws.ToString(b.BackupArn))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
