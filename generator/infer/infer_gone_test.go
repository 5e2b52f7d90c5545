package infer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/awsjson"
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// loadEC2 reads the ec2 model from the AWS JSON models, or skips.
func loadEC2(t *testing.T) *smithy.Model {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir, ok := awsjson.ModelsDir(wd)
	if !ok {
		t.Skip("AWS JSON models not found: set AWS_JSON_MODELS_DIR")
	}
	m, err := awsjson.Load(filepath.Join(dir, "ec2", "2016-11-15", "service-2.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestGoneFromWaiters: a read that still returns a deleted resource (a NAT
// gateway stays listed as deleted) must call it gone, from the values the
// read's *Deleted waiter is done at.
func TestGoneFromWaiters(t *testing.T) {
	m := loadEC2(t)
	cases := []struct {
		reason, resource, want string
	}{
		{"NatGatewayDeleted is done at State deleted (its other success is the NatGatewayNotFound error)", "NatGateway", "State deleted"},
		{"a VPC has no Deleted waiter: a listed VPC is never gone", "Vpc", ""},
		{"InternetGatewayExists waits for existence, not deletion", "InternetGateway", ""},
	}
	for _, c := range cases {
		res, err := Run("ec2", m, config.Empty("ec2/generator.yaml"), Options{Only: c.resource})
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, c.resource)
		got := ""
		if p := r.Pending; p != nil && len(p.Gone) > 0 {
			got = strings.Join(append([]string{p.Field}, p.Gone...), " ")
		}
		if got != c.want {
			t.Errorf("%s: gone %q, want %q", c.reason, got, c.want)
		}
	}
}

// TestDeleteIdentifiers: a delete that requires no input, because it takes
// one of several names, still yields the identifier the read filters by.
func TestDeleteIdentifiers(t *testing.T) {
	m := loadEC2(t)
	cases := []struct {
		reason, yaml, kind, want string
	}{
		{"ReleaseAddress requires nothing; AllocationId, which AllocateAddress returns, names the address",
			"resources:\n  ElasticIPAddress:\n    operations: {create: AllocateAddress, read: DescribeAddresses, delete: ReleaseAddress, update: none}\n    tags: {resourceType: elastic-ip}\n",
			"ElasticIPAddress", "AllocationId"},
		{"DeleteVpc requires VpcId, which is the identifier as before",
			"resources:\n  Vpc: {}\n", "Vpc", "VpcId"},
	}
	for _, c := range cases {
		res, err := Run("ec2", m, parseConfig(t, c.yaml), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, c.kind)
		var ids []string
		for _, id := range r.Identifiers {
			ids = append(ids, id.Member)
		}
		if got := strings.Join(ids, " "); got != c.want {
			t.Errorf("%s: identifiers %q, want %q", c.reason, got, c.want)
		}
	}
}
