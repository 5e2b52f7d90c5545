package pipeline

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestEmitConfig(t *testing.T) {
	cases := []struct {
		reason  string
		service string
		actions []string // exactly the operations the managers call
	}{
		{
			reason: "CRUD plus the put, get and delete of a sub-resource, and the put, list and delete of a keyed collection", service: "widgets",
			actions: []string{"widgets:CreateWidget", "widgets:DeleteWidget", "widgets:DeleteWidgetLogging", "widgets:DeleteWidgetRoute", "widgets:DescribeWidget", "widgets:GetWidgetLogging", "widgets:ListWidgetRoutes", "widgets:PutWidgetLogging", "widgets:PutWidgetRoute", "widgets:UpdateWidget"},
		},
		{
			reason: "no update operation means no update action; the list that finds a lost create is called", service: "gadgets",
			actions: []string{"gadgets:CreateGadget", "gadgets:CreateSnapshot", "gadgets:DeleteGadget", "gadgets:DeleteSnapshot", "gadgets:GetGadget", "gadgets:GetSnapshot", "gadgets:ListSnapshots"},
		},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := fixtureState(t, c.service, "prepare_emit")
			if err := emitConfig(s); err != nil {
				t.Fatal(err)
			}
			if got := paths(s); !slices.Equal(got, []string{"config/iam/recommended-policy.json", "config/rbac/role.yaml", "config/rbac/controller-namespace-role.yaml"}) {
				t.Fatalf("emitted %v", got)
			}
			var policy struct {
				Statement []struct {
					Effect, Resource string
					Action           []string
				}
			}
			if err := json.Unmarshal(s.Files[0].Data, &policy); err != nil {
				t.Fatal(err)
			}
			if len(policy.Statement) != 1 || policy.Statement[0].Effect != "Allow" {
				t.Fatalf("policy %s, want one Allow statement", s.Files[0].Data)
			}
			if got := policy.Statement[0].Action; !slices.Equal(got, c.actions) {
				t.Errorf("IAM actions %v, want exactly %v", got, c.actions)
			}
			role := string(s.Files[1].Data)
			for _, r := range s.Model.Resources {
				for _, want := range []string{"- " + r.Plural + "\n", "- " + r.Plural + "/status\n", "- " + s.Model.Group + "\n"} {
					if !strings.Contains(role, want) {
						t.Errorf("the RBAC role lacks %q:\n%s", strings.TrimSpace(want), role)
					}
				}
			}
		})
	}
}
