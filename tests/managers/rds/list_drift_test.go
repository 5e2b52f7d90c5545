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
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbcluster"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbinstance"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbsubnetgroup"
)

// answering answers action with body inside its Result element, and
// ListTagsForResource with no tags; it fails any other call.
func answering(t *testing.T, action, body string) aws.Config {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		switch a := r.PostForm.Get("Action"); a {
		case action:
			fmt.Fprintf(w, "<%[1]sResponse><%[1]sResult>%s</%[1]sResult></%[1]sResponse>", a, body)
		case "ListTagsForResource":
			fmt.Fprint(w, `<ListTagsForResourceResponse><ListTagsForResourceResult><TagList/></ListTagsForResourceResult></ListTagsForResourceResponse>`)
		default:
			http.Error(w, "unexpected "+a, http.StatusBadRequest)
		}
	}))
	t.Cleanup(srv.Close)
	return aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
}

// TestDBSubnetGroupSubnetDrift observes a DB subnet group whose subnets
// RDS lists as Subnets[].SubnetIdentifier: a subnet added or removed out of
// band differs from the spec, the spec's subnets in another order do not.
func TestDBSubnetGroupSubnetDrift(t *testing.T) {
	cases := []struct {
		reason string
		inAWS  []string
		diff   []string
	}{
		{reason: "the spec's subnets: no difference", inAWS: []string{"subnet-a", "subnet-b"}},
		{reason: "the spec's subnets in another order: no difference", inAWS: []string{"subnet-b", "subnet-a"}},
		{reason: "a subnet removed out of band: a difference", inAWS: []string{"subnet-a"}, diff: []string{"subnetIDs"}},
		{reason: "a subnet added out of band: a difference", inAWS: []string{"subnet-a", "subnet-b", "subnet-c"}, diff: []string{"subnetIDs"}},
	}
	for _, c := range cases {
		var subnets strings.Builder
		for _, s := range c.inAWS {
			fmt.Fprintf(&subnets, "<Subnet><SubnetIdentifier>%s</SubnetIdentifier><SubnetStatus>Active</SubnetStatus></Subnet>", s)
		}
		cfg := answering(t, "DescribeDBSubnetGroups", `<DBSubnetGroups><DBSubnetGroup><DBSubnetGroupName>app</DBSubnetGroupName>
<DBSubnetGroupDescription>two zones</DBSubnetGroupDescription><DBSubnetGroupArn>arn:aws:rds:us-east-1:123456789012:subgrp:app</DBSubnetGroupArn>
<Subnets>`+subnets.String()+`</Subnets></DBSubnetGroup></DBSubnetGroups>`)
		ext := dbsubnetgroup.Kind().Connect(cfg, managed.ClientOptions{})
		g := &v1alpha1.DBSubnetGroup{Spec: v1alpha1.DBSubnetGroupSpec{
			Name: aws.String("app"), Description: aws.String("two zones"), SubnetIDs: []string{"subnet-a", "subnet-b"},
		}}
		obs, err := ext.Observe(context.Background(), g)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: diff %v, want %v", c.reason, obs.Diff, c.diff)
		}
	}
}

// TestDBInstanceListedDrift observes a DB instance's security groups and
// parameter group, which RDS lists with a status: a group changed out of
// band differs from the spec; a security group RDS is still removing, or a
// parameter group whose settings wait for a reboot, does not.
func TestDBInstanceListedDrift(t *testing.T) {
	type sg struct{ id, status string }
	cases := []struct {
		reason string
		groups []sg
		params string // the parameter group and its ParameterApplyStatus
		diff   []string
	}{
		{reason: "the spec's groups: no difference", groups: []sg{{"sg-1", "active"}}, params: "<DBParameterGroupName>app</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus>"},
		{reason: "a group being removed and one being added, as the spec asks: no difference",
			groups: []sg{{"sg-0", "removing"}, {"sg-1", "adding"}},
			params: "<DBParameterGroupName>app</DBParameterGroupName><ParameterApplyStatus>pending-reboot</ParameterApplyStatus>"},
		{reason: "another security group out of band: a difference", groups: []sg{{"sg-2", "active"}},
			params: "<DBParameterGroupName>app</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus>", diff: []string{"vpcSecurityGroupIDs"}},
		{reason: "a security group added out of band: a difference", groups: []sg{{"sg-1", "active"}, {"sg-2", "active"}},
			params: "<DBParameterGroupName>app</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus>", diff: []string{"vpcSecurityGroupIDs"}},
		{reason: "another parameter group out of band: a difference", groups: []sg{{"sg-1", "active"}},
			params: "<DBParameterGroupName>other</DBParameterGroupName><ParameterApplyStatus>applying</ParameterApplyStatus>", diff: []string{"dbParameterGroupName"}},
	}
	for _, c := range cases {
		var groups strings.Builder
		for _, g := range c.groups {
			fmt.Fprintf(&groups, "<VpcSecurityGroupMembership><VpcSecurityGroupId>%s</VpcSecurityGroupId><Status>%s</Status></VpcSecurityGroupMembership>", g.id, g.status)
		}
		cfg := answering(t, "DescribeDBInstances", `<DBInstances><DBInstance>
<DBInstanceIdentifier>orders</DBInstanceIdentifier><DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:orders</DBInstanceArn>
<DBInstanceStatus>available</DBInstanceStatus><VpcSecurityGroups>`+groups.String()+`</VpcSecurityGroups>
<DBParameterGroups><DBParameterGroup>`+c.params+`</DBParameterGroup></DBParameterGroups></DBInstance></DBInstances>`)
		ext := dbinstance.Kind().Connect(cfg, managed.ClientOptions{})
		db := &v1alpha1.DBInstance{Spec: v1alpha1.DBInstanceSpec{
			DBInstanceIdentifier: aws.String("orders"), VPCSecurityGroupIDs: []string{"sg-1"}, DBParameterGroupName: aws.String("app"),
		}}
		obs, err := ext.Observe(context.Background(), db)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: diff %v, want %v", c.reason, obs.Diff, c.diff)
		}
	}
}

// TestDBClusterSecurityGroupDrift observes a DB cluster's security groups,
// listed with a status as an instance's are: one moved out of band differs
// from the spec, one RDS is still removing does not.
func TestDBClusterSecurityGroupDrift(t *testing.T) {
	cases := []struct {
		reason string
		groups string
		diff   []string
	}{
		{reason: "the spec's group, and one being removed: no difference",
			groups: "<VpcSecurityGroupMembership><VpcSecurityGroupId>sg-0</VpcSecurityGroupId><Status>removing</Status></VpcSecurityGroupMembership>" +
				"<VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>"},
		{reason: "another group out of band: a difference",
			groups: "<VpcSecurityGroupMembership><VpcSecurityGroupId>sg-2</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>",
			diff:   []string{"vpcSecurityGroupIDs"}},
	}
	for _, c := range cases {
		cfg := answering(t, "DescribeDBClusters", `<DBClusters><DBCluster>
<DBClusterIdentifier>reports</DBClusterIdentifier><DBClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:reports</DBClusterArn>
<Status>available</Status><VpcSecurityGroups>`+c.groups+`</VpcSecurityGroups></DBCluster></DBClusters>`)
		ext := dbcluster.Kind().Connect(cfg, managed.ClientOptions{})
		cl := &v1alpha1.DBCluster{Spec: v1alpha1.DBClusterSpec{DBClusterIdentifier: aws.String("reports"), VPCSecurityGroupIDs: []string{"sg-1"}}}
		obs, err := ext.Observe(context.Background(), cl)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: diff %v, want %v", c.reason, obs.Diff, c.diff)
		}
	}
}
