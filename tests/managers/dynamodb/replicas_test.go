package dynamodb

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/dynamodb/resources/table"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// moto 5.2.1 has no table replicas (UpdateTable ignores ReplicaUpdates),
// so this fake DynamoDB serves a table's calls as AWS documents them,
// holding its replicas by region with their KMS key.

type fakeTable struct {
	mu       sync.Mutex
	replicas map[string]string // region -> KMS key ("" for none)
	updates  []string          // every UpdateTable's input, as JSON
}

func newFakeTable(t *testing.T, replicas map[string]string) (*fakeTable, aws.Config) {
	t.Helper()
	f := &fakeTable{replicas: replicas}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

func (f *fakeTable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	switch op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "DynamoDB_20120810."); op {
	case "DescribeTable":
		var replicas []map[string]any
		for _, region := range sortedKeys(f.replicas) {
			rep := map[string]any{"RegionName": region, "ReplicaStatus": "ACTIVE"}
			if k := f.replicas[region]; k != "" {
				rep["KMSMasterKeyId"] = k
			}
			replicas = append(replicas, rep)
		}
		reply(w, map[string]any{"Table": map[string]any{
			"TableName": "t", "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/t", "TableStatus": "ACTIVE",
			"Replicas": replicas,
		}})
	case "ListTagsOfResource":
		reply(w, map[string]any{"Tags": []any{}})
	case "UpdateTable":
		f.updates = append(f.updates, string(body))
		var in struct {
			ReplicaUpdates []struct {
				Create, Update *struct{ RegionName, KMSMasterKeyId string }
				Delete         *struct{ RegionName string }
			}
		}
		if err := json.Unmarshal(body, &in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for _, u := range in.ReplicaUpdates {
			switch {
			case u.Create != nil:
				f.replicas[u.Create.RegionName] = u.Create.KMSMasterKeyId
			case u.Update != nil:
				f.replicas[u.Update.RegionName] = u.Update.KMSMasterKeyId
			case u.Delete != nil:
				delete(f.replicas, u.Delete.RegionName)
			}
		}
		reply(w, map[string]any{"TableDescription": map[string]any{"TableName": "t", "TableStatus": "UPDATING"}})
	default:
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"__type":"com.amazon.coral.service#UnknownOperationException","message":"the fake does not serve %s"}`, op)
	}
}

func reply(w http.ResponseWriter, v any) {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		panic(err)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestTableReplicas changes a table's replicas through UpdateTable's
// ReplicaUpdates: one Create, Update or Delete per region that differs,
// nothing for a spec without tableReplicas, and nothing for what
// DescribeTable cannot report back (a replica's class override).
func TestTableReplicas(t *testing.T) {
	rep := func(region, key string) v1alpha1.CreateReplicationGroupMemberAction {
		r := v1alpha1.CreateReplicationGroupMemberAction{RegionName: aws.String(region)}
		if key != "" {
			r.KMSMasterKeyID = aws.String(key)
		}
		return r
	}
	classed := rep("us-west-2", "")
	classed.TableClassOverride = aws.String("STANDARD_INFREQUENT_ACCESS")
	cases := []struct {
		reason       string
		aws          map[string]string
		spec         []v1alpha1.CreateReplicationGroupMemberAction
		wantActions  []string // the ReplicaUpdates sent, as Action:region
		wantReplicas []string
	}{
		{"a replica the table lacks is created", map[string]string{}, []v1alpha1.CreateReplicationGroupMemberAction{rep("us-west-2", "")},
			[]string{"Create:us-west-2"}, []string{"us-west-2"}},
		{"a replica the spec lacks is deleted", map[string]string{"us-west-2": "", "eu-west-1": ""}, []v1alpha1.CreateReplicationGroupMemberAction{rep("us-west-2", "")},
			[]string{"Delete:eu-west-1"}, []string{"us-west-2"}},
		{"a replica whose key differs is updated", map[string]string{"us-west-2": "k1"}, []v1alpha1.CreateReplicationGroupMemberAction{rep("us-west-2", "k2")},
			[]string{"Update:us-west-2"}, []string{"us-west-2"}},
		{"no tableReplicas in the spec is no opinion", map[string]string{"eu-west-1": ""}, nil,
			nil, []string{"eu-west-1"}},
		{"a class override DescribeTable does not report is no drift", map[string]string{"us-west-2": ""}, []v1alpha1.CreateReplicationGroupMemberAction{classed},
			nil, []string{"us-west-2"}},
	}
	for _, c := range cases {
		f, cfg := newFakeTable(t, c.aws)
		ext := table.Kind().Connect(cfg, managed.ClientOptions{})
		cr := &v1alpha1.Table{}
		cr.Spec.TableName = aws.String("t")
		cr.Spec.TableReplicas = c.spec
		cr.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
		ctx := context.Background()
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: Observe: %v", c.reason, err)
		}
		if got, want := obs.Changed("tableReplicas"), c.wantActions != nil; got != want {
			t.Errorf("%s: tableReplicas differ %t (diff %v), want %t", c.reason, got, obs.Diff, want)
		}
		if len(obs.Diff) > 0 {
			if err := ext.Update(ctx, cr, obs); err != nil {
				t.Fatalf("%s: Update: %v", c.reason, err)
			}
		}
		var actions []string
		for _, u := range f.updates {
			var in struct {
				ReplicaUpdates []map[string]struct{ RegionName string }
			}
			_ = json.Unmarshal([]byte(u), &in)
			for _, ru := range in.ReplicaUpdates {
				for action, v := range ru {
					actions = append(actions, action+":"+v.RegionName)
				}
			}
		}
		if !slices.Equal(actions, c.wantActions) {
			t.Errorf("%s: ReplicaUpdates %v, want %v (UpdateTable inputs %v)", c.reason, actions, c.wantActions, f.updates)
		}
		if got := sortedKeys(f.replicas); !slices.Equal(got, c.wantReplicas) {
			t.Errorf("%s: replicas in %v, want %v", c.reason, got, c.wantReplicas)
		}
	}
}
