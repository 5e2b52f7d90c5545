package helm

import (
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

func TestValuesYAMLRoundTrips(t *testing.T) {
	want := DefaultValues(testInput())
	out, err := valuesYAML(want)
	if err != nil {
		t.Fatal(err)
	}
	var got Values
	if err := yaml.UnmarshalStrict(out, &got); err != nil {
		t.Fatalf("values.yaml does not read back into Values: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("values.yaml reads back as\n%+v\nwant DefaultValues\n%+v", got, want)
	}
}

func TestDefaultValues(t *testing.T) {
	got := DefaultValues(testInput())
	cases := []struct {
		reason    string
		got, want any
	}{
		{"reconcile.resources lists every kind of the service, sorted", got.Reconcile.Resources, []string{"Backup", "Table"}},
		{"the service account is named after the service", got.ServiceAccount.Name, "dynamodb-controller"},
		{"the image comes from the input and is tagged with the chart version", got.Image.Repository + ":" + got.Image.Tag, "kubesmith/dynamodb-controller:0.1.0"},
		{"the default resync is the incumbent's 10 hours", got.Reconcile.DefaultResyncPeriod, 36000},
		{"tags name the controller, the namespace and the object", got.ResourceTags, []string{
			"services.k8s.aws/controller-version=%CONTROLLER_SERVICE%-%CONTROLLER_VERSION%",
			"services.k8s.aws/namespace=%K8S_NAMESPACE%",
			"services.k8s.aws/name=%K8S_RESOURCE_NAME%",
		}},
	}
	for _, c := range cases {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.reason, c.got, c.want)
		}
	}
}

// Every key needs a json name and a help text: the name is the values key,
// the help its comment in values.yaml and its description in the schema.
func TestEveryValuesFieldIsDocumented(t *testing.T) {
	var check func(t reflect.Type, at string)
	check = func(rt reflect.Type, at string) {
		for _, f := range reflect.VisibleFields(rt) {
			key := jsonName(f)
			if key == "" || f.Tag.Get("help") == "" {
				t.Errorf("%s.%s needs both a json and a help tag", at, f.Name)
			}
			if f.Type.Kind() == reflect.Struct {
				check(f.Type, at+"."+key)
			}
		}
	}
	check(reflect.TypeFor[Values](), "Values")
}

func TestSchemaChecksValues(t *testing.T) {
	schema := loadSchema(t)
	defaults := yamlToJSONValue(t, mustValuesYAML(t))
	cases := []struct {
		reason  string
		change  func(values map[string]any)
		wantErr string // "" when the values must pass
	}{
		{reason: "the defaults are valid", change: func(map[string]any) {}},
		{
			reason:  "a misspelled key is caught",
			change:  func(v map[string]any) { v["image"].(map[string]any)["tagg"] = "x" },
			wantErr: `.image: unknown key "tagg"`,
		},
		{
			reason:  "installScope is an enum",
			change:  func(v map[string]any) { v["installScope"] = "cluster-wide" },
			wantErr: ".installScope: cluster-wide is not one of",
		},
		{
			reason:  "deletionPolicy is an enum",
			change:  func(v map[string]any) { v["deletionPolicy"] = "orphan" },
			wantErr: ".deletionPolicy: orphan is not one of",
		},
		{
			reason:  "log.level is an enum",
			change:  func(v map[string]any) { v["log"].(map[string]any)["level"] = "verbose" },
			wantErr: ".log.level: verbose is not one of",
		},
		{
			reason: "a per-kind resync period is an integer, under any kind name",
			change: func(v map[string]any) {
				v["reconcile"].(map[string]any)["resourceResyncPeriods"] = map[string]any{"Table": "60s"}
			},
			wantErr: ".reconcile.resourceResyncPeriods.Table: 60s is not of type integer",
		},
		{
			reason: "per-kind periods and free-form Kubernetes fragments are accepted",
			change: func(v map[string]any) {
				v["reconcile"].(map[string]any)["resourceResyncPeriods"] = map[string]any{"Table": float64(60)}
				v["deployment"].(map[string]any)["affinity"] = map[string]any{"nodeAffinity": map[string]any{}}
				v["resources"].(map[string]any)["limits"] = map[string]any{"cpu": float64(1)}
			},
		},
		{
			reason: "keys Helm adds when the chart is a dependency are accepted",
			change: func(v map[string]any) {
				v["global"] = map[string]any{"imageRegistry": "example.com"}
				v["enabled"] = true
			},
		},
		{
			reason:  "feature gates are booleans",
			change:  func(v map[string]any) { v["featureGates"] = map[string]any{"ReadOnlyResources": "yes"} },
			wantErr: ".featureGates.ReadOnlyResources: yes is not of type boolean",
		},
		{
			reason:  "turning off the read-only annotation, which the controller always honours, is refused",
			change:  func(v map[string]any) { v["featureGates"] = map[string]any{"ReadOnlyResources": false} },
			wantErr: ".featureGates.ReadOnlyResources: false is not the only accepted value true",
		},
		{
			reason:  "turning on a feature kubesmith lacks is refused",
			change:  func(v map[string]any) { v["featureGates"] = map[string]any{"IAMRoleSelector": true} },
			wantErr: ".featureGates.IAMRoleSelector: true is not the only accepted value false",
		},
		{
			reason:  "a feature gate of no known name is refused",
			change:  func(v map[string]any) { v["featureGates"] = map[string]any{"Made-up": true} },
			wantErr: `.featureGates: unknown key "Made-up"`,
		},
	}
	for _, c := range cases {
		values := deepCopy(t, defaults)
		c.change(values)
		errs := strings.Join(schemaErrors(schema, values, ""), "\n")
		switch {
		case c.wantErr == "" && errs != "":
			t.Errorf("%s: schema rejects the values:\n%s", c.reason, errs)
		case c.wantErr != "" && !strings.Contains(errs, c.wantErr):
			t.Errorf("%s: want an error containing %q, got %q", c.reason, c.wantErr, errs)
		}
	}
}

