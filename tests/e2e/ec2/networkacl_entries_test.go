package ec2

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// aclEntriesManifest is a NetworkACL in the manifest's VPC with one
// ingress entry (HTTPS in) and one egress entry (everything out), in the
// incumbent's field names.
const aclEntriesManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: NetworkACL
metadata:
  name: acl-entries
spec:
  vpcRef:
    from:
      name: vpc-demo
  entries:
  - ruleNumber: 100
    egress: false
    protocol: "6"
    ruleAction: allow
    cidrBlock: 0.0.0.0/0
    portRange: {from: 443, to: 443}
  - ruleNumber: 100
    egress: true
    protocol: "-1"
    ruleAction: allow
    cidrBlock: 0.0.0.0/0
  tags:
  - key: Name
    value: acl-entries
`

// aclEntriesOf are a network ACL's entries as "in|out number action
// protocol cidr from-to", sorted, without the deny-all entries AWS adds.
func aclEntriesOf(acl *types.NetworkAcl) []string {
	var out []string
	for _, e := range acl.Entries {
		if aws.ToInt32(e.RuleNumber) == 32767 {
			continue
		}
		dir := "in"
		if aws.ToBool(e.Egress) {
			dir = "out"
		}
		s := fmt.Sprintf("%s %d %s %s %s", dir, aws.ToInt32(e.RuleNumber), e.RuleAction, aws.ToString(e.Protocol), aws.ToString(e.CidrBlock))
		if p := e.PortRange; p != nil && (p.From != nil || p.To != nil) {
			s += fmt.Sprintf(" %d-%d", aws.ToInt32(p.From), aws.ToInt32(p.To))
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// waitACLEntries waits for a network ACL's entries to be want.
func waitACLEntries(t *testing.T, region, id string, want []string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeNetworkACL(t, region, id)
		if got == nil {
			return fmt.Errorf("network ACL %s is not in %s", id, region)
		}
		if have := aclEntriesOf(got); !slices.Equal(have, want) {
			return fmt.Errorf("network ACL %s has entries %v, want %v", id, have, want)
		}
		return nil
	})
}

// TestNetworkACLEntries applies a NetworkACL with an ingress and an egress
// entry: it becomes Ready with both in EC2 beside the deny-all entries AWS
// adds, which are no drift (no write per unchanged resync) and stay; an
// entry changed in the spec is replaced in EC2; an entry deleted out of
// band is put back; deleting the NetworkACL removes it.
func TestNetworkACLEntries(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"acl-entries"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "NetworkACL=1"},
	})}
	var a v1alpha1.NetworkACL
	if err := yaml.UnmarshalStrict([]byte(aclEntriesManifest), &a); err != nil {
		t.Fatalf("the network ACL manifest: %v", err)
	}
	a.Namespace = e.NS("acl-entries")
	v := e.demo("acl-entries", nil)
	e.Create(v)
	readyVPC := harness.WaitReady(e.Env, v)
	e.Create(&a)
	ready := harness.WaitReady(e.Env, &a)
	id := aws.ToString(ready.Status.NetworkACLID)
	in443 := "in 100 allow 6 0.0.0.0/0 443-443"
	outAll := "out 100 allow -1 0.0.0.0/0"
	waitACLEntries(t, region, id, []string{in443, outAll})
	addDenyAll(t, region, id)

	e.checkEconomy("NetworkACL", id, "DescribeNetworkAcls")
	if n := countDenyAll(describeNetworkACL(t, region, id)); n != 2 {
		t.Errorf("network ACL %s has %d deny-all entries (32767) after resyncs, want AWS's 2 kept", id, n)
	}

	harness.Edit(e.Env, ready, func(a *v1alpha1.NetworkACL) {
		a.Spec.Entries[0].PortRange = &v1alpha1.PortRange{From: aws.Int64(80), To: aws.Int64(80)}
	})
	in80 := "in 100 allow 6 0.0.0.0/0 80-80"
	waitACLEntries(t, region, id, []string{in80, outAll})

	if _, err := ec2Client(region).DeleteNetworkAclEntry(context.Background(), &ec2.DeleteNetworkAclEntryInput{
		NetworkAclId: &id, RuleNumber: aws.Int32(100), Egress: aws.Bool(true),
	}); err != nil {
		t.Fatalf("DeleteNetworkAclEntry out of band: %v", err)
	}
	waitACLEntries(t, region, id, []string{in80, outAll})
	if got := describeNetworkACL(t, region, id); countDenyAll(got) != 2 {
		t.Errorf("network ACL %s has %d deny-all entries (32767) after the changes, want AWS's 2 kept", id, countDenyAll(got))
	}
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeNetworkACL(t, region, id) != nil {
			return fmt.Errorf("network ACL %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
	e.waitDeleted(region, readyVPC)
}

// countDenyAll counts a network ACL's entries numbered 32767, AWS's own.
func countDenyAll(acl *types.NetworkAcl) int {
	n := 0
	for _, e := range acl.Entries {
		if aws.ToInt32(e.RuleNumber) == 32767 {
			n++
		}
	}
	return n
}

// addDenyAll adds, where the emulator lacks them, the deny-all entries
// (32767, each direction) AWS adds to every network ACL.
func addDenyAll(t *testing.T, region, id string) {
	t.Helper()
	if countDenyAll(describeNetworkACL(t, region, id)) == 2 {
		return
	}
	for _, egress := range []bool{false, true} {
		if _, err := ec2Client(region).CreateNetworkAclEntry(context.Background(), &ec2.CreateNetworkAclEntryInput{
			NetworkAclId: &id, RuleNumber: aws.Int32(32767), Egress: aws.Bool(egress),
			Protocol: aws.String("-1"), RuleAction: types.RuleActionDeny, CidrBlock: aws.String("0.0.0.0/0"),
		}); err != nil {
			t.Fatalf("adding the deny-all entry (egress %v) AWS would have: %v", egress, err)
		}
	}
}
