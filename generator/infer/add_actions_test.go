package infer

import (
	"fmt"
	"strings"
	"testing"
)

// TestActions: an actions: entry adds an updatable, compared boolean spec
// field calling the operation with the resource's identifiers in the
// states named; a wrong entry is an error naming what is wrong.
func TestActions(t *testing.T) {
	m := loadEC2(t)
	const pcx = "resources:\n  VpcPeeringConnection:\n    kind: VPCPeeringConnection\n    actions:\n      %s: {operation: %s, state: %s, when: [pending-acceptance]}\n"
	cases := []struct {
		reason, yaml string
		want         string // "operation state when", or the error's text
		wantErr      bool
	}{
		{"AcceptVpcPeeringConnection takes the peering's ID; Status.Code holds its state",
			fmt.Sprintf(pcx, "AcceptRequest", "AcceptVpcPeeringConnection", "Status.Code"),
			"AcceptVpcPeeringConnection Status.Code pending-acceptance", false},
		{"a misspelt operation is named, with the likely one",
			fmt.Sprintf(pcx, "AcceptRequest", "AcceptVpcPeeringConnections", "Status.Code"),
			`operation "AcceptVpcPeeringConnections" is not in the model (did you mean "AcceptVpcPeeringConnection"?)`, true},
		{"the operation may require nothing but the resource's identifiers",
			fmt.Sprintf(pcx, "AcceptRequest", "CreateRoute", "Status.Code"),
			"CreateRoute requires RouteTableId, which is no identifier of VPCPeeringConnection", true},
		{"the state must lead through structures to a string",
			fmt.Sprintf(pcx, "AcceptRequest", "AcceptVpcPeeringConnection", "Status.Nope"),
			"state Status.Nope: VpcPeeringConnectionStateReason has no member Nope", true},
		{"the state must be a string, not a structure",
			fmt.Sprintf(pcx, "AcceptRequest", "AcceptVpcPeeringConnection", "Status"),
			"state Status is a struct VpcPeeringConnectionStateReason, not a string", true},
		{"a member the resource already has is no action",
			fmt.Sprintf(pcx, "VpcId", "AcceptVpcPeeringConnection", "Status.Code"),
			"VPCPeeringConnection already has a field VpcId", true},
	}
	for _, c := range cases {
		res, err := Run("ec2", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, "VPCPeeringConnection"), "AcceptRequest")
		if f == nil || f.Action == nil {
			t.Fatalf("%s: no action field AcceptRequest", c.reason)
		}
		a := f.Action
		got := strings.Join([]string{a.Operation.Name, strings.Join(a.StatePath, "."), strings.Join(a.When, ",")}, " ")
		if got != c.want || f.JSONName != "acceptRequest" || !f.Updatable || f.CreateOnly || !f.Compared() {
			t.Errorf("%s: action %q (json %s, updatable %t, create-only %t, compared %t), want %q as acceptRequest, updatable and compared", c.reason, got, f.JSONName, f.Updatable, f.CreateOnly, f.Compared(), c.want)
		}
	}
}
