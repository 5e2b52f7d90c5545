package rds

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestKillAfterCreateDBSubnetGroup kills the controller right after RDS
// made a DB subnet group and before the controller heard of it. The
// restarted controller reads the group by name and claims it: one
// CreateDBSubnetGroup and no ModifyDBSubnetGroup (the create sent the
// subnets, which RDS reports under another name), the object Ready and its owner with RDS's VPC in
// its status, and deleting the object deletes the group.
func TestKillAfterCreateDBSubnetGroup(t *testing.T) {
	t.Parallel()
	e, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateDBSubnetGroup")
	vpc, subnets := subnetsInAWS(t)
	g := subnetGroup(e, "kill", "killed", subnets)
	e.Create(g)
	got := harness.WaitReady(e, g)
	if !killed() {
		t.Fatal("the controller was not killed after CreateDBSubnetGroup; the test did not test")
	}
	name := aws.ToString(g.Spec.Name)
	for op, n := range actionsOn(t, "DBSubnetGroupName", name) {
		if op == "CreateDBSubnetGroup" && n != 1 || op != "CreateDBSubnetGroup" && !isRead(op) {
			t.Errorf("%d %s calls for %s, want one create and no other write: the create sent the spec", n, op, name)
		}
	}
	harness.CheckOwnership(e, got, ackv1alpha1.OwnershipCreated)
	if v := aws.ToString(got.Status.VPCID); v != vpc {
		t.Errorf("status.vpcID %q, want %s", v, vpc)
	}
	e.Delete(got)
	e.WaitGone(got)
	if describeSubnetGroup(t, name) != nil {
		t.Errorf("DB subnet group %s is left after its object was deleted", name)
	}
}

// TestKillAfterCreateDBInstance kills the controller right after RDS made
// a DB instance and before the controller heard of it. The restarted
// controller reads the instance by identifier and claims it: one
// CreateDBInstance and no ModifyDBInstance (which would send the master
// password again), one instance, the object Ready and its owner, and
// deleting the object deletes the instance.
func TestKillAfterCreateDBInstance(t *testing.T) {
	t.Parallel()
	e, killed := suite.StartKilledAfter(t, harness.ControllerOptions{Region: region, Namespaces: []string{"kill"}}, "CreateDBInstance")
	db := dbInstance(e, "kill", "killed")
	e.Create(db)
	got := harness.WaitReady(e, db)
	if !killed() {
		t.Fatal("the controller was not killed after CreateDBInstance; the test did not test")
	}
	id := aws.ToString(db.Spec.DBInstanceIdentifier)
	// The create sent the spec and the password: a Modify would reset
	// the master credentials for nothing.
	if w := writesTo(t, id); !slices.Equal(w, []string{"CreateDBInstance"}) {
		t.Errorf("writes to %s: %v, want only one CreateDBInstance", id, w)
	}
	if n := instancesNamed(t, id); n != 1 {
		t.Errorf("%d DB instances %s in RDS, want 1", n, id)
	}
	harness.CheckOwnership(e, got, ackv1alpha1.OwnershipCreated)
	if s := aws.ToString(got.Status.DBInstanceStatus); s != "available" {
		t.Errorf("status.dbInstanceStatus %q, want available", s)
	}
	e.Delete(got)
	e.WaitGone(got)
	if describe(t, id) != nil {
		t.Errorf("DB instance %s is left after its object was deleted", id)
	}
}

