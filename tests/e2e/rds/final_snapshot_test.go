package rds

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// kept is a DB instance annotated, as the incumbent's, with the name of
// the final snapshot its delete takes, and its password's Secret.
const kept = `
apiVersion: v1
kind: Secret
metadata: {name: kept-password}
stringData: {password: kept-password-1}
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBInstance
metadata:
  name: kept
  annotations: {rds.services.k8s.aws/final-db-snapshot-identifier: %[1]s-kept-final}
spec:
  dbInstanceIdentifier: %[1]s-kept
  dbInstanceClass: db.t3.micro
  engine: postgres
  allocatedStorage: 20
  masterUsername: kubesmith
  masterUserPassword: {name: kept-password, key: password}
`

// TestDBInstanceFinalSnapshot deletes a DB instance annotated with a final
// snapshot identifier: DeleteDBInstance sends SkipFinalSnapshot false and
// the identifier, and RDS then has that snapshot of the instance.
func TestDBInstanceFinalSnapshot(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"kept"})
	id, snapshot := e.Prefix+"-kept", e.Prefix+"-kept-final"
	e.apply("kept", fmt.Sprintf(kept, e.Prefix))
	db := harness.WaitReady(e.Env, &v1alpha1.DBInstance{ObjectMeta: metav1.ObjectMeta{Namespace: e.NS("kept"), Name: "kept"}})

	e.Delete(db)
	e.WaitGone(db)
	if d := describe(t, id); d != nil {
		t.Errorf("DB instance %s is still in RDS (%s) after its object is gone", id, aws.ToString(d.DBInstanceStatus))
	}
	if s, f := sent(t, "DeleteDBInstance", "DBInstanceIdentifier", id, "SkipFinalSnapshot"), sent(t, "DeleteDBInstance", "DBInstanceIdentifier", id, "FinalDBSnapshotIdentifier"); s != "false" || f != snapshot {
		t.Errorf("DeleteDBInstance sent SkipFinalSnapshot %q and FinalDBSnapshotIdentifier %q, want false and %s", s, f, snapshot)
	}
	out, err := rdsClient().DescribeDBSnapshots(context.Background(), &rds.DescribeDBSnapshotsInput{DBSnapshotIdentifier: aws.String(snapshot)})
	if isNotFound(t, "DescribeDBSnapshots "+snapshot, err) || len(out.DBSnapshots) != 1 {
		t.Fatalf("RDS has no final snapshot %s after the instance's delete", snapshot)
	}
	if got := aws.ToString(out.DBSnapshots[0].DBInstanceIdentifier); got != id {
		t.Errorf("final snapshot %s is of instance %q, want %s", snapshot, got, id)
	}
}
