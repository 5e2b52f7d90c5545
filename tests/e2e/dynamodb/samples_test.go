package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestSamples applies generated/dynamodb/samples/ as its header says, in
// one kubectl apply --validate=strict: every sample becomes Ready, DynamoDB
// holds each by the identifier in its status (the Table by its ARN, the
// Backup, which names the Table sample by tableRef, by its ARN), and
// deleting the folder removes both from DynamoDB. (The GlobalTable sample
// is an emulator gap: moto has no global tables; ApplySamples only dry-runs
// samples/emulator-gaps/, and tests/managers/dynamodb covers the kind.)
func TestSamples(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"samples"}})
	objs := e.ApplySamples("samples")
	if len(objs) != 2 {
		t.Fatalf("the samples hold %d objects, want a Table and a Backup", len(objs))
	}
	var gone []func() error
	for _, o := range objs {
		switch o := harness.WaitReady(e.Env, o).(type) {
		case *v1alpha1.Table:
			name, arn := aws.ToString(o.Spec.TableName), statusARN(o)
			if tb := describe(t, name); tb == nil || aws.ToString(tb.TableArn) != arn {
				t.Errorf("Table sample %s: DynamoDB has %+v, want the table %s", o.Name, tb, arn)
			}
			gone = append(gone, func() error {
				if describe(t, name) != nil {
					return fmt.Errorf("table %s is still in DynamoDB", name)
				}
				return nil
			})
		case *v1alpha1.Backup:
			arn := aws.ToString(o.Status.BackupARN)
			if err := describeBackup(arn); err != nil {
				t.Errorf("Backup sample %s: %v", o.Name, err)
			}
			gone = append(gone, func() error {
				var nf *types.BackupNotFoundException
				if err := describeBackup(arn); !errors.As(err, &nf) {
					return fmt.Errorf("DescribeBackup %s: %v, want BackupNotFoundException", arn, err)
				}
				return nil
			})
		default:
			t.Fatalf("no check of a %T sample in DynamoDB", o)
		}
	}
	e.DeleteSamples("samples", objs)
	harness.Eventually(t, wait, 250*time.Millisecond, func() error { return errors.Join(run(gone)...) })
}

func statusARN(o harness.Managed) string {
	if md := o.GetManagedStatus().ACKResourceMetadata; md != nil {
		return aws.ToString(md.ARN)
	}
	return ""
}

func describeBackup(arn string) error {
	_, err := ddb(region, "").DescribeBackup(context.Background(), &dynamodb.DescribeBackupInput{BackupArn: aws.String(arn)})
	return err
}

func run(checks []func() error) []error {
	var errs []error
	for _, c := range checks {
		errs = append(errs, c())
	}
	return errs
}