// TestAdoptDBSubnetGroup: a DB subnet group made through the SDK is
// adopted, with no CreateDBSubnetGroup and no ModifyDBSubnetGroup (the
// subnets are compared with what RDS reports, not sent once). adopt makes
// the spec RDS's (its description and subnets copied in); adopt-or-create
// takes a group that matches its spec; with no group to adopt it creates
// one. A spec differing from the adopted group cannot run here: moto
// 5.2.1's ModifyDBSubnetGroup drops the group (TestSubnetIDsObserved in
// tests/managers/rds covers the comparison).
func TestAdoptDBSubnetGroup(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"adopt"})
	_, subnets := subnetsInAWS(t)
	for _, c := range []struct {
		policy          string
		existing        bool
		wantDescription string
		wantOwnership   ackv1alpha1.Ownership
	}{
		{policy: "adopt", existing: true, wantDescription: "made by hand", wantOwnership: ackv1alpha1.OwnershipAdopted},
		{policy: "adopt-or-create", existing: true, wantDescription: "made by hand", wantOwnership: ackv1alpha1.OwnershipAdopted},
		{policy: "adopt-or-create", existing: false, wantDescription: "from the spec", wantOwnership: ackv1alpha1.OwnershipCreated},
	} {
		t.Run(fmt.Sprintf("%s/existing=%t", c.policy, c.existing), func(t *testing.T) {
			t.Parallel()
			e := e.For(t)
			// adopt replaces subnetIDs with RDS's; adopt-or-create may
			// create, which needs them.
			g := subnetGroup(e, "adopt", fmt.Sprintf("%s-%t", c.policy, c.existing), subnets)
			name := aws.ToString(g.Spec.Name)
			if c.existing {
				if _, err := rdsClient().CreateDBSubnetGroup(context.Background(), &rds.CreateDBSubnetGroupInput{
					DBSubnetGroupName: aws.String(name), DBSubnetGroupDescription: aws.String("made by hand"), SubnetIds: subnets,
				}); err != nil {
					t.Fatalf("CreateDBSubnetGroup %s: %v", name, err)
				}
			}
			if c.policy == "adopt" || !c.existing {
				g.Spec.Description = aws.String("from the spec")
			} else {
				g.Spec.Description = aws.String("made by hand")
			}
			g.Annotations = map[string]string{"services.k8s.aws/adoption-policy": c.policy}
			e.Create(g)
			got := harness.WaitFor(e, g, "to be "+string(c.wantOwnership)+" and synced", func(g *v1alpha1.DBSubnetGroup) error {
				if md := g.Status.ACKResourceMetadata; md == nil || md.Ownership != c.wantOwnership {
					return fmt.Errorf("resource metadata %+v, want ownership %s", md, c.wantOwnership)
				}
				return harness.ConditionIs[*v1alpha1.DBSubnetGroup]("ACK.ResourceSynced", metav1.ConditionTrue)(g)
			})
			if got.Status.ACKResourceMetadata.ARN == nil || got.Status.VPCID == nil || len(got.Status.Subnets) != 2 {
				t.Errorf("status: ARN %v, vpcID %v, %d subnets; want all filled, two subnets", got.Status.ACKResourceMetadata.ARN, got.Status.VPCID, len(got.Status.Subnets))
			}
			if d := aws.ToString(got.Spec.Description); d != c.wantDescription {
				t.Errorf("spec.description %q, want %q", d, c.wantDescription)
			}
			if have := slices.Sorted(slices.Values(got.Spec.SubnetIDs)); !slices.Equal(have, slices.Sorted(slices.Values(subnets))) {
				t.Errorf("spec.subnetIDs %v, want RDS's %v", have, subnets)
			}
			waitAWS(t, func() error {
				if d := aws.ToString(describeSubnetGroup(t, name).DBSubnetGroupDescription); d != c.wantDescription {
					return fmt.Errorf("RDS's description of %s %q, want %q", name, d, c.wantDescription)
				}
				return nil
			})
			for op, n := range actionsOn(t, "DBSubnetGroupName", name) {
				if op == "CreateDBSubnetGroup" && n != 1 || op == "ModifyDBSubnetGroup" || op == "DeleteDBSubnetGroup" {
					t.Errorf("%d %s calls for %s, want one create (the test's or the controller's) and no modify", n, op, name)
				}
			}
		})
	}
}

