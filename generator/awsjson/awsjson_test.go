package awsjson

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

const fixture = "testdata/things/2020-01-01/service-2.json"

func load(t *testing.T) *smithy.Model {
	t.Helper()
	m, err := Load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustShape(t *testing.T, m *smithy.Model, name string) *smithy.Shape {
	t.Helper()
	s, ok := m.Shape(smithy.ShapeID("com.amazonaws.thingstest#" + name))
	if !ok {
		t.Fatalf("no shape %s", name)
	}
	return s
}

func mustMember(t *testing.T, m *smithy.Model, name, mem string) *smithy.Member {
	t.Helper()
	got := mustShape(t, m, name).MemberByName(mem)
	if got == nil {
		t.Fatalf("shape %s has no member %s", name, mem)
	}
	return got
}

func ptr(f float64) *float64 { return &f }

func TestParse(t *testing.T) {
	m := load(t)
	svc, err := m.Service()
	if err != nil {
		t.Fatal(err)
	}
	create, describe, list := mustShape(t, m, "CreateThing"), mustShape(t, m, "DescribeThing"), mustShape(t, m, "ListThings")
	desc := func(mem string) *smithy.Member { return mustMember(t, m, "ThingDescription", mem) }
	in := func(mem string) *smithy.Member { return mustMember(t, m, "CreateThingInput", mem) }
	tests := []struct {
		reason    string
		got, want any
	}{
		{"the service shape is named by the targetPrefix, in the namespace of the service ID", svc.ID, smithy.ShapeID("com.amazonaws.thingstest#Things_20200101")},
		{"apiVersion is the service version", svc.Version, "2020-01-01"},
		{"serviceId, endpointPrefix and signingName become aws.api#service", svc.Traits.Service,
			&smithy.AWSService{SDKID: "Things Test", EndpointPrefix: "things-api", ArnNamespace: "things"}},
		{"signingName is the sigv4 name", string(svc.Traits.Raw["aws.auth#sigv4"]), `{"name":"things"}`},
		{"json with jsonVersion 1.0 is awsJson1_0", svc.Traits.Protocols, []string{"aws.protocols#awsJson1_0"}},
		{"serviceFullName is the title", svc.Traits.Title, "Things Service"},
		{"every operation is bound to the service", len(svc.Operations), 4},
		{"input, output and errors", []smithy.ShapeID{create.Input, create.Output, create.Errors[0], create.Errors[1]}, []smithy.ShapeID{
			"com.amazonaws.thingstest#CreateThingInput", "com.amazonaws.thingstest#CreateThingOutput",
			"com.amazonaws.thingstest#ThingExists", "com.amazonaws.thingstest#Busy"}},
		{"http with a response code", create.Traits.HTTP, &smithy.HTTP{Method: "POST", URI: "/things/{Name}", Code: 201}},
		{"http without one is 200", describe.Traits.HTTP.Code, 200},
		{"idempotent and readonly", []bool{create.Traits.Idempotent, create.Traits.ReadOnly, describe.Traits.ReadOnly}, []bool{true, false, true}},
		{"deprecated operation with its message", []any{describe.Traits.Deprecated, describe.Traits.DeprecatedMessage}, []any{true, "Use ListThings."}},
		{"documentation", create.Traits.Documentation, "<p>Creates a thing.</p>"},
		{"paginators-1.json becomes @paginated", list.Traits.Paginated, &smithy.Paginated{InputToken: "NextToken", OutputToken: "NextToken", Items: "Things", PageSize: "MaxResults"}},
		{"a paginator with several tokens, which @paginated cannot say, is left out", describe.Traits.Paginated, (*smithy.Paginated)(nil)},
		{"waiters-2.json becomes smithy.waiters#waitable; matchers Smithy lacks are left out", describe.Traits.Waiters, []smithy.Waiter{{Name: "ThingActive", Acceptors: []smithy.Acceptor{
			{State: "success", Path: "Thing.Status", Expected: "ACTIVE", Comparator: "stringEquals"},
			{State: "failure", Path: "Thing.Status", Expected: "FAILED", Comparator: "anyStringEquals"},
			{State: "retry", ErrorType: "ThingNotFound"},
			{State: "success", Path: "length(Thing.Name) > `0`", Expected: "true", Comparator: "booleanEquals"},
		}}}},
		{"a waiter with no acceptor Smithy can say is left out", list.Traits.Waiters, []smithy.Waiter(nil)},
		{"members keep file order", memberNames(mustShape(t, m, "CreateThingInput")), []string{"Name", "Token", "Size", "Secret", "Old", "Labels", "Body", "Thing"}},
		{"required", []bool{in("Name").Traits.Required, in("Token").Traits.Required}, []bool{true, false}},
		{"location uri is @httpLabel", in("Name").Traits.HTTPLabel, true},
		{"idempotencyToken, and location header is @httpHeader", []any{in("Token").Traits.IdempotencyToken, in("Token").Traits.HTTPHeader}, []any{true, "X-Token"}},
		{"a member's box", in("Size").Traits.Box, true},
		{"a shape's box", mustShape(t, m, "MaxResults").Traits.Box, true},
		{"no default: the format has none", mustShape(t, m, "Boolean").Traits.Default, json.RawMessage(nil)},
		{"a deprecated member", in("Old").Traits.Deprecated, true},
		{"querystring on a map is @httpQueryParams", in("Labels").Traits.HTTPQueryParams, true},
		{"querystring on a string is @httpQuery", mustMember(t, m, "ListThingsInput", "NextToken").Traits.HTTPQuery, "next"},
		{"payload is @httpPayload", []bool{in("Body").Traits.HTTPPayload, in("Name").Traits.HTTPPayload}, []bool{true, false}},
		{"a json locationName is @jsonName", mustMember(t, m, "CreateThingOutput", "Thing").Traits.JSONName, "thing"},
		{"a list member's locationName is @xmlName", mustShape(t, m, "ThingList").Member.Traits.JSONName + mustShape(t, m, "ThingList").Member.Traits.XMLName, "item"},
		{"member documentation", in("Name").Traits.Documentation, "<p>The name.</p>"},
		{"string min, max and pattern", []any{mustShape(t, m, "ThingName").Traits.Length, mustShape(t, m, "ThingName").Traits.Pattern}, []any{&smithy.Bounds{Min: ptr(1), Max: ptr(64)}, "^[a-z]+$"}},
		{"number min and max are @range", mustShape(t, m, "Size").Traits.Range, &smithy.Bounds{Min: ptr(1), Max: ptr(10)}},
		{"list and map bounds are @length", []*smithy.Bounds{mustShape(t, m, "ThingList").Traits.Length, mustShape(t, m, "Labels").Traits.Length}, []*smithy.Bounds{{Max: ptr(100)}, {Min: ptr(1)}}},
		{"a string with an enum is an enum shape, as in AWS's Smithy models", enumValues(mustShape(t, m, "ThingStatus")), []string{"CREATING=CREATING", "ACTIVE=ACTIVE", "FAILED=FAILED"}},
		{"enum member names are made of the values", enumValues(mustShape(t, m, "Tier")), []string{"PAY_PER_REQUEST=pay-per-request", "V1X=1x", "PAY_PER_REQUEST_2=PAY_PER_REQUEST"}},
		{"sensitive", mustShape(t, m, "Secret").Traits.Sensitive, true},
		{"streaming blob", []any{mustShape(t, m, "Blob").Type, mustShape(t, m, "Blob").Traits.Streaming}, []any{smithy.TypeBlob, true}},
		{"timestamp with its format", []any{mustShape(t, m, "Timestamp").Type, mustShape(t, m, "Timestamp").Traits.TimestampFormat}, []any{smithy.TypeTimestamp, "iso8601"}},
		{"simple types", []smithy.ShapeType{mustShape(t, m, "Boolean").Type, mustShape(t, m, "Size").Type, mustShape(t, m, "Long").Type, mustShape(t, m, "Weight").Type, mustShape(t, m, "Ratio").Type},
			[]smithy.ShapeType{smithy.TypeBoolean, smithy.TypeInteger, smithy.TypeLong, smithy.TypeFloat, smithy.TypeDouble}},
		{"list and map", []any{mustShape(t, m, "ThingList").Member.Target, mustShape(t, m, "Labels").Key.Target, mustShape(t, m, "Labels").Value.Target},
			[]any{smithy.ShapeID("com.amazonaws.thingstest#ThingDescription"), smithy.ShapeID("com.amazonaws.thingstest#String"), smithy.ShapeID("com.amazonaws.thingstest#String")}},
		{"a union structure is a union", mustShape(t, m, "ShapeChoice").Type, smithy.TypeUnion},
		{"a document structure is a document", desc("Doc").Target, smithy.ShapeID("com.amazonaws.thingstest#Document")},
		{"a document structure's type", mustShape(t, m, "Document").Type, smithy.TypeDocument},
		{"a client error with its code and status", []any{mustShape(t, m, "ThingExists").Traits.Error, mustShape(t, m, "ThingExists").Traits.HTTPError, string(mustShape(t, m, "ThingExists").Traits.Raw["aws.protocols#awsQueryError"])},
			[]any{"client", 409, `{"code":"ThingAlreadyExists","httpResponseCode":409}`}},
		{"a fault is a server error; retryable keeps throttling", []any{mustShape(t, m, "Busy").Traits.Error, string(mustShape(t, m, "Busy").Traits.Raw["smithy.api#retryable"])}, []any{"server", `{"throttling":true}`}},
		{"a shape named as an operation gets Shape added", in("Thing").Target, smithy.ShapeID("com.amazonaws.thingstest#ThingShape")},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.reason, tt.got, tt.want)
		}
	}
	if _, ok := m.Shape("com.amazonaws.thingstest#Unused"); ok {
		t.Error("a shape no operation reaches was kept; Smithy models hold only the service's closure")
	}
}

