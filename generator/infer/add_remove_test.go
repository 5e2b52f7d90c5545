package infer

import (
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
)

func TestAddRemove(t *testing.T) {
	r := resource(t, mustRun(t, "plurals.json", "resources:\n  Endpoint: {}\n", Options{}), "Endpoint")
	cases := []struct {
		reason, member string
		want           *model.AddRemove
		class          string
	}{
		{"a list the update changes by Add and Remove members, and the read returns, is updatable", "RouteTableIds",
			&model.AddRemove{Add: "AddRouteTableIds", Remove: "RemoveRouteTableIds"}, model.ClassSpec},
		{"a list the read does not return stays create-only: there is no list of AWS's to diff against", "SecurityGroupIds",
			nil, model.ClassCreateOnly},
	}
	for _, c := range cases {
		f := field(r, c.member)
		if f == nil {
			t.Errorf("%s: no field %s", c.reason, c.member)
			continue
		}
		if (f.AddRemove == nil) != (c.want == nil) || f.AddRemove != nil && *f.AddRemove != *c.want || f.Class != c.class {
			t.Errorf("%s: %s has AddRemove %+v class %s, want %+v %s", c.reason, c.member, f.AddRemove, f.Class, c.want, c.class)
		}
	}
}

func TestPendingGone(t *testing.T) {
	cases := []struct {
		reason, yaml string
		field        string
		gone         []string
		err          string
	}{
		{"gone values are the status values after which the read's answer means nothing",
			"resources:\n  Endpoint:\n    pending: {field: State, values: [pending], gone: [deleted]}\n", "State", []string{"deleted"}, ""},
		{"the state may be a member of a status structure, its values checked against the member's enum",
			"resources:\n  Endpoint:\n    pending: {field: Status.Code, values: [pending], gone: [deleted]}\n", "Status.Code", []string{"deleted"}, ""},
		{"a path the status structure lacks is refused",
			"resources:\n  Endpoint:\n    pending: {field: Status.Kode, values: [pending]}\n", "", nil, `has no member "Kode"`},
		{"a gone value the enum lacks is refused",
			"resources:\n  Endpoint:\n    pending: {field: State, values: [pending], gone: [removed]}\n", "", nil, `State has no value "removed"`},
	}
	for _, c := range cases {
		res, err := run(t, "plurals.json", c.yaml, Options{})
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want one saying %s", c.reason, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		p := resource(t, res, "Endpoint").Pending
		if p == nil || len(p.Gone) != len(c.gone) || p.Gone[0] != c.gone[0] || p.Field+strings.Join(append([]string{""}, p.Path...), ".") != c.field {
			t.Errorf("%s: pending %+v, want %s, gone %v", c.reason, p, c.field, c.gone)
		}
	}
}
