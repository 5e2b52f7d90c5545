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
	"github.com/kubesmith/kubesmith/generated/dynamodb/resources/table"
	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// moto 5.2.1 has no contributor insights, so this fake serves a table's
// DescribeContributorInsights and UpdateContributorInsights as AWS
// documents them; without insights it answers them as an endpoint that
// lacks the operations.

type fakeInsights struct {
	mu      sync.Mutex
	lacks   bool   // the endpoint has no contributor insights operations
	status  string // ContributorInsightsStatus
	calls   []string
	actions []string // the ContributorInsightsAction of every update
}

func newFakeInsights(t *testing.T, status string, lacks bool) (*fakeInsights, aws.Config) {
	t.Helper()
	f := &fakeInsights{status: status, lacks: lacks}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

func (f *fakeInsights) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "DynamoDB_20120810.")
	f.calls = append(f.calls, op)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	switch {
	case op == "DescribeTable":
		reply(w, map[string]any{"Table": map[string]any{
			"TableName": "t", "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/t", "TableStatus": "ACTIVE",
		}})
	case op == "ListTagsOfResource":
		reply(w, map[string]any{"Tags": []any{}})
	case op == "DescribeContributorInsights" && !f.lacks:
		reply(w, map[string]any{"TableName": "t", "ContributorInsightsStatus": f.status})
	case op == "UpdateContributorInsights" && !f.lacks:
		var in struct{ ContributorInsightsAction string }
		if err := json.Unmarshal(body, &in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.actions = append(f.actions, in.ContributorInsightsAction)
		f.status = map[string]string{"ENABLE": "ENABLED", "DISABLE": "DISABLED"}[in.ContributorInsightsAction]
		reply(w, map[string]any{"TableName": "t", "ContributorInsightsStatus": f.status})
	default:
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"__type":"com.amazon.coral.service#UnknownOperationException","message":"the fake does not serve %s"}`, op)
	}
}

// resyncTable observes the table and, where it differs, updates it, as
// one pass of the runtime does.
func resyncTable(t *testing.T, ext managed.External[*v1alpha1.Table], cr *v1alpha1.Table) managed.Observation {
	t.Helper()
	ctx := context.Background()
	obs, err := ext.Observe(ctx, cr)
	if err != nil {
		t.Fatalf("Observe: %v", err)
	}
	if len(obs.Diff) > 0 {
		if err := ext.Update(ctx, cr, obs); err != nil {
			t.Fatalf("Update: %v", err)
		}
	}
	return obs
}

func insightsTable(action string, owned bool) *v1alpha1.Table {
	cr := &v1alpha1.Table{}
	cr.Spec.TableName = aws.String("t")
	if action != "" {
		cr.Spec.ContributorInsights = aws.String(action)
	}
	if owned {
		cr.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	}
	return cr
}

// TestContributorInsights turns a table's contributor insights on and
// off through UpdateContributorInsights, reads them only where the spec
// sets them, and puts them back when changed outside Kubernetes.
func TestContributorInsights(t *testing.T) {
	cases := []struct {
		reason      string
		aws         string // ContributorInsightsStatus before the pass
		spec        string // spec.contributorInsights ("" for unset)
		wantActions []string
		wantStatus  string
	}{
		{"enable: insights off in AWS are turned on", "DISABLED", "ENABLE", []string{"ENABLE"}, "ENABLED"},
		{"disable: insights on in AWS are turned off", "ENABLED", "DISABLE", []string{"DISABLE"}, "DISABLED"},
		{"already as the spec says: no update", "ENABLED", "ENABLE", nil, "ENABLED"},
		{"a transition on its way to the spec's value is no drift", "ENABLING", "ENABLE", nil, "ENABLING"},
		{"unset in the spec: no opinion, AWS keeps its insights", "ENABLED", "", nil, "ENABLED"},
	}
	for _, c := range cases {
		f, cfg := newFakeInsights(t, c.aws, false)
		resyncTable(t, table.Kind().Connect(cfg, managed.ClientOptions{}), insightsTable(c.spec, true))
		if !slices.Equal(f.actions, c.wantActions) {
			t.Errorf("%s: UpdateContributorInsights actions %v, want %v (calls %v)", c.reason, f.actions, c.wantActions, f.calls)
		}
		if f.status != c.wantStatus {
			t.Errorf("%s: AWS reports %s, want %s", c.reason, f.status, c.wantStatus)
		}
		if read := slices.Contains(f.calls, "DescribeContributorInsights"); read != (c.spec != "") {
			t.Errorf("%s: DescribeContributorInsights called %t, want %t: a field the spec leaves unset costs no read (calls %v)", c.reason, read, c.spec != "", f.calls)
		}
	}
}

// TestContributorInsightsDriftPutBack: insights turned off outside
// Kubernetes are turned on again at the next resync, with one update.
func TestContributorInsightsDriftPutBack(t *testing.T) {
	f, cfg := newFakeInsights(t, "ENABLED", false)
	ext := table.Kind().Connect(cfg, managed.ClientOptions{})
	cr := insightsTable("ENABLE", true)
	if obs := resyncTable(t, ext, cr); len(obs.Diff) > 0 {
		t.Fatalf("in step: diff %v, want none", obs.Diff)
	}
	f.mu.Lock()
	f.status = "DISABLED" // someone turned them off in the console
	f.mu.Unlock()
	if obs := resyncTable(t, ext, cr); !slices.Equal(obs.Diff, []string{"contributorInsights"}) {
		t.Errorf("after the change outside Kubernetes: diff %v, want [contributorInsights]", obs.Diff)
	}
	if !slices.Equal(f.actions, []string{"ENABLE"}) || f.status != "ENABLED" {
		t.Errorf("actions %v, AWS %s: want one ENABLE putting them back", f.actions, f.status)
	}
}

// TestSubResourceReadForAdoptionOnly: an endpoint without the contributor
// insights operations (moto 5.2.1; a region without the feature) stops
// no adoption or read-only view of a table whose spec leaves them unset:
// the field stays out of the observed spec. A spec that sets them still
// fails the pass, with AWS's error.
func TestSubResourceReadForAdoptionOnly(t *testing.T) {
	cases := []struct {
		reason  string
		cr      *v1alpha1.Table
		wantErr bool
	}{
		{"not owned yet, unset: read for the adoption, its failure leaves the field out", insightsTable("", false), false},
		{"not owned yet, set in the spec: the answer is needed, the error stands", insightsTable("ENABLE", false), true},
		{"owned, set in the spec: the error stands", insightsTable("ENABLE", true), true},
	}
	for _, c := range cases {
		_, cfg := newFakeInsights(t, "", true)
		obs, err := table.Kind().Connect(cfg, managed.ClientOptions{}).Observe(context.Background(), c.cr)
		if (err != nil) != c.wantErr {
			t.Errorf("%s: Observe error %v, want error %t", c.reason, err, c.wantErr)
			continue
		}
		if err != nil {
			if !strings.Contains(err.Error(), "UnknownOperationException") {
				t.Errorf("%s: error %v does not carry AWS's code", c.reason, err)
			}
			continue
		}
		if got := obs.Observed.(v1alpha1.TableSpec).ContributorInsights; !obs.Exists || got != nil {
			t.Errorf("%s: exists %t, observed contributorInsights %v; want the table, and the field unset", c.reason, obs.Exists, got)
		}
	}
}
