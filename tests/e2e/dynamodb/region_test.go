package dynamodb

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestRegion checks each source of a resource's region by listing tables
// in that region through the SDK. The controller runs without
// AWS_CA_BUNDLE (TestTableLifecycle runs with it), and with AWS_REGION
// naming another region than --aws-region, which must win.
func TestRegion(t *testing.T) {
	t.Parallel()
	e := startController(t, controllerOptions{
		Namespaces: []string{"by-annotation", "by-namespace", "by-flag"},
		Env:        []string{"AWS_CA_BUNDLE", "AWS_REGION=ca-central-1"},
	})
	e.AnnotateNamespace("by-namespace", map[string]string{"services.k8s.aws/default-region": "ap-southeast-2"})
	// The namespace default applies only when the resource names no region.
	e.AnnotateNamespace("by-annotation", map[string]string{"services.k8s.aws/default-region": "ap-southeast-2"})

	cases := []struct {
		name, ns, want string
		annotations    map[string]string
	}{
		{name: "annotated", ns: "by-annotation", want: "eu-west-1", annotations: map[string]string{"services.k8s.aws/region": "eu-west-1"}},
		{name: "defaulted", ns: "by-namespace", want: "ap-southeast-2"},
		{name: "flagged", ns: "by-flag", want: region},
	}
	tables := map[string]*v1alpha1.Table{}
	for _, c := range cases {
		tbl := e.newTable(c.ns, c.name, c.annotations)
		e.Create(tbl)
		tables[c.name] = tbl
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := e.waitReady(tables[c.name])
			name := e.table(c.name)
			for _, r := range []string{"eu-west-1", "ap-southeast-2", region, "ca-central-1"} {
				if in := slices.Contains(tableNames(t, r, ""), name); in != (r == c.want) {
					t.Errorf("table %s in %s: %v, want it only in %s", name, r, in, c.want)
				}
			}
			if pinned := aws.ToString(got.Status.ACKResourceMetadata.Region); pinned != c.want {
				t.Errorf("status region %q, want %q", pinned, c.want)
			}
		})
	}

	// A later change of the namespace's default-region must not move the
	// table: it turns Terminal with a clear message, with no edit to the
	// object itself, because the controller watches namespace annotations.
	t.Run("NamespaceChangeIsTerminal", func(t *testing.T) {
		tbl := tables["defaulted"]
		e.AnnotateNamespace("by-namespace", map[string]string{"services.k8s.aws/default-region": "eu-north-1"})
		got := e.waitFor(tbl, "to be Terminal", conditionIs("ACK.Terminal", metav1.ConditionTrue))
		msg := harness.Condition(got, "ACK.Terminal").Message
		if !strings.Contains(msg, "ap-southeast-2") || !strings.Contains(msg, "eu-north-1") {
			t.Errorf("Terminal message %q does not name both regions", msg)
		}
		if slices.Contains(tableNames(t, "eu-north-1", ""), e.table("defaulted")) {
			t.Error("the table was created in the new region")
		}
		e.AnnotateNamespace("by-namespace", map[string]string{"services.k8s.aws/default-region": "ap-southeast-2"})
		e.waitReady(tbl)
	})
}
