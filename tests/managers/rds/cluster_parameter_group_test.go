package rds

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbcluster"
)

// TestDBClusterParameterGroupObserved reads a DB cluster's parameter
// group back from DescribeDBClusters, which names it in the plain string
// DBClusterParameterGroup: another group set out of band differs from the
// spec, and an adoption (a spec without one) gets RDS's.
func TestDBClusterParameterGroupObserved(t *testing.T) {
	cases := []struct {
		reason string
		spec   *string
		diff   []string
	}{
		{reason: "the spec's group: no difference", spec: aws.String("tuned")},
		{reason: "another group out of band: a difference", spec: aws.String("default.aurora-postgresql16"), diff: []string{"dbClusterParameterGroupName"}},
		{reason: "no group in the spec (adopting): no difference"},
	}
	for _, c := range cases {
		cfg := answering(t, "DescribeDBClusters", `<DBClusters><DBCluster>
<DBClusterIdentifier>reports</DBClusterIdentifier><DBClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:reports</DBClusterArn>
<Status>available</Status><DBClusterParameterGroup>tuned</DBClusterParameterGroup></DBCluster></DBClusters>`)
		ext := dbcluster.Kind().Connect(cfg, managed.ClientOptions{})
		cl := &v1alpha1.DBCluster{Spec: v1alpha1.DBClusterSpec{DBClusterIdentifier: aws.String("reports"), DBClusterParameterGroupName: c.spec}}
		obs, err := ext.Observe(context.Background(), cl)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: diff %v, want %v", c.reason, obs.Diff, c.diff)
		}
		observed, ok := obs.Observed.(v1alpha1.DBClusterSpec)
		if !ok {
			t.Fatalf("%s: observed spec is a %T", c.reason, obs.Observed)
		}
		if got := aws.ToString(observed.DBClusterParameterGroupName); got != "tuned" {
			t.Errorf("%s: observed dbClusterParameterGroupName %q, want RDS's tuned", c.reason, got)
		}
	}
}
