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

// dhcpManifest is a DHCPOptions written for the incumbent's CRD.
const dhcpManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: DHCPOptions
metadata:
  name: corp-dns
spec:
  dhcpConfigurations:
  - key: domain-name
    values: [corp.example]
  - key: domain-name-servers
    values: [10.0.0.2, 10.0.0.3]
  tags:
  - key: Name
    value: corp-dns
`

// describeDHCPOptions reads a DHCP options set through the SDK; nil when
// EC2 says there is none.
func describeDHCPOptions(t *testing.T, region, id string) *types.DhcpOptions {
	t.Helper()
	out, err := ec2Client(region).DescribeDhcpOptions(context.Background(), &ec2.DescribeDhcpOptionsInput{DhcpOptionsIds: []string{id}})
	return first(t, "DescribeDhcpOptions "+id+" in "+region, err, func() []types.DhcpOptions { return out.DhcpOptions }, "InvalidDhcpOptionID.NotFound")
}

// dhcpValues lists the values of one key of a DHCP options set.
func dhcpValues(o *types.DhcpOptions, key string) []string {
	var out []string
	for _, c := range o.DhcpConfigurations {
		if aws.ToString(c.Key) != key {
			continue
		}
		for _, v := range c.Values {
			out = append(out, aws.ToString(v.Value))
		}
	}
	slices.Sort(out)
	return out
}

// TestDHCPOptions applies the manifest: it becomes Ready, EC2 has an
// options set with its domain name, name servers and Name tag; an
// unchanged set costs no write per resync; the Name tag deleted out of
// band is put back, and one changed in the spec is changed in EC2; and
// deleting the object deletes the set.
func TestDHCPOptions(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{"dhcp"},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "DHCPOptions=1"},
	})}
	var d v1alpha1.DHCPOptions
	if err := yaml.UnmarshalStrict([]byte(dhcpManifest), &d); err != nil {
		t.Fatalf("the DHCP options manifest: %v", err)
	}
	d.Namespace = e.NS("dhcp")
	e.Create(&d)
	ready := harness.WaitReady(e.Env, &d)
	id := aws.ToString(ready.Status.DhcpOptionsID)
	got := describeDHCPOptions(t, region, id)
	if got == nil {
		t.Fatalf("DHCP options %q of %s are not in %s", id, d.Name, region)
	}
	if v := dhcpValues(got, "domain-name"); !slices.Equal(v, []string{"corp.example"}) {
		t.Errorf("DHCP options %s have domain-name %v, want [corp.example]", id, v)
	}
	if v := dhcpValues(got, "domain-name-servers"); !slices.Equal(v, []string{"10.0.0.2", "10.0.0.3"}) {
		t.Errorf("DHCP options %s have domain-name-servers %v, want [10.0.0.2 10.0.0.3]", id, v)
	}
	if name, _ := tagValue(got.Tags, "Name"); name != "corp-dns" {
		t.Errorf("DHCP options %s have Name tag %q, want corp-dns (tags %v)", id, name, got.Tags)
	}

	e.checkEconomy("DHCPOptions", id, "DescribeDhcpOptions")
	ctx := context.Background()
	if _, err := ec2Client(region).DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{id}, Tags: []types.Tag{{Key: aws.String("Name")}}}); err != nil {
		t.Fatal(err)
	}
	waitDHCPTag(t, region, id, "corp-dns")

	harness.Edit(e.Env, ready, func(d *v1alpha1.DHCPOptions) { d.Spec.Tags[0].Value = aws.String("corp-dns-2") })
	waitDHCPTag(t, region, id, "corp-dns-2")
	ready = harness.WaitReady(e.Env, ready)

	e.Delete(ready)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeDHCPOptions(t, region, id) != nil {
			return fmt.Errorf("DHCP options %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(ready)
}

// waitDHCPTag waits for a DHCP options set's Name tag to be name.
func waitDHCPTag(t *testing.T, region, id, name string) {
	t.Helper()
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		got := describeDHCPOptions(t, region, id)
		if got == nil {
			return fmt.Errorf("DHCP options %s are gone", id)
		}
		if have, _ := tagValue(got.Tags, "Name"); have != name {
			return fmt.Errorf("DHCP options %s: Name tag %q, want %q", id, have, name)
		}
		return nil
	})
}
