package dynamodb

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestTableSettings covers the settings DynamoDB keeps apart from the
// table and describes by status where the update takes a boolean: time to
// live and point-in-time recovery. Each reaches AWS after the create,
// changes with the spec, and is put back when changed outside Kubernetes;
// an unchanged table then costs reads only.
func TestTableSettings(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{Namespaces: []string{"settings"}})
	tbl := e.newTable("settings", "ttl", nil)
	tbl.Spec.TimeToLive = &v1alpha1.TimeToLiveSpecification{AttributeName: aws.String("expires"), Enabled: aws.Bool(true)}
	tbl.Spec.ContinuousBackups = &v1alpha1.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: aws.Bool(true)}
	e.Create(tbl)
	e.waitReady(tbl)
	name := *tbl.Spec.TableName
	waitTTL(t, name, types.TimeToLiveStatusEnabled, "expires")
	waitPITR(t, name, types.PointInTimeRecoveryStatusEnabled)

	// Out of band: point-in-time recovery turned off is turned on again.
	if _, err := ddb(region, "").UpdateContinuousBackups(context.Background(), &dynamodb.UpdateContinuousBackupsInput{
		TableName:                        aws.String(name),
		PointInTimeRecoverySpecification: &types.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: aws.Bool(false)},
	}); err != nil {
		t.Fatal(err)
	}
	waitPITR(t, name, types.PointInTimeRecoveryStatusDisabled)
	e.RequestCheck(tbl)
	e.WaitEvent(tbl, "DriftCorrected", "continuousBackups")
	waitPITR(t, name, types.PointInTimeRecoveryStatusEnabled)

	// A spec change: time to live turned off.
	e.editSpec(tbl, func(s *v1alpha1.TableSpec) { s.TimeToLive.Enabled = aws.Bool(false) })
	e.waitReady(tbl)
	waitTTL(t, name, types.TimeToLiveStatusDisabled, "")

	// Steady: forced checks of the unchanged table write nothing to AWS.
	synced := map[string]string{"kind": "Table", "result": "synced"}
	e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, e.Scrape().Sum("kubesmith_reconciles_total", synced))
	start := e.Scrape()
	for i := 1; i <= 3; i++ {
		e.RequestCheck(tbl)
		e.WaitMetricAtLeast("kubesmith_reconciles_total", synced, start.Sum("kubesmith_reconciles_total", synced)+float64(i))
	}
	end := e.Scrape()
	if n := writes(end) - writes(start); n != 0 {
		t.Errorf("%v AWS writes in 3 checks of an unchanged table\n%s", n, end.String("kubesmith_aws_api_calls_total"))
	}
	for _, op := range []string{"DescribeTimeToLive", "DescribeContinuousBackups"} {
		if n := end.Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": op}) - start.Sum("kubesmith_aws_api_calls_total", map[string]string{"operation": op}); n < 3 || n > 4 {
			t.Errorf("%v %s calls in 3 checks, want one per check", n, op)
		}
	}

	e.Delete(tbl)
	e.WaitGone(tbl)
}

// waitTTL waits until DynamoDB reports the table's time to live in
// status, on attribute (when not empty).
func waitTTL(t *testing.T, name string, status types.TimeToLiveStatus, attribute string) {
	t.Helper()
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		out, err := ddb(region, "").DescribeTimeToLive(context.Background(), &dynamodb.DescribeTimeToLiveInput{TableName: aws.String(name)})
		if err != nil {
			return err
		}
		d := out.TimeToLiveDescription
		if d == nil || d.TimeToLiveStatus != status || (attribute != "" && aws.ToString(d.AttributeName) != attribute) {
			return fmt.Errorf("time to live is %+v, want %s on %q", d, status, attribute)
		}
		return nil
	})
}

// waitPITR waits until DynamoDB reports point-in-time recovery in status.
func waitPITR(t *testing.T, name string, status types.PointInTimeRecoveryStatus) {
	t.Helper()
	harness.Eventually(t, wait, 250*time.Millisecond, func() error {
		out, err := ddb(region, "").DescribeContinuousBackups(context.Background(), &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String(name)})
		if err != nil {
			return err
		}
		if d := out.ContinuousBackupsDescription; d == nil || d.PointInTimeRecoveryDescription == nil || d.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus != status {
			return fmt.Errorf("continuous backups are %+v, want point-in-time recovery %s", d, status)
		}
		return nil
	})
}
