package infer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// thingsModel is a service whose Thing AWS names: CreateThing returns the
// ThingId that DescribeThing and DeleteThing take. ListThings has the
// given input and output members besides its list, and the summaries it
// lists the given members besides ThingId and Name; paginated is its
// @paginated trait, if any. Members are name: target.
func thingsModel(t *testing.T, listIn, listOut, summary map[string]string, paginated map[string]string) *smithy.Model {
	t.Helper()
	const ns = "example.things#"
	members := func(m map[string]string, required ...string) map[string]any {
		out := map[string]any{}
		for name, target := range m {
			out[name] = map[string]any{"target": target}
		}
		for _, name := range required {
			out[name].(map[string]any)["traits"] = map[string]any{"smithy.api#required": map[string]any{}}
		}
		return out
	}
	structure := func(m map[string]string, required ...string) map[string]any {
		return map[string]any{"type": "structure", "members": members(m, required...)}
	}
	op := func(name string, traits map[string]any) map[string]any {
		o := map[string]any{"type": "operation", "input": map[string]string{"target": ns + name + "Input"}, "output": map[string]string{"target": ns + name + "Output"}}
		if traits != nil {
			o["traits"] = traits
		}
		return o
	}
	with := func(m map[string]string, more map[string]string) map[string]string {
		out := map[string]string{}
		for _, src := range []map[string]string{m, more} {
			for k, v := range src {
				out[k] = v
			}
		}
		return out
	}
	var listTraits map[string]any
	if paginated != nil {
		listTraits = map[string]any{"smithy.api#paginated": paginated}
	}
	const str = "smithy.api#String"
	shapes := map[string]any{
		ns + "Things": map[string]any{
			"type": "service", "version": "1",
			"traits":     map[string]any{"aws.api#service": map[string]string{"sdkId": "Things"}, "aws.protocols#awsJson1_0": map[string]any{}},
			"operations": []map[string]string{{"target": ns + "CreateThing"}, {"target": ns + "DescribeThing"}, {"target": ns + "DeleteThing"}, {"target": ns + "ListThings"}},
		},
		ns + "CreateThing":         op("CreateThing", nil),
		ns + "CreateThingInput":    structure(map[string]string{"Name": str, "ClientRequestToken": str, "ClientToken": "smithy.api#Integer"}, "Name"),
		ns + "CreateThingOutput":   structure(map[string]string{"ThingId": str}),
		ns + "DescribeThing":       op("DescribeThing", nil),
		ns + "DescribeThingInput":  structure(map[string]string{"ThingId": str}, "ThingId"),
		ns + "DescribeThingOutput": structure(map[string]string{"Thing": ns + "ThingDescription"}),
		ns + "ThingDescription":    structure(map[string]string{"ThingId": str, "Name": str, "State": str}),
		ns + "DeleteThing":         op("DeleteThing", nil),
		ns + "DeleteThingInput":    structure(map[string]string{"ThingId": str}, "ThingId"),
		ns + "DeleteThingOutput":   structure(nil),
		ns + "ListThings":          op("ListThings", listTraits),
		ns + "ListThingsInput":     structure(listIn),
		ns + "ListThingsOutput":    structure(with(listOut, map[string]string{"Things": ns + "ThingList"})),
		ns + "ThingList":           map[string]any{"type": "list", "member": map[string]string{"target": ns + "ThingSummary"}},
		ns + "ThingSummary":        structure(with(summary, map[string]string{"ThingId": str, "Name": str})),
	}
	data, err := json.Marshal(map[string]any{"smithy": "2.0", "shapes": shapes})
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Parse(data, "things.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAddFinders(t *testing.T) {
	const str, ts = "smithy.api#String", "smithy.api#Timestamp"
	const cfg = "resources:\n  Thing:\n    findCreated: {operation: ListThings, match: [Name]}\n"
	cases := []struct {
		reason                   string
		listIn, listOut, summary map[string]string
		paginated                map[string]string
		yaml                     string
		want                     string
	}{
		{
			reason: "NextToken in and out pages; the one creation timestamp leaves out older things",
			listIn: map[string]string{"NextToken": str}, listOut: map[string]string{"NextToken": str},
			summary: map[string]string{"CreationDate": ts, "LastUsed": ts},
			yaml:    cfg,
			want:    "by ListThings match Name=Name, set ThingId<-ThingId, created at CreationDate, pages NextToken<-NextToken",
		},
		{
			reason: "@paginated names the tokens",
			listIn: map[string]string{"StartKey": str}, listOut: map[string]string{"NextKey": str},
			paginated: map[string]string{"inputToken": "StartKey", "outputToken": "NextKey"},
			yaml:      cfg,
			want:      "by ListThings match Name=Name, set ThingId<-ThingId, pages StartKey<-NextKey",
		},
		{
			reason: "DynamoDB's ExclusiveStart and LastEvaluated page; a member of the match's name filters; createdAfter passes since",
			listIn: map[string]string{"ExclusiveStartThingId": str, "Name": str, "After": ts}, listOut: map[string]string{"LastEvaluatedThingId": str},
			summary: map[string]string{"CreatedAt": ts, "CreationTime": ts},
			yaml:    "resources:\n  Thing:\n    findCreated: {operation: ListThings, match: [Name], createdAfter: After}\n",
			want:    "by ListThings match Name=Name (filter Name), set ThingId<-ThingId, since After, pages ExclusiveStartThingId<-LastEvaluatedThingId",
		},
		{
			reason: "a list without tokens is read in one call",
			yaml:   cfg,
			want:   "by ListThings match Name=Name, set ThingId<-ThingId",
		},
		{
			reason: "without findCreated there is no finder",
			yaml:   "resources:\n  Thing: {}\n",
			want:   "",
		},
	}
	for _, c := range cases {
		res, err := Run("things", thingsModel(t, c.listIn, c.listOut, c.summary, c.paginated), parseConfig(t, c.yaml), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, "Thing")
		if !r.AssignedIdentifier {
			t.Errorf("%s: Thing, read by status.thingID, does not have an assigned identifier", c.reason)
		}
		if got := findLine(model.Dump(res.Service)); got != c.want {
			t.Errorf("%s:\n got: %s\nwant: %s", c.reason, got, c.want)
		}
	}
}

// findLine returns what a dump says of the finder.
func findLine(dump string) string {
	for _, line := range strings.Split(dump, "\n") {
		if rest, ok := strings.CutPrefix(line, "  find created "); ok {
			return rest
		}
	}
	return ""
}
