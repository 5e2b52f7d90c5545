package rds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbsubnetgroup"
)

// TestSubnetIDsObserved observes a DB subnet group whose subnets RDS
// reports as structures (Subnets[].SubnetIdentifier). moto 5.2.1 cannot
// show it end to end: its ModifyDBSubnetGroup drops the group. The spec's
// subnets in another order are no difference, so an adopted group, or one
// found after a lost create, is sent no ModifyDBSubnetGroup; a subnet
// changed out of band is one; and the observed spec, which adoption copies
// into the object, holds RDS's subnets.
func TestSubnetIDsObserved(t *testing.T) {
	cases := []struct {
		reason string
		inAWS  []string
		diff   []string
	}{
		{reason: "the spec's subnets, in another order: no difference", inAWS: []string{"subnet-b", "subnet-a"}},
		{reason: "a subnet swapped out of band: a difference", inAWS: []string{"subnet-a", "subnet-c"}, diff: []string{"subnetIDs"}},
	}
	for _, c := range cases {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := r.ParseForm(); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "text/xml")
			switch r.PostForm.Get("Action") {
			case "DescribeDBSubnetGroups":
				var subnets strings.Builder
				for _, s := range c.inAWS {
					fmt.Fprintf(&subnets, "<Subnet><SubnetIdentifier>%s</SubnetIdentifier><SubnetStatus>Active</SubnetStatus></Subnet>", s)
				}
				fmt.Fprintf(w, `<DescribeDBSubnetGroupsResponse><DescribeDBSubnetGroupsResult><DBSubnetGroups><DBSubnetGroup>
<DBSubnetGroupName>app</DBSubnetGroupName><DBSubnetGroupArn>arn:aws:rds:us-east-1:123456789012:subgrp:app</DBSubnetGroupArn>
<DBSubnetGroupDescription>two zones</DBSubnetGroupDescription><VpcId>vpc-1</VpcId><Subnets>%s</Subnets></DBSubnetGroup></DBSubnetGroups></DescribeDBSubnetGroupsResult></DescribeDBSubnetGroupsResponse>`, subnets.String())
			case "ListTagsForResource":
				fmt.Fprint(w, `<ListTagsForResourceResponse><ListTagsForResourceResult><TagList/></ListTagsForResourceResult></ListTagsForResourceResponse>`)
			default:
				http.Error(w, "unexpected "+r.PostForm.Get("Action"), http.StatusBadRequest)
			}
		}))
		cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
		ext := dbsubnetgroup.Kind().Connect(cfg, managed.ClientOptions{})
		g := &v1alpha1.DBSubnetGroup{Spec: v1alpha1.DBSubnetGroupSpec{
			Name: aws.String("app"), Description: aws.String("two zones"), SubnetIDs: []string{"subnet-a", "subnet-b"},
		}}
		obs, err := ext.Observe(context.Background(), g)
		srv.Close()
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: diff %v, want %v", c.reason, obs.Diff, c.diff)
		}
		observed, ok := obs.Observed.(v1alpha1.DBSubnetGroupSpec)
		if !ok || !slices.Equal(observed.SubnetIDs, c.inAWS) {
			t.Errorf("%s: observed spec %+v, want subnetIDs %v", c.reason, obs.Observed, c.inAWS)
		}
	}
}
