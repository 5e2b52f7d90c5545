package ec2

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// endpointServiceManifest is an endpoint service in front of a network
// load balancer, in the incumbent's field names; the test fills in the
// load balancer's ARN.
const endpointServiceManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPCEndpointServiceConfiguration
metadata:
  name: orders-service
spec:
  acceptanceRequired: false
  privateDNSName: orders.example.com
  allowedPrincipals:
    - arn:aws:iam::123456789012:root
  tags:
    - key: Name
      value: orders-service
`

// serviceEndpointManifest is an interface endpoint to that service, named
// by serviceRef; the test fills in its VPC and subnet.
const serviceEndpointManifest = `
apiVersion: ec2.services.k8s.aws/v1alpha1
kind: VPCEndpoint
metadata:
  name: orders-endpoint
spec:
  vpcEndpointType: Interface
  serviceRef:
    from:
      name: orders-service
`

// describeEndpointService reads an endpoint service through the SDK; nil
// when EC2 says there is none or lists it as deleted.
func describeEndpointService(t *testing.T, region, id string) *types.ServiceConfiguration {
	t.Helper()
	out, err := ec2Client(region).DescribeVpcEndpointServiceConfigurations(context.Background(), &ec2.DescribeVpcEndpointServiceConfigurationsInput{ServiceIds: []string{id}})
	s := first(t, "DescribeVpcEndpointServiceConfigurations "+id+" in "+region, err, func() []types.ServiceConfiguration { return out.ServiceConfigurations }, "InvalidVpcEndpointServiceId.NotFound")
	if s != nil && s.ServiceState == types.ServiceStateDeleted {
		return nil
	}
	return s
}

var loadBalancerARN = regexp.MustCompile(`<LoadBalancerArn>([^<]+)</LoadBalancerArn>`)

// networkLoadBalancer makes an internal network load balancer in the
// subnet, which moto requires of an endpoint service, and returns its
// ARN. The call is Elastic Load Balancing's query API, signed by hand, so
// that the test needs no SDK module of a service the project does not
// generate.
func networkLoadBalancer(t *testing.T, region, name, subnetID string) string {
	t.Helper()
	ctx := context.Background()
	cfg := suite.Moto.AWSConfig(region)
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		t.Fatal(err)
	}
	body := url.Values{"Action": {"CreateLoadBalancer"}, "Version": {"2015-12-01"}, "Name": {name},
		"Type": {"network"}, "Scheme": {"internal"}, "Subnets.member.1": {subnetID}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, suite.Moto.Endpoint()+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	sum := sha256.Sum256([]byte(body))
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "elasticloadbalancing", region, time.Now()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("CreateLoadBalancer %s: %v", name, err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	m := loadBalancerARN.FindSubmatch(answer)
	if resp.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("CreateLoadBalancer %s: HTTP %d: %s", name, resp.StatusCode, answer)
	}
	return string(m[1])
}

// TestVPCEndpointServiceConfiguration applies an endpoint service in front
// of a network load balancer and an interface endpoint naming it by
// serviceRef, together: both become Ready, EC2 has the service as the
// spec says (allowed principals too) and the endpoint connected to its
// service name. A change of acceptanceRequired, a second load balancer and
// another principal reach EC2; acceptance turned off and a principal
// allowed out of band are put back at resync; an unchanged service costs
// two reads (the service, its permissions) per resync and no write. Deleting the endpoint, then the
// service, removes them from EC2.
func TestVPCEndpointServiceConfiguration(t *testing.T) {
	t.Parallel()
	const region = "us-east-1"
	ns := "vpces"
	e := env{suite.StartController(t, harness.ControllerOptions{
		Namespaces: []string{ns},
		Region:     region,
		Flags:      []string{"--reconcile-resource-resync-seconds", "VPCEndpointServiceConfiguration=1"},
	})}
	ctx, c := context.Background(), ec2Client(region)
	vpc, err := c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.7.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	vpcID := aws.ToString(vpc.Vpc.VpcId)
	sub, err := c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: &vpcID, CidrBlock: aws.String("10.7.1.0/24")})
	if err != nil {
		t.Fatalf("CreateSubnet in %s: %v", vpcID, err)
	}
	subnetID := aws.ToString(sub.Subnet.SubnetId)
	nlb1 := networkLoadBalancer(t, region, e.Unique("nlb1"), subnetID)
	nlb2 := networkLoadBalancer(t, region, e.Unique("nlb2"), subnetID)

	var svc v1alpha1.VPCEndpointServiceConfiguration
	var ep v1alpha1.VPCEndpoint
	if err := yaml.UnmarshalStrict([]byte(endpointServiceManifest), &svc); err != nil {
		t.Fatalf("the endpoint service manifest: %v", err)
	}
	if err := yaml.UnmarshalStrict([]byte(serviceEndpointManifest), &ep); err != nil {
		t.Fatalf("the endpoint manifest: %v", err)
	}
	svc.Namespace, ep.Namespace = e.NS(ns), e.NS(ns)
	svc.Spec.NetworkLoadBalancerARNs = []string{nlb1}
	ep.Spec.VPCID, ep.Spec.SubnetIDs = &vpcID, []string{subnetID}
	e.Create(&ep)
	e.Create(&svc)
	readySvc := harness.WaitReady(e.Env, &svc)
	readyEp := harness.WaitReady(e.Env, &ep)

	id := aws.ToString(readySvc.Status.ServiceID)
	got := describeEndpointService(t, region, id)
	if got == nil {
		t.Fatalf("endpoint service %q of %s is not in %s", id, svc.Name, region)
	}
	name, _ := tagValue(got.Tags, "Name")
	if aws.ToBool(got.AcceptanceRequired) || !slices.Equal(got.NetworkLoadBalancerArns, []string{nlb1}) || aws.ToString(got.PrivateDnsName) != "orders.example.com" || name != "orders-service" {
		t.Errorf("endpoint service %s: acceptance required %t, load balancers %v, private DNS name %q, Name tag %q; want false, [%s], orders.example.com, orders-service",
			id, aws.ToBool(got.AcceptanceRequired), got.NetworkLoadBalancerArns, aws.ToString(got.PrivateDnsName), name, nlb1)
	}
	if aws.ToString(readySvc.Status.ServiceName) != aws.ToString(got.ServiceName) {
		t.Errorf("status.serviceName %q, EC2 says %q", aws.ToString(readySvc.Status.ServiceName), aws.ToString(got.ServiceName))
	}
	endpointID := aws.ToString(readyEp.Status.VPCEndpointID)
	if gotEp := describeEndpoint(t, region, endpointID); gotEp == nil || aws.ToString(gotEp.ServiceName) != aws.ToString(got.ServiceName) {
		t.Errorf("endpoint %q is %+v, want one to %s (serviceRef orders-service)", endpointID, gotEp, aws.ToString(got.ServiceName))
	}

	waitPrincipals := func(why string, want ...string) {
		t.Helper()
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			out, err := c.DescribeVpcEndpointServicePermissions(ctx, &ec2.DescribeVpcEndpointServicePermissionsInput{ServiceId: &id})
			if err != nil {
				t.Fatalf("DescribeVpcEndpointServicePermissions %s: %v", id, err)
			}
			var have []string
			for _, p := range out.AllowedPrincipals {
				have = append(have, aws.ToString(p.Principal))
			}
			slices.Sort(have)
			if !slices.Equal(have, want) {
				return fmt.Errorf("%s: endpoint service %s allows %v, want %v", why, id, have, want)
			}
			return nil
		})
	}
	waitPrincipals("allowedPrincipals at create", "arn:aws:iam::123456789012:root")

	waitService := func(why string, acceptance bool, nlbs ...string) {
		t.Helper()
		slices.Sort(nlbs)
		harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
			s := describeEndpointService(t, region, id)
			have := slices.Sorted(slices.Values(s.NetworkLoadBalancerArns))
			if aws.ToBool(s.AcceptanceRequired) != acceptance || !slices.Equal(have, nlbs) {
				return fmt.Errorf("%s: endpoint service %s has acceptance required %t and load balancers %v, want %t and %v", why, id, aws.ToBool(s.AcceptanceRequired), have, acceptance, nlbs)
			}
			return nil
		})
	}
	harness.Edit(e.Env, readySvc, func(s *v1alpha1.VPCEndpointServiceConfiguration) {
		s.Spec.AcceptanceRequired = aws.Bool(true)
		s.Spec.NetworkLoadBalancerARNs = []string{nlb1, nlb2}
		s.Spec.AllowedPrincipals = []string{"arn:aws:iam::210987654321:root"}
	})
	waitService("acceptanceRequired and a second load balancer in the spec", true, nlb1, nlb2)
	waitPrincipals("another principal in place of the first", "arn:aws:iam::210987654321:root")

	if _, err := c.ModifyVpcEndpointServiceConfiguration(ctx, &ec2.ModifyVpcEndpointServiceConfigurationInput{ServiceId: &id, AcceptanceRequired: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ModifyVpcEndpointServicePermissions(ctx, &ec2.ModifyVpcEndpointServicePermissionsInput{ServiceId: &id, AddAllowedPrincipals: []string{"*"}}); err != nil {
		t.Fatal(err)
	}
	waitService("acceptance turned off out of band is put back", true, nlb1, nlb2)
	waitPrincipals("a principal allowed out of band is removed", "arn:aws:iam::210987654321:root")
	e.checkEconomy("VPCEndpointServiceConfiguration", id, "DescribeVpcEndpointServiceConfigurations", "DescribeVpcEndpointServicePermissions")

	e.Delete(readyEp)
	e.WaitGone(readyEp)
	e.Delete(readySvc)
	harness.Eventually(t, harness.Wait, 250*time.Millisecond, func() error {
		if describeEndpointService(t, region, id) != nil {
			return fmt.Errorf("endpoint service %s still in %s", id, region)
		}
		return nil
	})
	e.WaitGone(readySvc)
}
