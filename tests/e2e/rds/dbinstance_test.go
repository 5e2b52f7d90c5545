package rds

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// stack is issue 14's RDS stack as one folder of manifests: a VPC with two
// Subnets in two zones and a SecurityGroup (made by the EC2 controller), a
// DBSubnetGroup on the Subnets, a DBParameterGroup, the master password's
// Secret, and a DBInstance naming all of them by reference. %[1]s makes
// the AWS names unique.
const stack = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPC
metadata: {name: db-vpc}
spec: {cidrBlocks: [10.20.0.0/16]}
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata: {name: db-a}
spec: {vpcRef: {from: {name: db-vpc}}, cidrBlock: 10.20.1.0/24, availabilityZone: us-east-1a}
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata: {name: db-b}
spec: {vpcRef: {from: {name: db-vpc}}, cidrBlock: 10.20.2.0/24, availabilityZone: us-east-1b}
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: SecurityGroup
metadata: {name: db-sg}
spec: {name: %[1]s-db, description: the database, vpcRef: {from: {name: db-vpc}}}
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBSubnetGroup
metadata: {name: db-subnets}
spec:
  name: %[1]s-subnets
  description: two zones
  subnetRefs: [{from: {name: db-a}}, {from: {name: db-b}}]
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBParameterGroup
metadata: {name: db-params}
spec:
  name: %[1]s-params
  family: postgres16
  description: orders settings
  parameterOverrides: {log_min_duration_statement: "500"}
---
apiVersion: v1
kind: Secret
metadata: {name: db-password}
stringData: {password: first-password-1}
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBInstance
metadata: {name: orders}
spec:
  dbInstanceIdentifier: %[1]s-orders
  dbInstanceClass: db.t3.micro
  engine: postgres
  allocatedStorage: 20
  masterUsername: kubesmith
  masterUserPassword: {name: db-password, key: password}
  dbSubnetGroupRef: {from: {name: db-subnets}}
  dbParameterGroupRef: {from: {name: db-params}}
  vpcSecurityGroupRefs: [{from: {name: db-sg}}]
  tags: [{key: team, value: orders}]