// enumValues lists an enum shape's members as name=value.
func enumValues(s *smithy.Shape) []string {
	var out []string
	for _, m := range s.Members {
		v, _ := m.Traits.EnumString()
		out = append(out, m.Name+"="+v)
	}
	if s.Type != smithy.TypeEnum {
		out = append(out, "not an enum: "+string(s.Type))
	}
	return out
}

func memberNames(s *smithy.Shape) []string {
	var names []string
	for _, m := range s.Members {
		names = append(names, m.Name)
	}
	return names
}

// TestLoadGzip reads service-2.json.gz as botocore ships it, with the
// waiters beside it.
func TestLoadGzip(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "things", "2020-01-01")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write(data)
	z.Close()
	waiters, _ := os.ReadFile(filepath.Join(filepath.Dir(fixture), "waiters-2.json"))
	for name, content := range map[string][]byte{"service-2.json.gz": buf.Bytes(), "waiters-2.json": waiters} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := Load(filepath.Join(dir, "service-2.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if got := mustShape(t, m, "DescribeThing").Traits.Waiters; len(got) != 1 {
		t.Errorf("waiters beside the .gz: got %v, want ThingActive", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		reason, service, want string
	}{
		{"no service ID", `{"metadata":{},"operations":{},"shapes":{}}`, "metadata has no serviceId"},
		{"a reference to a missing shape", `{"metadata":{"serviceId":"X","protocol":"json"},"operations":{"A":{"name":"A","http":{},"input":{"shape":"In"}}},"shapes":{"In":{"type":"structure","members":{"B":{"shape":"Gone"}}}}}`,
			`shape "In" member "B" refers to shape "Gone", which is not defined`},
		{"an unknown shape type", `{"metadata":{"serviceId":"X","protocol":"json"},"operations":{"A":{"name":"A","http":{},"input":{"shape":"In"}}},"shapes":{"In":{"type":"bigthing"}}}`,
			`shape "In": unknown shape type "bigthing"`},
		{"an unknown protocol", `{"metadata":{"serviceId":"X","protocol":"carrier-pigeon"},"operations":{},"shapes":{}}`, `unknown protocol "carrier-pigeon"`},
		{"not JSON", `{`, "svc.json: unexpected end of JSON input"},
	}
	for _, tt := range tests {
		_, err := Parse(Files{Service: []byte(tt.service)}, "svc.json")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "svc.json: ") {
			t.Errorf("%s: got error %v, want one naming the file and saying %q", tt.reason, err, tt.want)
		}
	}
}

