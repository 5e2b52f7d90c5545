package infer

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubesmith/kubesmith/generator/smithy"
)

// loadKMS reads the KMS Smithy model from AWS_MODELS_DIR, or skips.
func loadKMS(t *testing.T) *smithy.Model {
	t.Helper()
	m, err := smithy.Load(filepath.Join(awsModelsDir(t), "kms", "service", "2014-11-01", "kms-2014-11-01.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const kmsKey = "resources:\n  Key:\n    operations: {delete: ScheduleKeyDeletion}\n"

// TestToggles: a toggles: entry adds an updatable, compared boolean spec
// field turned on and off by two operations and read by a third; a wrong
// entry is an error naming what is wrong.
func TestToggles(t *testing.T) {
	m := loadKMS(t)
	const toggle = kmsKey + "    toggles:\n      %s: {enable: %s, disable: DisableKeyRotation, get: GetKeyRotationStatus, observedAt: %s}\n"
	cases := []struct {
		reason, name, enable, observedAt string
		wantErr                          string
	}{
		{"rotation: EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus's KeyRotationEnabled", "EnableKeyRotation", "EnableKeyRotation", "KeyRotationEnabled", ""},
		{"a misspelt operation is named, with the likely one", "EnableKeyRotation", "EnableKeyRotations", "KeyRotationEnabled", `operation "EnableKeyRotations" is not in the model (did you mean "EnableKeyRotation"?)`},
		{"the operations may require nothing but the identifiers", "EnableKeyRotation", "CreateAlias", "KeyRotationEnabled", "CreateAlias requires AliasName, which is no identifier of Key"},
		{"observedAt must be a boolean of the get's output", "EnableKeyRotation", "EnableKeyRotation", "KeyId", "observedAt: GetKeyRotationStatus returns no boolean KeyId"},
		{"a field the resource has is no toggle", "Description", "EnableKeyRotation", "KeyRotationEnabled", "Key already has a field Description"},
	}
	for _, c := range cases {
		res, err := Run("kms", m, parseConfig(t, fmt.Sprintf(toggle, c.name, c.enable, c.observedAt)), Options{})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		f := field(resource(t, res, "Key"), c.name)
		if f == nil || f.Toggle == nil {
			t.Fatalf("%s: no toggle field %s", c.reason, c.name)
		}
		tg := f.Toggle
		got := strings.Join([]string{tg.Enable.Name, tg.Disable.Name, tg.Get.Name, strings.Join(tg.ObservedPath, ".")}, " ")
		want := "EnableKeyRotation DisableKeyRotation GetKeyRotationStatus KeyRotationEnabled"
		if got != want || f.JSONName != "enableKeyRotation" || !f.Updatable || f.CreateOnly || !f.Compared() {
			t.Errorf("%s: toggle %q (json %s, updatable %t, create-only %t, compared %t), want %q as enableKeyRotation, updatable and compared",
				c.reason, got, f.JSONName, f.Updatable, f.CreateOnly, f.Compared(), want)
		}
	}
}

// TestInputs: inputs: records constants per operation, checked against
// the operation's input members and their types.
func TestInputs(t *testing.T) {
	m := loadKMS(t)
	cases := []struct {
		reason, inputs string
		want           string // "Operation Member=Value", or the error's text
		wantErr        bool
	}{
		{"the pending window is an integer member of ScheduleKeyDeletion", "ScheduleKeyDeletion: {PendingWindowInDays: \"7\"}", "ScheduleKeyDeletion PendingWindowInDays=7", false},
		{"a string member takes any value", "GetKeyPolicy: {PolicyName: default}", "GetKeyPolicy PolicyName=default", false},
		{"an integer member refuses a word", "ScheduleKeyDeletion: {PendingWindowInDays: seven}", `ScheduleKeyDeletion.PendingWindowInDays: "seven" is no 32-bit integer`, true},
		{"a member the operation lacks is named, with the likely one", "ScheduleKeyDeletion: {PendingWindowDays: \"7\"}", `ScheduleKeyDeletion takes no member "PendingWindowDays" (did you mean "PendingWindowInDays"?)`, true},
		{"an operation the model lacks is named", "ScheduleKeyDeletions: {PendingWindowInDays: \"7\"}", `operation "ScheduleKeyDeletions" is not in the model`, true},
	}
	for _, c := range cases {
		res, err := Run("kms", m, parseConfig(t, kmsKey+"    inputs:\n      "+c.inputs+"\n"), Options{})
		if c.wantErr {
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: error %v, want one containing %q", c.reason, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		op, _, _ := strings.Cut(c.want, " ")
		args := resource(t, res, "Key").Inputs[op]
		if len(args) != 1 || op+" "+args[0].Member+"="+args[0].Value != c.want {
			t.Errorf("%s: inputs of %s %+v, want %s", c.reason, op, args, c.want)
		}
	}
}

// TestKMSReads: what the KMS kinds need of inference without options of
// their own: tags through TagResource and ListResourceTags taking the ARN
// in KeyId (tags.arnMember), a description changed by UpdateKeyDescription
// alone and read back by DescribeKey, an alias read by paging ListAliases
// for its name, and a grant read by ListGrants with its key and its ID.
func TestKMSReads(t *testing.T) {
	m := loadKMS(t)
	yaml := kmsKey + "    tags: {arnMember: KeyId}\n    subResources:\n      Description: {put: UpdateKeyDescription}\n" +
		"  Alias:\n    operations: {read: ListAliases}\n" +
		"  Grant:\n    operations: {create: CreateGrant, read: ListGrants, delete: RevokeGrant}\n"
	res, err := Run("kms", m, parseConfig(t, yaml), Options{})
	if err != nil {
		t.Fatal(err)
	}
	key := resource(t, res, "Key")
	if api := key.Tags.API; api == nil || api.TagARN != "KeyId" || api.UntagARN != "KeyId" || api.ListARN != "KeyId" || api.List.Name != "ListResourceTags" {
		t.Errorf("Key's tag API %+v, want TagResource, UntagResource and ListResourceTags taking KeyId", api)
	}
	d := field(key, "Description")
	if d == nil || d.SubResource == nil || !d.SubResource.ReadWithResource || d.SubResource.Put.Name != "UpdateKeyDescription" || d.CreateOnly {
		t.Errorf("Key's description %+v, want a sub-resource put by UpdateKeyDescription, read with the resource, not create-only", d)
	}
	alias := resource(t, res, "Alias")
	if s := alias.Read.Scan; s == nil || strings.Join(s.Members, ",") != "AliasName" || s.InputToken != "Marker" || s.OutputToken != "NextMarker" {
		t.Errorf("Alias's read scan %+v, want ListAliases paged by Marker and NextMarker, matched by AliasName", s)
	}
	grant := resource(t, res, "Grant")
	var ids []string
	for _, id := range grant.Identifiers {
		ids = append(ids, id.Member)
	}
	if strings.Join(ids, ",") != "KeyId,GrantId" {
		t.Errorf("Grant's identifiers %v, want KeyId and GrantId (ListGrants filters by both)", ids)
	}
	bad := kmsKey + "    tags: {arnMember: Nope}\n"
	if _, err := Run("kms", m, parseConfig(t, bad), Options{}); err == nil || !strings.Contains(err.Error(), "must each take the string member Nope") {
		t.Errorf("an arnMember the tag operations lack: error %v, want it named", err)
	}
}