`

// TestDBInstance is issue 14's RDS acceptance: the stack applied in one
// kubectl apply becomes Ready on every kind, and RDS has the instance with
// its engine, class, subnet group and parameter group, the group its
// parameterOverrides; allocatedStorage
// and the class changed in the spec reach RDS at once (ApplyImmediately);
// a password rotated in the Secret is sent by ModifyDBInstance; a class,
// and the security groups and parameter group, changed out of band are put
// back at resync; ten unchanged resyncs cost
// one DescribeDBInstances and one ListTagsForResource each and no write;
// deleting the instance (no final snapshot) removes it from RDS.
func TestDBInstance(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"stack"}, "DBInstance")
	id := e.Unique("orders")
	e.apply("stack", fmt.Sprintf(stack, e.Prefix))
	ns := e.NS("stack")
	for _, o := range []harness.Managed{
		&v1alpha1.DBSubnetGroup{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "db-subnets"}},
		&v1alpha1.DBParameterGroup{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "db-params"}},
	} {
		harness.WaitReady(e.Env, o)
	}
	db := harness.WaitReady(e.Env, &v1alpha1.DBInstance{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "orders"}})
	got := describe(t, id)
	if got == nil {
		t.Fatalf("no DB instance %s in RDS after Ready", id)
	}
	if aws.ToString(got.Engine) != "postgres" || aws.ToString(got.DBInstanceClass) != "db.t3.micro" ||
		got.DBSubnetGroup == nil || aws.ToString(got.DBSubnetGroup.DBSubnetGroupName) != e.Prefix+"-subnets" ||
		len(got.DBParameterGroups) != 1 || aws.ToString(got.DBParameterGroups[0].DBParameterGroupName) != e.Prefix+"-params" {
		t.Errorf("DB instance in RDS: engine %q, class %q, subnet group %+v, parameter groups %+v; want postgres, db.t3.micro, %s-subnets, %s-params",
			aws.ToString(got.Engine), aws.ToString(got.DBInstanceClass), got.DBSubnetGroup, got.DBParameterGroups, e.Prefix, e.Prefix)
	}
	waitParameters(t, e.Prefix+"-params", map[string]string{"log_min_duration_statement": "500"})
	if len(got.DBSubnetGroup.Subnets) != 2 {
		t.Errorf("subnet group in RDS has %d subnets, want the two Subnets", len(got.DBSubnetGroup.Subnets))
	}
	if p := sent(t, "CreateDBInstance", "DBInstanceIdentifier", id, "MasterUserPassword"); p != "first-password-1" {
		t.Errorf("CreateDBInstance sent the password %q, want the Secret's", p)
	}
	if strings.Contains(fmt.Sprintf("%+v", db), "first-password-1") {
		t.Errorf("the object shows the password: %+v", db)
	}

	harness.Edit(e.Env, db, func(d *v1alpha1.DBInstance) {
		d.Spec.AllocatedStorage = aws.Int64(30)
		d.Spec.DBInstanceClass = aws.String("db.t3.small")
	})
	waitAWS(t, func() error {
		d := describe(t, id)
		if aws.ToInt32(d.AllocatedStorage) != 30 || aws.ToString(d.DBInstanceClass) != "db.t3.small" {
			return fmt.Errorf("RDS has storage %d and class %s, want 30 and db.t3.small", aws.ToInt32(d.AllocatedStorage), aws.ToString(d.DBInstanceClass))
		}
		return nil
	})
	if a := sent(t, "ModifyDBInstance", "DBInstanceIdentifier", id, "ApplyImmediately"); a != "true" {
		t.Errorf("ModifyDBInstance sent ApplyImmediately %q, want true", a)
	}
	harness.WaitReady(e.Env, db)

	secret := &corev1.Secret{}
	if err := e.K.Get(context.Background(), clientKey(ns, "db-password"), secret); err != nil {
		t.Fatal(err)
	}
	secret.StringData = map[string]string{"password": "second-password-2"}
	if err := e.K.Update(context.Background(), secret); err != nil {
		t.Fatal(err)
	}
	waitAWS(t, func() error {
		if p := sent(t, "ModifyDBInstance", "DBInstanceIdentifier", id, "MasterUserPassword"); p != "second-password-2" {
			return fmt.Errorf("ModifyDBInstance sent the password %q, want the rotated one", p)
		}
		return nil
	})

	if _, err := rdsClient().ModifyDBInstance(context.Background(), &rds.ModifyDBInstanceInput{
		DBInstanceIdentifier: aws.String(id), DBInstanceClass: aws.String("db.t3.large"), ApplyImmediately: aws.Bool(true),
	}); err != nil {
		t.Fatal(err)
	}
	waitAWS(t, func() error {
		if c := aws.ToString(describe(t, id).DBInstanceClass); c != "db.t3.small" {
			return fmt.Errorf("RDS has class %s, want db.t3.small put back", c)
		}
		return nil
	})
	harness.WaitReady(e.Env, db)

	outOfBandGroups(t, e.Prefix, id, got)
	harness.WaitReady(e.Env, db)

	arn := aws.ToString(got.DBInstanceArn)
	harness.CheckSteadyReads(e.Env, "rds", "DBInstance", func() map[string]int { return opsOn(t, "DBInstanceIdentifier", id, arn) }, isRead,
		"DescribeDBInstances", "ListTagsForResource")

	e.Delete(db)
	e.WaitGone(db)
	if d := describe(t, id); d != nil {
		t.Errorf("DB instance %s is still in RDS (%s) after its object is gone", id, aws.ToString(d.DBInstanceStatus))
	}
	if s := sent(t, "DeleteDBInstance", "DBInstanceIdentifier", id, "SkipFinalSnapshot"); s != "true" {
		t.Errorf("DeleteDBInstance sent SkipFinalSnapshot %q, want true", s)
	}
}

// describe reads a DB instance through the SDK; nil when RDS has none.
func describe(t *testing.T, id string) *rdstypes.DBInstance {
	t.Helper()
	out, err := rdsClient().DescribeDBInstances(context.Background(), &rds.DescribeDBInstancesInput{DBInstanceIdentifier: aws.String(id)})
	if isNotFound(t, "DescribeDBInstances "+id, err) || len(out.DBInstances) == 0 {
		return nil
	}
	return &out.DBInstances[0]
}

// waitParameters waits until RDS reports want among a DB parameter
// group's parameters.
func waitParameters(t *testing.T, group string, want map[string]string) {
	t.Helper()
	waitAWS(t, func() error {
		out, err := rdsClient().DescribeDBParameters(context.Background(), &rds.DescribeDBParametersInput{DBParameterGroupName: aws.String(group), Source: aws.String("user")})
		if err != nil {
			return err
		}
		got := map[string]string{}
		for _, p := range out.Parameters {
			got[aws.ToString(p.ParameterName)] = aws.ToString(p.ParameterValue)
		}
		for k, v := range want {
			if got[k] != v {
				return fmt.Errorf("parameter group %s has %v, want %s=%s", group, got, k, v)
			}
		}
		return nil
	})
}

// outOfBandGroups moves the instance id to another security group of its
// VPC and another parameter group through the SDK, and waits until the
// controller puts back the ones of the stack that got (the instance as
// first read) reports.
func outOfBandGroups(t *testing.T, prefix, id string, got *rdstypes.DBInstance) {
	t.Helper()
	ctx := context.Background()
	if len(got.VpcSecurityGroups) != 1 {
		t.Fatalf("DB instance in RDS has security groups %+v, want the stack's one", got.VpcSecurityGroups)
	}
	sg := aws.ToString(got.VpcSecurityGroups[0].VpcSecurityGroupId)
	ec2c := ec2.NewFromConfig(suite.Moto.AWSConfig(region))
	sgs, err := ec2c.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIds: []string{sg}})
	if err != nil || len(sgs.SecurityGroups) != 1 {
		t.Fatalf("DescribeSecurityGroups %s: %v", sg, err)
	}
	other, err := ec2c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{
		GroupName: aws.String(prefix + "-other"), Description: aws.String("out of band"), VpcId: sgs.SecurityGroups[0].VpcId,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rdsClient().CreateDBParameterGroup(ctx, &rds.CreateDBParameterGroupInput{
		DBParameterGroupName: aws.String(prefix + "-other"), DBParameterGroupFamily: aws.String("postgres16"), Description: aws.String("out of band"),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := rdsClient().ModifyDBInstance(ctx, &rds.ModifyDBInstanceInput{
		DBInstanceIdentifier: aws.String(id), VpcSecurityGroupIds: []string{aws.ToString(other.GroupId)},
		DBParameterGroupName: aws.String(prefix + "-other"), ApplyImmediately: aws.Bool(true),
	}); err != nil {
		t.Fatal(err)
	}
	waitAWS(t, func() error {
		d := describe(t, id)
		var groups []string
		for _, g := range d.VpcSecurityGroups {
			groups = append(groups, aws.ToString(g.VpcSecurityGroupId))
		}
		var params []string
		for _, p := range d.DBParameterGroups {
			params = append(params, aws.ToString(p.DBParameterGroupName))
		}
		if len(groups) != 1 || groups[0] != sg || len(params) != 1 || params[0] != prefix+"-params" {
			return fmt.Errorf("RDS has security groups %v and parameter groups %v, want [%s] and [%s-params] put back", groups, params, sg, prefix)
		}
		return nil
	})
}
