package dynamodb

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/dynamodb/resources/globaltable"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// moto 5.2.1 has no global tables (generated/dynamodb/README.md lists the
// gap), so this fake serves CreateGlobalTable, DescribeGlobalTable and
// UpdateGlobalTable as AWS documents them: a global table is a name and
// a set of replica regions, and it goes when its last replica is removed.

type fakeGlobal struct {
	mu      sync.Mutex
	tables  map[string]map[string]bool // name -> replica regions
	status  string                     // GlobalTableStatus reported
	calls   []string
	inputs  map[string][]string // operation -> every input, as JSON
	actions []string            // every ReplicaUpdates action, as Action:region
}

func newFakeGlobal(t *testing.T) (*fakeGlobal, aws.Config) {
	t.Helper()
	f := &fakeGlobal{tables: map[string]map[string]bool{}, status: "ACTIVE", inputs: map[string][]string{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

func (f *fakeGlobal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "DynamoDB_20120810.")
	f.calls = append(f.calls, op)
	f.inputs[op] = append(f.inputs[op], string(body))
	var in struct {
		GlobalTableName  string
		ReplicationGroup []struct{ RegionName string }
		ReplicaUpdates   []struct {
			Create, Delete *struct{ RegionName string }
		}
	}
	if err := json.Unmarshal(body, &in); err != nil {
		fail400(w, "ValidationException", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	regions, exists := f.tables[in.GlobalTableName]
	switch op {
	case "CreateGlobalTable":
		if exists {
			fail400(w, "GlobalTableAlreadyExistsException", "global table "+in.GlobalTableName+" exists")
			return
		}
		regions = map[string]bool{}
		for _, rep := range in.ReplicationGroup {
			regions[rep.RegionName] = true
		}
		f.tables[in.GlobalTableName] = regions
		reply(w, map[string]any{"GlobalTableDescription": f.describe(in.GlobalTableName, "CREATING")})
	case "DescribeGlobalTable":
		if !exists {
			fail400(w, "GlobalTableNotFoundException", "no global table "+in.GlobalTableName)
			return
		}
		reply(w, map[string]any{"GlobalTableDescription": f.describe(in.GlobalTableName, f.status)})
	case "UpdateGlobalTable":
		if !exists {
			fail400(w, "GlobalTableNotFoundException", "no global table "+in.GlobalTableName)
			return
		}
		if len(in.ReplicaUpdates) == 0 {
			fail400(w, "ValidationException", "ReplicaUpdates must hold at least one update")
			return
		}
		for _, u := range in.ReplicaUpdates {
			switch {
			case u.Create != nil:
				f.actions = append(f.actions, "Create:"+u.Create.RegionName)
				regions[u.Create.RegionName] = true
			case u.Delete != nil:
				if !regions[u.Delete.RegionName] {
					fail400(w, "ReplicaNotFoundException", "no replica in "+u.Delete.RegionName)
					return
				}
				f.actions = append(f.actions, "Delete:"+u.Delete.RegionName)
				delete(regions, u.Delete.RegionName)
			}
		}
		desc := f.describe(in.GlobalTableName, "UPDATING")
		if len(regions) == 0 {
			delete(f.tables, in.GlobalTableName)
		}
		reply(w, map[string]any{"GlobalTableDescription": desc})
	default:
		fail400(w, "UnknownOperationException", "the fake does not serve "+op)
	}
}

func (f *fakeGlobal) describe(name, status string) map[string]any {
	var group []map[string]any
	for _, region := range sortedKeys(f.tables[name]) {
		group = append(group, map[string]any{"RegionName": region, "ReplicaStatus": "ACTIVE"})
	}
	return map[string]any{
		"GlobalTableName": name, "GlobalTableStatus": status, "ReplicationGroup": group,
		"GlobalTableArn":   "arn:aws:dynamodb::123456789012:global-table/" + name,
		"CreationDateTime": 1.7e9,
	}
}

func fail400(w http.ResponseWriter, code, msg string) {
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, `{"__type":"com.amazonaws.dynamodb.v20120810#%s","message":%q}`, code, msg)
}

func globalTable(name string, owned bool, regions ...string) *v1alpha1.GlobalTable {
	cr := &v1alpha1.GlobalTable{}
	cr.Spec.GlobalTableName = aws.String(name)
	for _, r := range regions {
		cr.Spec.ReplicationGroup = append(cr.Spec.ReplicationGroup, v1alpha1.Replica{RegionName: aws.String(r)})
	}
	if owned {
		cr.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	}
	return cr
}

// TestGlobalTableCreateAndRead: the create sends the name and every
// replica region; the read fills the status, reports the ARN, compares
// the regions as a set, and waits while AWS reports a transition.
func TestGlobalTableCreateAndRead(t *testing.T) {
	f, cfg := newFakeGlobal(t)
	ext := globaltable.Kind().Connect(cfg, managed.ClientOptions{})
	ctx := context.Background()
	cr := globalTable("orders", false, "us-east-1", "us-west-2")
	if obs, err := ext.Observe(ctx, cr); err != nil || obs.Exists {
		t.Fatalf("before the create: exists %t, error %v; want no global table", obs.Exists, err)
	}
	if err := ext.Create(ctx, cr); err != nil {
		t.Fatalf("Create: %v", err)
	}
	var sent struct {
		GlobalTableName  string
		ReplicationGroup []struct{ RegionName string }
	}
	if err := json.Unmarshal([]byte(f.inputs["CreateGlobalTable"][0]), &sent); err != nil {
		t.Fatal(err)
	}
	var regions []string
	for _, r := range sent.ReplicationGroup {
		regions = append(regions, r.RegionName)
	}
	if sent.GlobalTableName != "orders" || !slices.Equal(regions, []string{"us-east-1", "us-west-2"}) {
		t.Errorf("CreateGlobalTable input %s: want orders with us-east-1 and us-west-2", f.inputs["CreateGlobalTable"][0])
	}

	// The spec lists the regions in another order than AWS: a set.
	cr.Spec.ReplicationGroup = globalTable("orders", true, "us-west-2", "us-east-1").Spec.ReplicationGroup
	cases := []struct {
		reason, status, wantPending string
	}{
		{"AWS still creating: pending", "CREATING", "CREATING"},
		{"active: in step, nothing pending", "ACTIVE", ""},
	}
	for _, c := range cases {
		f.status = c.status
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: Observe: %v", c.reason, err)
		}
		if !obs.Exists || obs.Pending != c.wantPending || len(obs.Diff) > 0 || len(obs.Immutable) > 0 {
			t.Errorf("%s: exists %t, pending %q, diff %v, immutable %v; want it, pending %q, no difference", c.reason, obs.Exists, obs.Pending, obs.Diff, obs.Immutable, c.wantPending)
		}
		if got := aws.ToString(obs.ARN); got != "arn:aws:dynamodb::123456789012:global-table/orders" {
			t.Errorf("%s: ARN %q", c.reason, got)
		}
		if got := aws.ToString(cr.Status.GlobalTableStatus); got != c.status || cr.Status.CreationDateTime == nil {
			t.Errorf("%s: status globalTableStatus %q, creationDateTime %v; want %s and a time", c.reason, got, cr.Status.CreationDateTime, c.status)
		}
	}
}

// TestGlobalTableReplicas: a resync adds the regions the spec gains and
// removes those it loses, in one UpdateGlobalTable, and sends nothing
// when AWS has the spec's regions.
func TestGlobalTableReplicas(t *testing.T) {
	cases := []struct {
		reason      string
		aws, spec   []string
		wantActions []string
		wantRegions []string
	}{
		{"a region added to the spec is created", []string{"us-east-1"}, []string{"us-east-1", "eu-west-1"},
			[]string{"Create:eu-west-1"}, []string{"eu-west-1", "us-east-1"}},
		{"a region dropped from the spec is removed", []string{"us-east-1", "us-west-2"}, []string{"us-east-1"},
			[]string{"Delete:us-west-2"}, []string{"us-east-1"}},
		{"one added and one removed: both in one update", []string{"us-east-1", "us-west-2"}, []string{"us-east-1", "eu-west-1"},
			[]string{"Create:eu-west-1", "Delete:us-west-2"}, []string{"eu-west-1", "us-east-1"}},
		{"a region added outside Kubernetes is removed again", []string{"us-east-1", "ap-south-1"}, []string{"us-east-1"},
			[]string{"Delete:ap-south-1"}, []string{"us-east-1"}},
		{"the same regions: no update", []string{"us-east-1", "us-west-2"}, []string{"us-west-2", "us-east-1"},
			nil, []string{"us-east-1", "us-west-2"}},
	}
	for _, c := range cases {
		f, cfg := newFakeGlobal(t)
		f.tables["orders"] = map[string]bool{}
		for _, r := range c.aws {
			f.tables["orders"][r] = true
		}
		ext := globaltable.Kind().Connect(cfg, managed.ClientOptions{})
		cr := globalTable("orders", true, c.spec...)
		obs, err := ext.Observe(context.Background(), cr)
		if err != nil {
			t.Fatalf("%s: Observe: %v", c.reason, err)
		}
		if len(obs.Diff) > 0 {
			if err := ext.Update(context.Background(), cr, obs); err != nil {
				t.Fatalf("%s: Update: %v", c.reason, err)
			}
		}
		if !slices.Equal(f.actions, c.wantActions) || len(f.inputs["UpdateGlobalTable"]) > 1 {
			t.Errorf("%s: actions %v in %d updates, want %v in at most one", c.reason, f.actions, len(f.inputs["UpdateGlobalTable"]), c.wantActions)
		}
		if got := sortedKeys(f.tables["orders"]); !slices.Equal(got, c.wantRegions) {
			t.Errorf("%s: regions %v, want %v", c.reason, got, c.wantRegions)
		}
	}
}

// TestGlobalTableDelete: DynamoDB has no DeleteGlobalTable; the delete
// removes every replica AWS reports (one added outside Kubernetes too),
// after which AWS has no global table and a second delete sends nothing.
func TestGlobalTableDelete(t *testing.T) {
	f, cfg := newFakeGlobal(t)
	f.tables["orders"] = map[string]bool{"us-east-1": true, "us-west-2": true, "ap-south-1": true}
	ext := globaltable.Kind().Connect(cfg, managed.ClientOptions{})
	cr := globalTable("orders", true, "us-east-1", "us-west-2")
	if err := ext.Delete(context.Background(), cr); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	slices.Sort(f.actions)
	if want := []string{"Delete:ap-south-1", "Delete:us-east-1", "Delete:us-west-2"}; !slices.Equal(f.actions, want) {
		t.Errorf("delete sent %v, want %v", f.actions, want)
	}
	if obs, err := ext.Observe(context.Background(), cr); err != nil || obs.Exists {
		t.Errorf("after the delete: exists %t, error %v; want gone", obs.Exists, err)
	}
	n := len(f.calls)
	if err := ext.Delete(context.Background(), cr); err != nil {
		t.Errorf("a delete of a gone global table: %v, want done", err)
	}
	if got := f.calls[n:]; !slices.Equal(got, []string{"DescribeGlobalTable"}) {
		t.Errorf("a delete of a gone global table called %v, want the read alone", got)
	}
}
