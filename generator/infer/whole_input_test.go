package infer

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// TestWholeInput: Lambda's PutFunctionEventInvokeConfig takes the
// function's name, a qualifier and the settings as members of its own;
// wholeInput makes the spec field that whole input (the incumbent's
// functionEventInvokeConfig holds functionName and qualifier too), read
// back from the get output's members. Without it the put has no one
// member that holds the value.
func TestWholeInput(t *testing.T) {
	m, err := smithy.Load(filepath.Join(awsModelsDir(t), "lambda", "service", "2015-03-31", "lambda-2015-03-31.json"))
	if err != nil {
		t.Fatal(err)
	}
	const head = "resources:\n  Function:\n    fields: {FunctionName: {rename: Name, primaryKey: true}}\n    subResources:\n      FunctionEventInvokeConfig:\n" +
		"        put: PutFunctionEventInvokeConfig\n        get: GetFunctionEventInvokeConfig\n        delete: DeleteFunctionEventInvokeConfig\n"
	cases := []struct {
		reason, yaml string
		wantMembers  []string // of the spec field's structure
		wantErr      string
	}{
		{"the whole put input is the value", head + "        wholeInput: true\n",
			[]string{"DestinationConfig", "FunctionName", "MaximumEventAgeInSeconds", "MaximumRetryAttempts", "Qualifier"}, ""},
		{"without wholeInput no one member holds it", head, nil, "cannot tell which member of PutFunctionEventInvokeConfig"},
		{"wholeInput takes no member", head + "        wholeInput: true\n        member: Qualifier\n", nil, "takes no member"},
	}
	for _, c := range cases {
		res, err := Run("lambda", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, "Function"), "FunctionEventInvokeConfig")
		if f == nil || f.SubResource == nil || !f.SubResource.WholeInput || f.SubResource.PutMember != "" {
			t.Fatalf("%s: no whole-input sub-resource field: %+v", c.reason, f)
		}
		var members []string
		for _, m := range res.Service.Structs[f.Type.Shape].Fields {
			members = append(members, m.Member)
		}
		slices.Sort(members)
		if f.Type.Kind != model.Structure || !slices.Equal(members, c.wantMembers) {
			t.Errorf("%s: value members %v, want %v", c.reason, members, c.wantMembers)
		}
		if got := f.SubResource.ObservedPath; got == nil || len(got) != 0 {
			t.Errorf("%s: observed path %v, want the get output itself", c.reason, got)
		}
		if !strings.Contains(f.Reason, "its members are PutFunctionEventInvokeConfig's own") {
			t.Errorf("%s: explain does not say how it is sent: %q", c.reason, f.Reason)
		}
	}
}

// TestObservedUnderOtherName: GetProvisionedConcurrencyConfig reports
// what PutProvisionedConcurrencyConfig took as ProvisionedConcurrentExecutions
// under RequestedProvisionedConcurrentExecutions, at the top of its output:
// observed.members with no values reads the member as it is, and no at
// means the get output itself.
func TestObservedUnderOtherName(t *testing.T) {
	m, err := smithy.Load(filepath.Join(awsModelsDir(t), "lambda", "service", "2015-03-31", "lambda-2015-03-31.json"))
	if err != nil {
		t.Fatal(err)
	}
	const head = "resources:\n  Alias:\n    identifiedBy: {Qualifier: Name}\n    subResources:\n      ProvisionedConcurrencyConfig:\n" +
		"        put: PutProvisionedConcurrencyConfig\n        get: GetProvisionedConcurrencyConfig\n        delete: DeleteProvisionedConcurrencyConfig\n        wholeInput: true\n"
	cases := []struct {
		reason, yaml, wantErr string
	}{
		{"read under another name", head + "        observed: {members: {ProvisionedConcurrentExecutions: {from: RequestedProvisionedConcurrentExecutions}}}\n", ""},
		{"an integer read from a string member needs values", head + "        observed: {members: {ProvisionedConcurrentExecutions: {from: StatusReason}}}\n", "no values to map StatusReason"},
	}
	for _, c := range cases {
		res, err := Run("lambda", m, parseConfig(t, c.yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		sr := field(resource(t, res, "Alias"), "ProvisionedConcurrencyConfig").SubResource
		if sr.Observed == nil || len(sr.ObservedPath) != 0 || sr.Observed.Members["ProvisionedConcurrentExecutions"].From != "RequestedProvisionedConcurrentExecutions" {
			t.Errorf("%s: observed %+v at %v, want the member from RequestedProvisionedConcurrentExecutions of the output itself", c.reason, sr.Observed, sr.ObservedPath)
		}
	}
}
