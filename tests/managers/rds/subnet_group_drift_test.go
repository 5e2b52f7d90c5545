package rds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbinstance"
)

// TestDBInstanceSubnetGroupDrift observes a DB instance whose subnet
// group RDS reports as a structure (DBSubnetGroup.DBSubnetGroupName): one
// moved to another group out of band differs from the spec, one in the
// spec's group does not.
func TestDBInstanceSubnetGroupDrift(t *testing.T) {
	cases := []struct {
		reason string
		inAWS  string
		diff   []string
	}{
		{reason: "the spec's subnet group: no difference", inAWS: "app"},
		{reason: "moved to another subnet group out of band: a difference", inAWS: "other", diff: []string{"dbSubnetGroupName"}},
	}
	for _, c := range cases {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := r.ParseForm(); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "text/xml")
			switch r.PostForm.Get("Action") {
			case "DescribeDBInstances":
				fmt.Fprintf(w, `<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance>
<DBInstanceIdentifier>orders</DBInstanceIdentifier><DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:orders</DBInstanceArn>
<DBInstanceStatus>available</DBInstanceStatus><DBSubnetGroup><DBSubnetGroupName>%s</DBSubnetGroupName></DBSubnetGroup></DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>`, c.inAWS)
			case "ListTagsForResource":
				fmt.Fprint(w, `<ListTagsForResourceResponse><ListTagsForResourceResult><TagList/></ListTagsForResourceResult></ListTagsForResourceResponse>`)
			default:
				http.Error(w, "unexpected "+r.PostForm.Get("Action"), http.StatusBadRequest)
			}
		}))
		cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
		ext := dbinstance.Kind().Connect(cfg, managed.ClientOptions{})
		db := &v1alpha1.DBInstance{Spec: v1alpha1.DBInstanceSpec{DBInstanceIdentifier: aws.String("orders"), DBSubnetGroupName: aws.String("app")}}
		obs, err := ext.Observe(context.Background(), db)
		srv.Close()
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: diff %v, want %v", c.reason, obs.Diff, c.diff)
		}
	}
}
