package rds

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// cluster is a DBClusterParameterGroup with a parameter override, the
// master password's Secret and a DBCluster naming both, in one folder; the
// cluster is annotated with the name of its final snapshot.
const cluster = `
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBClusterParameterGroup
metadata: {name: cluster-params}
spec:
  name: %[1]s-cluster-params
  family: aurora-postgresql16
  description: reports settings
  parameterOverrides: {log_min_duration_statement: "250"}
---
apiVersion: v1
kind: Secret
metadata: {name: cluster-password}
stringData: {password: cluster-password-1}
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBCluster
metadata:
  name: reports
  annotations: {rds.services.k8s.aws/final-db-snapshot-identifier: %[1]s-reports-final}
spec:
  dbClusterIdentifier: %[1]s-reports
  engine: aurora-postgresql
  masterUsername: kubesmith
  masterUserPassword: {name: cluster-password, key: password}
  backupRetentionPeriod: 1
  dbClusterParameterGroupRef: {from: {name: cluster-params}}
`

// TestDBCluster applies a DBClusterParameterGroup, a Secret and a
// DBCluster in one kubectl apply: both become Ready (moto reports the
// cluster creating once), RDS has the cluster with its engine and
// parameter group, and the group its override; backupRetentionPeriod
// changed in the spec reaches RDS, and changed out of band is put back;
// deleting the cluster removes it, after the final snapshot its
// annotation names (SkipFinalSnapshot false), which RDS then has.
func TestDBCluster(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"cluster"}, "DBCluster")
	id := e.Unique("reports")
	e.apply("cluster", fmt.Sprintf(cluster, e.Prefix))
	ns := e.NS("cluster")
	harness.WaitReady(e.Env, &v1alpha1.DBClusterParameterGroup{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "cluster-params"}})
	c := harness.WaitReady(e.Env, &v1alpha1.DBCluster{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "reports"}})
	got := describeCluster(t, id)
	if got == nil {
		t.Fatalf("no DB cluster %s in RDS after Ready", id)
	}
	if aws.ToString(got.Engine) != "aurora-postgresql" || aws.ToString(got.DBClusterParameterGroup) != e.Prefix+"-cluster-params" {
		t.Errorf("DB cluster in RDS: engine %q, parameter group %q; want aurora-postgresql and %s-cluster-params",
			aws.ToString(got.Engine), aws.ToString(got.DBClusterParameterGroup), e.Prefix)
	}
	if p := sent(t, "CreateDBCluster", "DBClusterIdentifier", id, "MasterUserPassword"); p != "cluster-password-1" {
		t.Errorf("CreateDBCluster sent the password %q, want the Secret's", p)
	}
	waitAWS(t, func() error {
		out, err := rdsClient().DescribeDBClusterParameters(context.Background(), &rds.DescribeDBClusterParametersInput{DBClusterParameterGroupName: aws.String(e.Prefix + "-cluster-params")})
		if err != nil {
			return err
		}
		for _, p := range out.Parameters {
			if aws.ToString(p.ParameterName) == "log_min_duration_statement" && aws.ToString(p.ParameterValue) == "250" {
				return nil
			}
		}
		return fmt.Errorf("cluster parameter group has %+v, want log_min_duration_statement=250", out.Parameters)
	})

	harness.Edit(e.Env, c, func(d *v1alpha1.DBCluster) { d.Spec.BackupRetentionPeriod = aws.Int64(7) })
	waitRetention(t, id, 7)
	harness.WaitReady(e.Env, c)

	if _, err := rdsClient().ModifyDBCluster(context.Background(), &rds.ModifyDBClusterInput{
		DBClusterIdentifier: aws.String(id), BackupRetentionPeriod: aws.Int32(3), ApplyImmediately: aws.Bool(true),
	}); err != nil {
		t.Fatal(err)
	}
	waitRetention(t, id, 7)
	harness.WaitReady(e.Env, c)

	e.Delete(c)
	e.WaitGone(c)
	if d := describeCluster(t, id); d != nil {
		t.Errorf("DB cluster %s is still in RDS (%s) after its object is gone", id, aws.ToString(d.Status))
	}
	snapshot := e.Prefix + "-reports-final"
	if s, f := sent(t, "DeleteDBCluster", "DBClusterIdentifier", id, "SkipFinalSnapshot"), sent(t, "DeleteDBCluster", "DBClusterIdentifier", id, "FinalDBSnapshotIdentifier"); s != "false" || f != snapshot {
		t.Errorf("DeleteDBCluster sent SkipFinalSnapshot %q and FinalDBSnapshotIdentifier %q, want false and %s", s, f, snapshot)
	}
	out, err := rdsClient().DescribeDBClusterSnapshots(context.Background(), &rds.DescribeDBClusterSnapshotsInput{DBClusterSnapshotIdentifier: aws.String(snapshot)})
	if isNotFound(t, "DescribeDBClusterSnapshots "+snapshot, err) || len(out.DBClusterSnapshots) != 1 {
		t.Fatalf("RDS has no final snapshot %s after the cluster's delete", snapshot)
	}
	if got := aws.ToString(out.DBClusterSnapshots[0].DBClusterIdentifier); got != id {
		t.Errorf("final snapshot %s is of cluster %q, want %s", snapshot, got, id)
	}
}

// waitRetention waits until RDS reports the cluster's backup retention
// period as want.
func waitRetention(t *testing.T, id string, want int32) {
	t.Helper()
	waitAWS(t, func() error {
		if got := aws.ToInt32(describeCluster(t, id).BackupRetentionPeriod); got != want {
			return fmt.Errorf("RDS has backupRetentionPeriod %d, want %d", got, want)
		}
		return nil
	})
}

// describeCluster reads a DB cluster through the SDK; nil when RDS has none.
func describeCluster(t *testing.T, id string) *rdstypes.DBCluster {
	t.Helper()
	out, err := rdsClient().DescribeDBClusters(context.Background(), &rds.DescribeDBClustersInput{DBClusterIdentifier: aws.String(id)})
	if isNotFound(t, "DescribeDBClusters "+id, err) || len(out.DBClusters) == 0 {
		return nil
	}
	return &out.DBClusters[0]
}
