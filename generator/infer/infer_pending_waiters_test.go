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

// TestPendingFromWaiters infers pending checks from the waiters of real
// models, read in both formats: Smithy's smithy.waiters#waitable and
// botocore's waiters-2.json.
func TestPendingFromWaiters(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	smithyDir, ok := smithy.ModelsDir(wd)
	jsonDir, ok2 := awsjson.ModelsDir(wd)
	if !ok || !ok2 {
		t.Skip("models of both formats not found: set AWS_MODELS_DIR and AWS_JSON_MODELS_DIR")
	}
	fromSmithy := func(svc string) (*smithy.Model, error) {
		return smithy.Load(filepath.Join(smithyDir, svc, "service", "2014-10-31", svc+"-2014-10-31.json"))
	}
	fromJSON := func(dir string) func(string) (*smithy.Model, error) {
		return func(svc string) (*smithy.Model, error) {
			return awsjson.Load(filepath.Join(jsonDir, svc, dir, "service-2.json.gz"))
		}
	}
	const rdsPending = "DBInstanceStatus deleting creating modifying rebooting resetting-master-credentials"
	cases := []struct {
		reason, service, resource string
		load                      func(string) (*smithy.Model, error)
		want                      string
	}{
		{"rds's DBInstanceStatus is a plain string: its values come from DBInstanceAvailable and DBInstanceDeleted, in Smithy",
			"rds", "DBInstance", fromSmithy, rdsPending},
		{"the same from botocore's waiters-2.json",
			"rds", "DBInstance", fromJSON("2014-10-31"), rdsPending},
		{"ec2's VpcAvailable names State, which is done at available; pending is not -ING but is pending",
			"ec2", "Vpc", fromJSON("2016-11-15"), "State pending"},
		{"ec2's NatGatewayAvailable: its failures failed and deleted are not pending, deleting is",
			"ec2", "NatGateway", fromJSON("2016-11-15"), "State pending deleting"},
		{"dynamodb's TableExists is done at ACTIVE; the other -ING values of the enum are pending",
			"dynamodb", "Table", fromJSON("2012-08-10"), "TableStatus CREATING UPDATING DELETING ARCHIVING"},
	}
	for _, c := range cases {
		m, err := c.load(c.service)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(c.service, m, config.Empty(c.service+"/generator.yaml"), Options{Only: c.resource})
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, c.resource)
		got := ""
		if r.Pending != nil {
			got = strings.Join(append([]string{r.Pending.Field}, r.Pending.Values...), " ")
		}
		if got != c.want {
			t.Errorf("%s: pending %q, want %q", c.reason, got, c.want)
		}
	}
}
