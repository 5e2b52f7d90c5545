package dynamodb

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/dynamodb/resources/backup"
	"github.com/kubesmith/kubesmith/runtime/managed"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestBackupFindCreated: when a create's answer is lost, the Backup's ARN,
// which AWS chose, is unknown. The generated manager's FindCreated lists
// the table's backups in moto and finds the one the create made: it fills
// status.backupARN when exactly one backup has the spec's table and name
// and was made since the create began, so that Observe then finds it; it
// fills nothing when two match or none is that recent.
func TestBackupFindCreated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	prefix := harness.PrefixFor(t)
	table := prefix + "-source"
	createTableInAWS(t, table, types.BillingModePayPerRequest)
	kind := backup.Kind()
	if !kind.AssignedIdentifier {
		t.Error("Backup's Kind does not say AWS assigns its identifier")
	}
	finder, ok := kind.Connect(suite.Moto.AWSConfig(region), managed.ClientOptions{}).(managed.Finder[*v1alpha1.Backup])
	if !ok {
		t.Fatal("the Backup manager is not a managed.Finder")
	}

	// Moto stamps backups with its own clock: a minute either side of
	// the creates leaves no doubt about before and after.
	began := time.Now().Add(-time.Minute)
	single := createBackupInAWS(t, table, prefix+"-single")
	createBackupInAWS(t, table, prefix+"-twice")
	createBackupInAWS(t, table, prefix+"-twice")
	later := time.Now().Add(time.Minute)

	cases := []struct {
		reason  string
		name    string
		since   time.Time
		want    int
		wantARN string
	}{
		{"the one backup with the spec's table and name is the one the create made", prefix + "-single", began, 1, single},
		{"two backups of that name leave the choice to a person", prefix + "-twice", began, 2, ""},
		{"a backup older than the create is not what it made", prefix + "-single", later, 0, ""},
		{"a name no backup has finds nothing", prefix + "-never", began, 0, ""},
	}
	for _, c := range cases {
		bk := &v1alpha1.Backup{
			ObjectMeta: metav1.ObjectMeta{Name: "lost", Namespace: "default"},
			Spec:       v1alpha1.BackupSpec{TableName: aws.String(table), BackupName: aws.String(c.name)},
		}
		n, err := finder.FindCreated(ctx, bk, c.since)
		if err != nil {
			t.Errorf("%s: FindCreated: %v", c.reason, err)
			continue
		}
		if n != c.want || aws.ToString(bk.Status.BackupARN) != c.wantARN {
			t.Errorf("%s: FindCreated = %d with status.backupARN %q, want %d with %q", c.reason, n, aws.ToString(bk.Status.BackupARN), c.want, c.wantARN)
			continue
		}
		if c.want != 1 {
			continue
		}
		obs, err := kind.Connect(suite.Moto.AWSConfig(region), managed.ClientOptions{}).Observe(ctx, bk)
		if err != nil || !obs.Exists {
			t.Errorf("%s: Observe after FindCreated = %+v, %v; want the backup found", c.reason, obs, err)
		}
	}
}

// createBackupInAWS makes a backup behind the controller's back and
// returns its ARN.
func createBackupInAWS(t *testing.T, table, name string) string {
	t.Helper()
	out, err := ddb(region, "").CreateBackup(context.Background(), &dynamodb.CreateBackupInput{TableName: aws.String(table), BackupName: aws.String(name)})
	if err != nil {
		t.Fatalf("CreateBackup %s of %s: %v", name, table, err)
	}
	return aws.ToString(out.BackupDetails.BackupArn)
}