// TestDBInstanceReadOnlyThenManaged: a DB instance the controller created
// is made read-only. A spec change (allocatedStorage) and a change made in
// RDS outside Kubernetes (the class) are both reported and neither written
// over, through several resyncs; once the annotation goes the object
// manages the instance again and both become the spec's, with no second
// CreateDBInstance.
func TestDBInstanceReadOnlyThenManaged(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"ro"}, "DBInstance")
	db := dbInstance(e.Env, "ro", "watched")
	id := aws.ToString(db.Spec.DBInstanceIdentifier)
	e.Create(db)
	harness.WaitReady(e.Env, db)

	e.Annotate(db, map[string]string{"services.k8s.aws/read-only": "true"})
	harness.Edit(e.Env, db, func(d *v1alpha1.DBInstance) { d.Spec.AllocatedStorage = aws.Int64(30) })
	if _, err := rdsClient().ModifyDBInstance(context.Background(), &rds.ModifyDBInstanceInput{
		DBInstanceIdentifier: aws.String(id), DBInstanceClass: aws.String("db.t3.large"), ApplyImmediately: aws.Bool(true),
	}); err != nil {
		t.Fatal(err)
	}
	harness.WaitFor(e.Env, db, "to report the difference read-only", func(d *v1alpha1.DBInstance) error {
		c := harness.Condition(d, "ACK.ResourceSynced")
		if c == nil || c.Reason != "ReadOnly" || c.ObservedGeneration != d.Generation || !strings.Contains(c.Message, "allocatedStorage") || !strings.Contains(c.Message, "dbInstanceClass") {
			return fmt.Errorf("ACK.ResourceSynced %+v, want ReadOnly naming allocatedStorage and dbInstanceClass at generation %d", c, d.Generation)
		}
		return nil
	})
	writes := writesTo(t, id)
	reads := len(readsOf(t, id))
	waitAWS(t, func() error {
		if n := len(readsOf(t, id)); n < reads+3 {
			return fmt.Errorf("%d DescribeDBInstances calls while read-only, want three resyncs", n-reads)
		}
		return nil
	})
	if now := writesTo(t, id); !slices.Equal(now, writes) {
		t.Errorf("writes to %s while read-only: %v, want none after %v", id, now[len(writes):], writes)
	}
	if d := describe(t, id); aws.ToInt32(d.AllocatedStorage) != 20 || aws.ToString(d.DBInstanceClass) != "db.t3.large" {
		t.Errorf("read-only instance: storage %d, class %s; want RDS's 20 and db.t3.large untouched", aws.ToInt32(d.AllocatedStorage), aws.ToString(d.DBInstanceClass))
	}

	e.Annotate(db, map[string]string{"services.k8s.aws/read-only": ""})
	waitAWS(t, func() error {
		d := describe(t, id)
		if aws.ToInt32(d.AllocatedStorage) != 30 || aws.ToString(d.DBInstanceClass) != "db.t3.micro" {
			return fmt.Errorf("RDS has storage %d and class %s, want the spec's 30 and db.t3.micro", aws.ToInt32(d.AllocatedStorage), aws.ToString(d.DBInstanceClass))
		}
		return nil
	})
	got := harness.WaitReady(e.Env, db)
	if md := got.Status.ACKResourceMetadata; md == nil || md.Ownership != ackv1alpha1.OwnershipCreated {
		t.Errorf("resource metadata %+v after read-only, want ownership Created kept", md)
	}
	if n := actionsOn(t, "DBInstanceIdentifier", id)["CreateDBInstance"]; n != 1 {
		t.Errorf("%d CreateDBInstance calls for %s, want 1", n, id)
	}
}

// incumbentDB is a DB instance and what it needs written in the
// incumbent's field names and shapes: the EC2 network, a DBSubnetGroup
// with subnetRefs, and a DBInstance whose masterUserPassword is a Secret
// key reference with namespace, name and key. NAMESPACE and P (a prefix for AWS
// names) are replaced by the test.
const incumbentDB = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPC
metadata:
  name: app-vpc
spec:
  cidrBlocks:
  - 10.30.0.0/16
  enableDNSSupport: true
  enableDNSHostnames: true
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata:
  name: app-db-a
spec:
  vpcRef:
    from:
      name: app-vpc
  cidrBlock: 10.30.1.0/24
  availabilityZone: us-east-1a
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: Subnet
metadata:
  name: app-db-b
spec:
  vpcRef:
    from:
      name: app-vpc
  cidrBlock: 10.30.2.0/24
  availabilityZone: us-east-1b
---
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: SecurityGroup
metadata:
  name: app-db
spec:
  name: P-app-db
  description: database access
  vpcRef:
    from:
      name: app-vpc
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBSubnetGroup
metadata:
  name: app-db
spec:
  name: P-app-db
  description: app database subnets
  subnetRefs:
  - from:
      name: app-db-a
  - from:
      name: app-db-b
  tags:
  - key: app
    value: shop
---
apiVersion: v1
kind: Secret
metadata:
  name: app-db-master
