package infer

import (
	"strings"
	"testing"
)

func TestAddLookups(t *testing.T) {
	const str = "smithy.api#String"
	cases := []struct {
		reason          string
		listIn, listOut map[string]string
		yaml            string
		wantErr         string
		wantAssigned    bool
	}{
		{
			reason: "an operation taking the spec's Name and returning ThingId finds the identifier, so the kind is read by spec fields",
			listIn: map[string]string{"Name": str}, listOut: map[string]string{"ThingId": str},
			yaml: "resources:\n  Thing:\n    lookup: {operation: ListThings}\n",
		},
		{
			reason: "without lookup AWS's ThingId is only known from the create's answer",
			yaml:   "resources:\n  Thing: {}\n", wantAssigned: true,
		},
		{
			reason: "an answer without ThingId cannot fill status.thingID",
			listIn: map[string]string{"Name": str},
			yaml:   "resources:\n  Thing:\n    lookup: {operation: ListThings}\n", wantErr: "returns no ThingId",
		},
		{
			reason: "an operation the model lacks is named with a suggestion",
			yaml:   "resources:\n  Thing:\n    lookup: {operation: ListThing}\n", wantErr: `"ListThing" is not in the model (did you mean "ListThings"?)`,
		},
	}
	for _, c := range cases {
		res, err := Run("things", thingsModel(t, c.listIn, c.listOut, nil, nil), parseConfig(t, c.yaml), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		r := resource(t, res, "Thing")
		if r.AssignedIdentifier != c.wantAssigned {
			t.Errorf("%s: assigned identifier %v, want %v", c.reason, r.AssignedIdentifier, c.wantAssigned)
		}
		if got := r.Lookup != nil && len(r.Lookup.Sets) == 1 && r.Lookup.Sets[0].Field == "ThingId"; got == c.wantAssigned {
			t.Errorf("%s: lookup %+v", c.reason, r.Lookup)
		}
	}
}
