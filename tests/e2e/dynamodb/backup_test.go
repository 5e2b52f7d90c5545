package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestBackupReference: a Backup names its Table by reference. It waits,
// with ACK.ReferencesResolved=False, until the Table is Ready; then the
// backup exists in DynamoDB, and deleting the object deletes it.
func TestBackupReference(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"backup"}})
	ctx := context.Background()
	tbl := e.newTable("backup", "source", nil)
	tableName := *tbl.Spec.TableName

	bk := &v1alpha1.Backup{
		ObjectMeta: metav1.ObjectMeta{Name: "nightly", Namespace: e.NS("backup")},
		Spec: v1alpha1.BackupSpec{
			BackupName: aws.String(e.table("nightly")),
			TableRef:   &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{Name: aws.String("source")}},
		},
	}
	// The API server refuses a name and a reference together.
	both := bk.DeepCopy()
	both.Name, both.Spec.TableName = "both", aws.String(tableName)
	if err := e.K.Create(ctx, both); err == nil || !strings.Contains(err.Error(), "at most one of tableName and tableRef") {
		t.Errorf("a Backup with both tableName and tableRef: %v, want the API server to refuse it", err)
	}

	e.Create(bk)
	waiting := e.waitBackup(bk, "to wait for its Table", func(b *v1alpha1.Backup) error {
		c := apimeta.FindStatusCondition(b.Status.Conditions, "ACK.ReferencesResolved")
		if c == nil || c.Status != metav1.ConditionFalse || !strings.Contains(c.Message, "Table") {
			return fmt.Errorf("ACK.ReferencesResolved is %+v", c)
		}
		return nil
	})
	if n := len(backupsInAWS(t, tableName)); n != 0 {
		t.Fatalf("%d backups of %s before the Table exists", n, tableName)
	}
	if waiting.Spec.TableName != nil {
		t.Errorf("the resolved tableName was written into the stored spec: %q", *waiting.Spec.TableName)
	}

	e.Create(tbl)
	e.waitReady(tbl)
	ready := e.waitBackup(bk, "to be Ready", func(b *v1alpha1.Backup) error {
		c := apimeta.FindStatusCondition(b.Status.Conditions, "Ready")
		if c == nil || c.Status != metav1.ConditionTrue || c.ObservedGeneration != b.Generation {
			return fmt.Errorf("Ready is %+v", c)
		}
		return nil
	})
	arn := aws.ToString(ready.Status.BackupARN)
	summaries := backupsInAWS(t, tableName)
	if len(summaries) != 1 || aws.ToString(summaries[0].BackupName) != *bk.Spec.BackupName || aws.ToString(summaries[0].BackupArn) != arn {
		t.Fatalf("backups of %s in DynamoDB = %+v, want one called %s with ARN %s", tableName, summaries, *bk.Spec.BackupName, arn)
	}
	if _, err := ddb(region, "").DescribeBackup(ctx, &dynamodb.DescribeBackupInput{BackupArn: aws.String(arn)}); err != nil {
		t.Fatalf("DescribeBackup %s: %v", arn, err)
	}

	if err := e.K.Delete(ctx, ready); err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		_, err := ddb(region, "").DescribeBackup(ctx, &dynamodb.DescribeBackupInput{BackupArn: aws.String(arn)})
		var nf *types.BackupNotFoundException
		if !errors.As(err, &nf) {
			return fmt.Errorf("DescribeBackup %s: %v, want BackupNotFoundException", arn, err)
		}
		return nil
	})
	e.WaitGone(bk)
}