type: Opaque
stringData:
  password: incumbent-password-1
---
apiVersion: rds.services.k8s.aws/v1alpha1
kind: DBInstance
metadata:
  name: app-db
spec:
  dbInstanceIdentifier: P-app-db
  dbInstanceClass: db.t3.micro
  engine: postgres
  engineVersion: "16.3"
  allocatedStorage: 20
  storageType: gp2
  dbName: shop
  port: 5432
  masterUsername: shopadmin
  masterUserPassword:
    namespace: NAMESPACE
    name: app-db-master
    key: password
  dbSubnetGroupRef:
    from:
      name: app-db
  vpcSecurityGroupRefs:
  - from:
      name: app-db
  backupRetentionPeriod: 7
  preferredBackupWindow: 03:00-04:00
  multiAZ: false
  publiclyAccessible: false
  storageEncrypted: true
  copyTagsToSnapshot: true
  deletionProtection: false
  autoMinorVersionUpgrade: true
  tags:
  - key: app
    value: shop
`

// TestIncumbentDBInstanceManifest applies a manifest written for the
// incumbent, unchanged, with kubectl apply --validate=strict: the API
// server accepts every field, every object becomes Ready, RDS has the
// instance as written in the subnet group and security group the EC2
// controller made, and CreateDBInstance sent the Secret's password.
func TestIncumbentDBInstanceManifest(t *testing.T) {
	t.Parallel()
	e := start(t, []string{"incumbent"})
	ns := e.NS("incumbent")
	e.apply("incumbent", strings.NewReplacer("NAMESPACE", ns, "P-", e.Prefix+"-").Replace(incumbentDB))
	harness.WaitReady(e.Env, &v1alpha1.DBSubnetGroup{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "app-db"}})
	harness.WaitReady(e.Env, &v1alpha1.DBInstance{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "app-db"}})
	id := e.Prefix + "-app-db"
	d := describe(t, id)
	if d == nil {
		t.Fatalf("no DB instance %s in RDS after Ready", id)
	}
	var group string
	if d.DBSubnetGroup != nil {
		group = aws.ToString(d.DBSubnetGroup.DBSubnetGroupName)
	}
	var port int32
	if d.Endpoint != nil {
		port = aws.ToInt32(d.Endpoint.Port)
	}
	have := fmt.Sprintf("class %s, engine %s %s, storage %d %s, db %s, port %d, user %s, subnet group %s, %d security groups, backups %d at %s, multiAZ %t, public %t, encrypted %t, copy tags %t, deletion protection %t, minor upgrades %t",
		aws.ToString(d.DBInstanceClass), aws.ToString(d.Engine), aws.ToString(d.EngineVersion), aws.ToInt32(d.AllocatedStorage), aws.ToString(d.StorageType),
		aws.ToString(d.DBName), port, aws.ToString(d.MasterUsername), group, len(d.VpcSecurityGroups), aws.ToInt32(d.BackupRetentionPeriod), aws.ToString(d.PreferredBackupWindow),
		aws.ToBool(d.MultiAZ), aws.ToBool(d.PubliclyAccessible), aws.ToBool(d.StorageEncrypted), aws.ToBool(d.CopyTagsToSnapshot), aws.ToBool(d.DeletionProtection), aws.ToBool(d.AutoMinorVersionUpgrade))
	want := fmt.Sprintf("class db.t3.micro, engine postgres 16.3, storage 20 gp2, db shop, port 5432, user shopadmin, subnet group %s, 1 security groups, backups 7 at 03:00-04:00, multiAZ false, public false, encrypted true, copy tags true, deletion protection false, minor upgrades true", id)
	if have != want {
		t.Errorf("DB instance %s in RDS:\n have %s\n want %s", id, have, want)
	}
	if p := sent(t, "CreateDBInstance", "DBInstanceIdentifier", id, "MasterUserPassword"); p != "incumbent-password-1" {
		t.Errorf("CreateDBInstance sent the password %q, want the Secret's", p)
	}
}

// subnetGroup is a DBSubnetGroup named after name in the test's namespace
// ns, on subnets.
func subnetGroup(e *harness.Env, ns, name string, subnets []string) *v1alpha1.DBSubnetGroup {
	return &v1alpha1.DBSubnetGroup{
		ObjectMeta: metav1.ObjectMeta{Namespace: e.NS(ns), Name: name},
		Spec:       v1alpha1.DBSubnetGroupSpec{Name: aws.String(e.Unique(name)), Description: aws.String("two zones"), SubnetIDs: subnets},
	}
}

// dbInstance is a small postgres DBInstance named after name in the
// test's namespace ns, with its master password in a Secret it creates.
func dbInstance(e *harness.Env, ns, name string) *v1alpha1.DBInstance {
	e.T.Helper()
	secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Namespace: e.NS(ns), Name: name + "-password"}, StringData: map[string]string{"password": "secret-password-1"}}
	e.Create(secret)
	return &v1alpha1.DBInstance{
		ObjectMeta: metav1.ObjectMeta{Namespace: e.NS(ns), Name: name},
		Spec: v1alpha1.DBInstanceSpec{
			DBInstanceIdentifier: aws.String(e.Unique(name)),
			DBInstanceClass:      aws.String("db.t3.micro"),
			Engine:               aws.String("postgres"),
			AllocatedStorage:     aws.Int64(20),
			MasterUsername:       aws.String("kubesmith"),
			MasterUserPassword:   &ackv1alpha1.SecretKeyReference{Name: secret.Name, Key: "password"},
		},
	}
}

// subnetsInAWS makes, through the SDK, a VPC with a subnet in each of two
// zones, and returns their IDs.
func subnetsInAWS(t *testing.T) (vpc string, subnets []string) {
	t.Helper()
	ctx, c := context.Background(), ec2.NewFromConfig(suite.Moto.AWSConfig(region))
	v, err := c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.40.0.0/16")})
	if err != nil {
		t.Fatalf("CreateVpc: %v", err)
	}
	vpc = aws.ToString(v.Vpc.VpcId)
	for i, zone := range []string{"us-east-1a", "us-east-1b"} {
		s, err := c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: &vpc, CidrBlock: aws.String(fmt.Sprintf("10.40.%d.0/24", i+1)), AvailabilityZone: aws.String(zone)})
		if err != nil {
			t.Fatalf("CreateSubnet in %s: %v", zone, err)
		}
		subnets = append(subnets, aws.ToString(s.Subnet.SubnetId))
	}
	return vpc, subnets
}

// describeSubnetGroup reads a DB subnet group through the SDK; nil when
// RDS has none.
func describeSubnetGroup(t *testing.T, name string) *rdstypes.DBSubnetGroup {
	t.Helper()
	out, err := rdsClient().DescribeDBSubnetGroups(context.Background(), &rds.DescribeDBSubnetGroupsInput{DBSubnetGroupName: aws.String(name)})
	if isNotFound(t, "DescribeDBSubnetGroups "+name, err) || len(out.DBSubnetGroups) == 0 {
		return nil
	}
	return &out.DBSubnetGroups[0]
}

// instancesNamed counts the DB instances RDS lists under id.
func instancesNamed(t *testing.T, id string) int {
	t.Helper()
	out, err := rdsClient().DescribeDBInstances(context.Background(), &rds.DescribeDBInstancesInput{})
	if err != nil {
		t.Fatalf("DescribeDBInstances: %v", err)
	}
	n := 0
	for _, d := range out.DBInstances {
		if aws.ToString(d.DBInstanceIdentifier) == id {
			n++
		}
	}
	return n
}

// actionsOn counts the recorded RDS calls naming id as idMember, by
// action.
func actionsOn(t *testing.T, idMember, id string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, f := range recorded(t, id, idMember) {
		counts[f.Get("Action")]++
	}
	return counts
}

// readsOf are the recorded reads naming the DB instance.
func readsOf(t *testing.T, id string) []string {
	t.Helper()
	var out []string
	for _, f := range recorded(t, id, "DBInstanceIdentifier") {
		if isRead(f.Get("Action")) {
			out = append(out, f.Get("Action"))
		}
	}
	return out
}

// writesTo are the recorded writes naming the DB instance, in order.
func writesTo(t *testing.T, id string) []string {
	t.Helper()
	var out []string
	for _, f := range recorded(t, id, "DBInstanceIdentifier") {
		if !isRead(f.Get("Action")) {
			out = append(out, f.Get("Action"))
		}
	}
	return out
}
