package ec2

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestObjectWrites counts what the API server stored for a VPC, a
// SecurityGroup with rules and a DHCPOptions with tags, all of which EC2
// takes only after the create (attributes, rules, tags): the update that
// sends them runs in the create's pass, so each create costs the
// finalizer with its create record, then one status write, and each
// deletion one status write before the finalizer goes.
func TestObjectWrites(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{Namespaces: []string{"writes"}, Region: region})}
	ns := e.NS("writes")
	logs := map[string]*harness.WriteLog{}
	for _, r := range []string{"vpcs", "securitygroups", "dhcpoptions"} {
		logs[r] = suite.Kube.WatchWrites(t, v1alpha1.GroupVersion.WithResource(r), ns)
	}
	var sg v1alpha1.SecurityGroup
	var d v1alpha1.DHCPOptions
	for m, obj := range map[string]any{securityGroupManifest: &sg, dhcpManifest: &d} {
		if err := yaml.UnmarshalStrict([]byte(m), obj); err != nil {
			t.Fatalf("a manifest: %v", err)
		}
	}
	sg.Namespace, d.Namespace = ns, ns
	// The VPC first: a SecurityGroup waiting for its vpcRef writes why.
	v := e.demo("writes", nil)
	e.Create(v)
	harness.WaitReady(e.Env, v)
	e.Create(&sg)
	e.Create(&d)
	readySG := harness.WaitReady(e.Env, &sg)
	readyDHCP := harness.WaitReady(e.Env, &d)
	if g := describeGroup(t, region, aws.ToString(readySG.Status.ID)); g == nil || len(g.IpPermissions) != 2 {
		t.Errorf("security group %s is Ready with ingress %+v, want the manifest's two rules", sg.Name, g)
	}
	if o := describeDHCPOptions(t, region, aws.ToString(readyDHCP.Status.DhcpOptionsID)); o == nil || len(o.Tags) == 0 {
		t.Errorf("DHCP options %s are Ready with %+v, want the manifest's tags", d.Name, o)
	}
	e.Delete(&sg)
	e.Delete(&d)
	e.WaitGone(&sg)
	e.WaitGone(&d)
	e.Delete(v)
	e.WaitGone(v)
	logs["vpcs"].CheckWrites(t, v.Name, 2, 1)
	logs["securitygroups"].CheckWrites(t, sg.Name, 2, 1)
	logs["dhcpoptions"].CheckWrites(t, d.Name, 2, 1)
}