// TestBackupOfOnDemandTable: DynamoDB describes an on-demand table's
// backup with a provisioned throughput of 0, below the minimum a spec
// may ask for. The status holds what AWS said, so the Backup still
// becomes Ready, and exactly one backup is made.
func TestBackupOfOnDemandTable(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"ondemand"}})
	tbl := e.newTable("ondemand", "source", nil)
	tbl.Spec.BillingMode, tbl.Spec.ProvisionedThroughput = aws.String("PAY_PER_REQUEST"), nil
	e.Create(tbl)
	e.waitReady(tbl)

	bk := &v1alpha1.Backup{
		ObjectMeta: metav1.ObjectMeta{Name: "ondemand", Namespace: e.NS("ondemand")},
		Spec:       v1alpha1.BackupSpec{BackupName: aws.String(e.table("ondemand")), TableName: tbl.Spec.TableName},
	}
	e.Create(bk)
	ready := e.waitBackup(bk, "to be Ready", func(b *v1alpha1.Backup) error {
		c := apimeta.FindStatusCondition(b.Status.Conditions, "Ready")
		if c == nil || c.Status != metav1.ConditionTrue || c.ObservedGeneration != b.Generation {
			return fmt.Errorf("Ready is %+v", c)
		}
		return nil
	})
	if summaries := backupsInAWS(t, *tbl.Spec.TableName); len(summaries) != 1 || aws.ToString(summaries[0].BackupArn) != aws.ToString(ready.Status.BackupARN) {
		t.Fatalf("backups of %s in DynamoDB = %+v, want exactly the one with ARN %s", *tbl.Spec.TableName, summaries, aws.ToString(ready.Status.BackupARN))
	}
	if d := ready.Status.SourceTableDetails; d == nil || d.ProvisionedThroughput == nil || aws.ToInt64(d.ProvisionedThroughput.ReadCapacityUnits) != 0 {
		t.Errorf("status.sourceTableDetails = %+v, want AWS's provisioned throughput of 0 kept", d)
	}
}

// waitBackup polls a Backup until cond accepts it.
func (e *env) waitBackup(bk *v1alpha1.Backup, what string, cond func(*v1alpha1.Backup) error) *v1alpha1.Backup {
	e.T.Helper()
	return harness.WaitFor(e.Env, bk, what, cond)
}

// backupsInAWS lists the backups of a table.
func backupsInAWS(t *testing.T, table string) []types.BackupSummary {
	t.Helper()
	out, err := ddb(region, "").ListBackups(context.Background(), &dynamodb.ListBackupsInput{TableName: aws.String(table)})
	if err != nil {
		t.Fatalf("ListBackups %s: %v", table, err)
	}
	return out.BackupSummaries
}

// TestBackupCrossNamespaceRefused: with the chart's enableCrossNamespace
// false, a Backup naming a Table in another namespace is Terminal, naming
// that namespace, and no backup is made, though the Table is Ready.
func TestBackupCrossNamespaceRefused(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"tables", "backups"}, Values: "enableCrossNamespace: false\n"})
	tbl := e.newTable("tables", "source", nil)
	e.Create(tbl)
	e.waitReady(tbl)

	bk := &v1alpha1.Backup{
		ObjectMeta: metav1.ObjectMeta{Name: "nightly", Namespace: e.NS("backups")},
		Spec: v1alpha1.BackupSpec{
			BackupName: aws.String(e.table("nightly")),
			TableRef: &ackv1alpha1.AWSResourceReferenceWrapper{From: &ackv1alpha1.AWSResourceReference{
				Name: aws.String("source"), Namespace: aws.String(e.NS("tables")),
			}},
		},
	}
	e.Create(bk)
	e.waitBackup(bk, "to be Terminal", func(b *v1alpha1.Backup) error {
		c := apimeta.FindStatusCondition(b.Status.Conditions, "ACK.Terminal")
		if c == nil || c.Status != metav1.ConditionTrue || !strings.Contains(c.Message, "namespace "+e.NS("tables")) {
			return fmt.Errorf("ACK.Terminal is %+v", c)
		}
		return nil
	})
	if n := len(backupsInAWS(t, *tbl.Spec.TableName)); n != 0 {
		t.Errorf("%d backups of %s made across namespaces", n, *tbl.Spec.TableName)
	}
}