// TestFindModels lists one model per service, its latest version, named as
// the Smithy folders are, and one service kept under two folders once.
func TestFindModels(t *testing.T) {
	dir := t.TempDir()
	write := func(folder, version, serviceID string) {
		p := filepath.Join(dir, folder, version)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		data := `{"version":"2.0","metadata":{"serviceId":"` + serviceID + `","protocol":"json"},"operations":{},"shapes":{}}`
		if err := os.WriteFile(filepath.Join(p, "service-2.json"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("logs", "2014-03-28", "CloudWatch Logs")
	write("sms-voice", "2018-09-05", "Pinpoint SMS Voice")
	write("pinpoint-sms-voice", "2018-09-05", "Pinpoint SMS Voice")
	write("zeta", "2019-01-01", "Zeta")
	write("zeta", "2021-01-01", "Zeta")
	models, err := FindModels(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mf := range models {
		rel, _ := filepath.Rel(dir, mf.Path)
		got = append(got, mf.SDKID+"="+filepath.ToSlash(rel))
	}
	want := []string{
		"cloudwatch-logs=logs/2014-03-28/service-2.json",
		"pinpoint-sms-voice=pinpoint-sms-voice/2018-09-05/service-2.json",
		"zeta=zeta/2021-01-01/service-2.json",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindModels:\n got %v\nwant %v (the service ID names the service; the folder named so wins; the latest version)", got, want)
	}
	if mf, ok, err := FindModel(dir, "CloudWatch Logs"); err != nil || !ok || mf.SDKID != "cloudwatch-logs" {
		t.Errorf("FindModel by service ID: got %v, %v, %v", mf, ok, err)
	}
	if _, ok, err := FindModel(dir, "nothing"); err != nil || ok {
		t.Errorf("FindModel of a missing service: got %v, %v; want not found", ok, err)
	}
}