func TestSchemaFileShape(t *testing.T) {
	out, err := valuesSchema()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "{\n  \"$comment\": \""+generatedNotice+"\",") {
		t.Errorf("values.schema.json must open with the generated-code $comment, starts %q", out[:80])
	}
	schema := loadSchema(t)
	props := schema["properties"].(map[string]any)
	var ours []string
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Values]()) {
		ours = append(ours, jsonName(f))
	}
	want := append(slices.Clone(ours), "enabled", "global")
	slices.Sort(want)
	if got := slices.Sorted(maps.Keys(props)); !slices.Equal(got, want) {
		t.Errorf("schema top-level keys %v, want the Values keys plus Helm's dependency keys %v", got, want)
	}
}

// The incumbent's values file is the compatibility target: every key it has
// must be a key of ours, and the file as a whole must pass our schema, so a
// user's ACK values file keeps working.
func TestIncumbentValuesStillWork(t *testing.T) {
	incumbentPath := findUp(t, "shared/reference/ack-config/dynamodb/values.yaml")
	if incumbentPath == "" {
		t.Skip("no shared/reference/ack-config/dynamodb/values.yaml above the working directory")
	}
	raw, err := os.ReadFile(incumbentPath)
	if err != nil {
		t.Fatal(err)
	}
	incumbent := yamlToJSONValue(t, raw)
	ours := yamlToJSONValue(t, mustValuesYAML(t))
	schema := loadSchema(t)

	if missing := keysLacking(incumbent, ours, schema, ""); len(missing) > 0 {
		t.Errorf("our values.yaml lacks these keys of the incumbent's:\n  %s", strings.Join(missing, "\n  "))
	}
	if errs := schemaErrors(schema, incumbent, ""); len(errs) > 0 {
		t.Errorf("our schema rejects the incumbent's values.yaml:\n  %s", strings.Join(errs, "\n  "))
	}
}

// keysLacking lists the paths of theirs that ours does not have. Under a map
// keyed by the user (featureGates, resourceResyncPeriods, ...) any key counts
// as present: the schema admits it.
func keysLacking(theirs, ours, schema map[string]any, at string) []string {
	var missing []string
	props, _ := schema["properties"].(map[string]any)
	_, userKeyed := schema["additionalProperties"].(map[string]any)
	for _, key := range slices.Sorted(maps.Keys(theirs)) {
		oursValue, ok := ours[key]
		if !ok {
			if !userKeyed {
				missing = append(missing, at+"."+key)
			}
			continue
		}
		theirsMap, theirsIsMap := theirs[key].(map[string]any)
		oursMap, oursIsMap := oursValue.(map[string]any)
		sub, _ := props[key].(map[string]any)
		if theirsIsMap && oursIsMap {
			missing = append(missing, keysLacking(theirsMap, oursMap, sub, at+"."+key)...)
		}
	}
	return missing
}

func mustValuesYAML(t *testing.T) []byte {
	t.Helper()
	out, err := valuesYAML(DefaultValues(testInput()))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	out, err := valuesSchema()
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(out, &schema); err != nil {
		t.Fatalf("values.schema.json is not JSON: %v", err)
	}
	return schema
}

// yamlToJSONValue decodes YAML the way Helm does: into JSON types.
func yamlToJSONValue(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func deepCopy(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestKeysLacking(t *testing.T) {
	schema := map[string]any{"properties": map[string]any{
		"log":          map[string]any{"properties": map[string]any{"level": map[string]any{}}},
		"featureGates": map[string]any{"additionalProperties": map[string]any{"type": "boolean"}},
	}}
	ours := map[string]any{"log": map[string]any{"level": "info"}, "featureGates": map[string]any{}}
	cases := []struct {
		reason string
		theirs map[string]any
		want   []string
	}{
		{"a key both have is not reported", map[string]any{"log": map[string]any{"level": "debug"}}, nil},
		{"a nested key only theirs has is reported with its path", map[string]any{"log": map[string]any{"format": "json"}}, []string{".log.format"}},
		{"a top-level key only theirs has is reported", map[string]any{"installScope": "cluster"}, []string{".installScope"}},
		{"a user-keyed map takes any key", map[string]any{"featureGates": map[string]any{"ReadOnlyResources": true}}, nil},
	}
	for _, c := range cases {
		if got := keysLacking(c.theirs, ours, schema, ""); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.reason, got, c.want)
		}
	}
}
