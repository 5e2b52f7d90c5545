package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

// instanceYAML declares EC2's Instance, whose operations are named for
// instances in the plural.
const instanceYAML = `resources:
  Instance:
    operations: {create: RunInstances, read: DescribeInstances, delete: TerminateInstances, update: none}
  EgressOnlyInternetGateway: {}
`

// outputWay is an operation's way to the resource, as dump writes it.
func outputWay(op *model.Operation) string {
	path := strings.Join(op.OutputPath, ".")
	if op.Grouped != "" {
		path += "[]." + op.GroupShape + "." + op.Grouped
	}
	if op.Many {
		path += "[]"
	}
	if op.First {
		path += "[0]"
	}
	return path + " -> " + op.Output
}

// TestGroupedOutputs: DescribeInstances lists reservations, each listing
// instances, and RunInstances returns a reservation whose Instances hold
// the one it made; both lead to the Instance. A listed structure whose
// list holds no identifier (an egress-only gateway's Attachments) is the
// resource, not a group.
func TestGroupedOutputs(t *testing.T) {
	res, err := Run("ec2", loadEC2(t), parseConfig(t, instanceYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	inst := resource(t, res, "Instance")
	eigw := resource(t, res, "EgressOnlyInternetGateway")
	cases := []struct {
		reason string
		op     *model.Operation
		want   string
	}{
		{"the read goes through each reservation's Instances", inst.Read, "Reservations[].Reservation.Instances[] -> Instance"},
		{"the create's instance is the first of its reservation's Instances", inst.Create, "Instances[0] -> Instance"},
		{"a listed gateway with a list of attachments, which have no gateway ID, is no group", eigw.Read, "EgressOnlyInternetGateways[] -> EgressOnlyInternetGateway"},
	}
	for _, c := range cases {
		if got := outputWay(c.op); got != c.want {
			t.Errorf("%s: %s leads %q, want %q", c.reason, c.op.Name, got, c.want)
		}
	}
	if field(inst, "InstanceId") == nil || field(inst, "ImageId") == nil {
		t.Errorf("the Instance has status instanceID and spec imageID from the instance, not the reservation")
	}
}

// TestNestedWaiterState: the InstanceRunning and InstanceTerminated
// waiters compare Reservations[].Instances[].State.Name; the pending
// check reads the instance's State.Name, and terminated, at which
// InstanceTerminated is done, is gone, though EC2 still lists the
// instance a while.
func TestNestedWaiterState(t *testing.T) {
	res, err := Run("ec2", loadEC2(t), parseConfig(t, instanceYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := resource(t, res, "Instance").Pending
	if p == nil {
		t.Fatal("no pending check for Instance")
	}
	at := strings.Join(append([]string{p.Field}, p.Path...), ".")
	cases := []struct{ reason, got, want string }{
		{"the state is a member inside the status field", at, "State.Name"},
		{"the values that say AWS is working, none a waiter is done at", strings.Join(p.Values, " "), "pending shutting-down stopping"},
		{"InstanceTerminated, a waiter for deletion, is done at terminated", strings.Join(p.Gone, " "), "terminated"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.reason, c.got, c.want)
		}
	}
}
