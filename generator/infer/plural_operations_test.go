package infer

import (
	"strings"
	"testing"
)

func TestPluralDeletes(t *testing.T) {
	cases := []struct {
		reason, name  string
		ops           string // create read update delete list, "-" for none
		filter        string // the delete's list member, and the identifier it sends
		deleteFailsOn string
		createFailsOn string
	}{
		{"a delete taking a list named in the plural of the identifier deletes one", "Endpoint",
			"CreateEndpoint DescribeEndpoints ModifyEndpoint DeleteEndpoints DescribeEndpoints",
			"EndpointIds EndpointId", "Unsuccessful", ""},
		{"a plural resource's create that lists its failures fails on them", "Logs",
			"CreateLogs DescribeLogs - DeleteLogs -",
			"LogIds LogId", "Unsuccessful", "Unsuccessful"},
	}
	for _, c := range cases {
		res := mustRun(t, "plurals.json", "resources:\n  "+c.name+": {}\n", Options{})
		var ops []string
		for _, cand := range res.Candidates {
			if cand.Name != c.name {
				continue
			}
			for _, role := range Roles() {
				ops = append(ops, or(cand.Op(role), "-"))
			}
		}
		if got := strings.Join(ops, " "); got != c.ops {
			t.Errorf("%s: operations %q, want %q", c.reason, got, c.ops)
		}
		r := resource(t, res, c.name)
		if len(r.Problems) > 0 {
			t.Errorf("%s: problems %v", c.reason, r.Problems)
			continue
		}
		f := r.Delete.Filter
		if f == nil || !f.List || f.Member+" "+f.Identifier != c.filter {
			t.Errorf("%s: delete filter %+v, want %s as a list", c.reason, f, c.filter)
		}
		if r.Delete.Unsuccessful != c.deleteFailsOn {
			t.Errorf("%s: delete fails on %q, want %q", c.reason, r.Delete.Unsuccessful, c.deleteFailsOn)
		}
		if r.Create.Unsuccessful != c.createFailsOn {
			t.Errorf("%s: create fails on %q, want %q", c.reason, r.Create.Unsuccessful, c.createFailsOn)
		}
		id := strings.Fields(c.filter)[1]
		if len(r.Identifiers) != 1 || r.Identifiers[0].Field != id || !r.Identifiers[0].Status {
			t.Errorf("%s: identifiers %+v, want %s held by its status field", c.reason, r.Identifiers, id)
		}
	}
}

func TestSingular(t *testing.T) {
	cases := []struct{ reason, name, want string }{
		{"Ids names one Id", "VpcEndpointIds", "VpcEndpointId"},
		{"ies names one y", "Policies", "Policy"},
		{"a name not in the plural has no singular", "VpcId", ""},
		{"a double s is no plural", "Address", ""},
	}
	for _, c := range cases {
		if got := singular(c.name); got != c.want {
			t.Errorf("%s: singular(%s) = %q, want %q", c.reason, c.name, got, c.want)
		}
	}
}
