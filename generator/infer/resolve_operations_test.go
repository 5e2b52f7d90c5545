package infer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

func TestResolveOperations(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		res    *Result
		kind   string
		op     func(*model.Resource) *model.Operation
		want   string // OutputPath -> Output, [] for many
	}{
		{"the only structure member of an output is the description", names, "Table",
			func(r *model.Resource) *model.Operation { return r.Read }, "Table -> TableDescription"},
		{"a flat output is the description", shapes, "Network",
			func(r *model.Resource) *model.Operation { return r.Read }, " -> GetNetworkOutput"},
		{"the structure member sharing names with the create input", shapes, "Gateway",
			func(r *model.Resource) *model.Operation { return r.Read }, "Gateway -> GatewayInfo"},
		{"a read that lists leads to the list's elements", names, "Repository",
			func(r *model.Resource) *model.Operation { return r.Read }, "Repositories[] -> Repository"},
		{"a list operation", shapes, "Network",
			func(r *model.Resource) *model.Operation { return r.List }, "Items[] -> NetworkSummary"},
		{"an output with no description of the resource", names, "Queue",
			func(r *model.Resource) *model.Operation { return r.Delete }, " -> DeleteQueueOutput"},
	}
	for _, c := range cases {
		op := c.op(resource(t, c.res, c.kind))
		path := strings.Join(op.OutputPath, ".")
		if op.Many {
			path += "[]"
		}
		if got := path + " -> " + op.Output; got != c.want {
			t.Errorf("%s: %s resolves to %q, want %q", c.reason, op.Name, got, c.want)
		}
	}
}

func TestResolveOperationsInputs(t *testing.T) {
	res := mustRun(t, "names.json", "", Options{All: true})
	create := resource(t, res, "Table").Create
	if inputMember(create, "ClientToken") != nil {
		t.Errorf("an idempotency token is left out of the input: the SDK fills it")
	}
	if m := inputMember(create, "TableName"); m == nil || !m.Required || m.GoName != "TableName" {
		t.Errorf("a required input member keeps its SDK name and flag: %+v", m)
	}
	read := resource(t, res, "Repository").Read
	if f := read.Filter; f == nil || f.Member != "repositoryNames" || !f.List || f.Identifier != "repositoryName" {
		t.Errorf("a read that lists is filtered by the plural of the identifier: %+v", f)
	}
}

func TestIdentifierNames(t *testing.T) {
	names := mustRun(t, "names.json", "", Options{All: true})
	shapes := mustRun(t, "shapes.json", "", Options{All: true})
	cases := []struct {
		reason string
		r      *model.Resource
		want   string
	}{
		{"the members the read requires", resource(t, names, "Table"), "TableName"},
		{"the filter's identifier for a read that lists, not the filter", resource(t, names, "Repository"), "repositoryName"},
		{"a resource shape's identifiers, parents first", resource(t, shapes, "Listener"), "networkIdentifier listenerIdentifier"},
	}
	for _, c := range cases {
		var ids []string
		for _, id := range c.r.Identifiers {
			ids = append(ids, id.Member)
		}
		if got := strings.Join(ids, " "); got != c.want {
			t.Errorf("%s: %s has identifiers %q, want %q", c.reason, c.r.Kind, got, c.want)
		}
	}
}

// TestClientToken: the create's token member is found, by trait or by
// name, and is not a spec field.
func TestClientToken(t *testing.T) {
	res := mustRun(t, "names.json", "", Options{All: true})
	things, err := Run("things", thingsModel(t, nil, nil, nil, nil), parseConfig(t, ""), Options{All: true})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		reason string
		r      *model.Resource
		want   string
		// inSpec are the token-like members that must stay spec fields.
		inSpec []string
	}{
		{"the @idempotencyToken member", resource(t, res, "Table"), "ClientToken", nil},
		{"a string named ClientRequestToken without the trait; an integer named ClientToken is no token", resource(t, things, "Thing"), "ClientRequestToken", []string{"ClientToken"}},
		{"a create without one", resource(t, res, "Queue"), "", nil},
	}
	for _, c := range cases {
		got := ""
		if tok := c.r.Create.Token; tok != nil {
			got = tok.Name
		}
		if got != c.want {
			t.Errorf("%s: token %q, want %q", c.reason, got, c.want)
		}
		for _, f := range c.r.Spec {
			if f.Member == c.want {
				t.Errorf("%s: the token %s is a spec field", c.reason, f.Member)
			}
		}
		for _, name := range c.inSpec {
			if fieldByMember(c.r, name) == nil {
				t.Errorf("%s: %s is not a spec field", c.reason, name)
			}
		}
	}
}

// TestCreateOutputEchoingToken checks that a create output echoing the
// client token ({Widget, ClientToken}) is read at its Widget member: the
// token shares a name with the create input, and is no description of the
// resource.
func TestCreateOutputEchoingToken(t *testing.T) {
	const ns, str = "example.widgets#", "smithy.api#String"
	structure := func(members ...string) map[string]any {
		out := map[string]any{}
		for i := 0; i < len(members); i += 2 {
			out[members[i]] = map[string]any{"target": members[i+1]}
		}
		return map[string]any{"type": "structure", "members": out}
	}
	op := func(name string) map[string]any {
		return map[string]any{"type": "operation", "input": map[string]string{"target": ns + name + "Input"}, "output": map[string]string{"target": ns + name + "Output"}}
	}
	shapes := map[string]any{
		ns + "Widgets": map[string]any{
			"type": "service", "version": "1",
			"traits":     map[string]any{"aws.api#service": map[string]string{"sdkId": "Widgets"}, "aws.protocols#awsJson1_0": map[string]any{}},
			"operations": []map[string]string{{"target": ns + "CreateWidget"}, {"target": ns + "DescribeWidget"}, {"target": ns + "DeleteWidget"}},
		},
		ns + "CreateWidget":         op("CreateWidget"),
		ns + "CreateWidgetInput":    structure("VpcId", str, "ClientToken", str),
		ns + "CreateWidgetOutput":   structure("Widget", ns+"Widget", "ClientToken", str),
		ns + "Widget":               structure("WidgetId", str, "VpcId", str),
		ns + "DescribeWidget":       op("DescribeWidget"),
		ns + "DescribeWidgetInput":  structure("WidgetId", str),
		ns + "DescribeWidgetOutput": structure("Widget", ns+"Widget"),
		ns + "DeleteWidget":         op("DeleteWidget"),
		ns + "DeleteWidgetInput":    structure("WidgetId", str),
		ns + "DeleteWidgetOutput":   structure(),
	}
	data, err := json.Marshal(map[string]any{"smithy": "2.0", "shapes": shapes})
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Parse(data, "widgets.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run("widgets", m, parseConfig(t, ""), Options{All: true})
	if err != nil {
		t.Fatal(err)
	}
	c := resource(t, res, "Widget").Create
	if got := strings.Join(c.OutputPath, ".") + " -> " + c.Output; got != "Widget -> Widget" {
		t.Errorf("CreateWidget resolves to %q, want %q: the echoed ClientToken is no description of the widget", got, "Widget -> Widget")
	}
}
