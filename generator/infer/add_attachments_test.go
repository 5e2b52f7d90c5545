package infer

import (
	"fmt"
	"strings"
	"testing"
)

// TestAttachments: an attachments: entry adds an updatable spec field set
// by its attach and detach operations and observed in the read's list of
// attachments; a wrong entry is an error naming what is wrong.
func TestAttachments(t *testing.T) {
	m := loadEC2(t)
	const igw = "resources:\n  InternetGateway:\n    attachments:\n      VpcId: {attach: %s, detach: DetachInternetGateway, observedAt: %s}\n"
	cases := []struct {
		reason, yaml string
		want         string // the field as "attach detach gone...", or the error's text
		wantErr      bool
	}{
		{"AttachInternetGateway takes VpcId, and DescribeInternetGateways lists Attachments[].VpcId with a State",
			fmt.Sprintf(igw, "AttachInternetGateway", "Attachments"),
			"AttachInternetGateway DetachInternetGateway State detaching detached", false},
		{"a misspelt operation is named, with the likely one",
			fmt.Sprintf(igw, "AttachInternetGateways", "Attachments"),
			`attach operation "AttachInternetGateways" is not in the model (did you mean "AttachInternetGateway"?)`, true},
		{"observedAt must name a list of structures in the read's output",
			fmt.Sprintf(igw, "AttachInternetGateway", "OwnerId"),
			`DescribeInternetGateways output has no list of attachments "OwnerId"`, true},
		{"a member the create already takes is no attachment",
			"resources:\n  EgressOnlyInternetGateway:\n    attachments:\n      VpcId: {attach: AttachInternetGateway, detach: DetachInternetGateway, observedAt: Attachments}\n",
			"EgressOnlyInternetGateway already has a field VpcId", true},
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
		f := field(resource(t, res, "InternetGateway"), "VpcId")
		if f == nil || f.Attachment == nil {
			t.Fatalf("%s: no attachment field VpcId", c.reason)
		}
		a := f.Attachment
		got := strings.Join(append([]string{a.Attach.Name, a.Detach.Name, a.State}, a.Gone...), " ")
		if got != c.want || !f.Updatable || f.CreateOnly || f.Required {
			t.Errorf("%s: attachment %q (updatable %t, create-only %t, required %t), want %q, updatable and optional", c.reason, got, f.Updatable, f.CreateOnly, f.Required, c.want)
		}
	}
}

// TestCreateReturnsRead: a create output holding the resource beside
// other members is read at that member, so status gets the identifier the
// create returns.
func TestCreateReturnsRead(t *testing.T) {
	m := loadEC2(t)
	cases := []struct {
		reason, resource, want string
	}{
		{"CreateEgressOnlyInternetGateway returns ClientToken beside EgressOnlyInternetGateway", "EgressOnlyInternetGateway", "EgressOnlyInternetGateway"},
		{"CreateVpc returns only Vpc, found as before", "Vpc", "Vpc"},
	}
	for _, c := range cases {
		res, err := Run("ec2", m, parseConfig(t, "resources:\n  "+c.resource+": {}\n"), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		r := resource(t, res, c.resource)
		if got := strings.Join(r.Create.OutputPath, "."); got != c.want {
			t.Errorf("%s: create output path %q, want %q", c.reason, got, c.want)
		}
	}
}
