package rds

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbclusterparametergroup"
)

// fakeClusterParameters is one DB cluster parameter group as RDS's query
// protocol serves it. Its engine knows each parameter's ApplyType
// (dynamic or static); DescribeDBClusterParameters lists the user's
// parameters with Source=user and every parameter without it, as RDS
// does. Each write is recorded as "Modify name=ApplyMethod,…".
type fakeClusterParameters struct {
	mu        sync.Mutex
	applyType map[string]string // the engine's parameters
	params    map[string]string // the values the user set
	writes    []string
}

func (f *fakeClusterParameters) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	form := r.PostForm
	action := form.Get("Action")
	w.Header().Set("Content-Type", "text/xml")
	switch action {
	case "DescribeDBClusterParameterGroups":
		fmt.Fprint(w, `<DescribeDBClusterParameterGroupsResponse><DescribeDBClusterParameterGroupsResult><DBClusterParameterGroups><DBClusterParameterGroup>
<DBClusterParameterGroupName>orders</DBClusterParameterGroupName><DBParameterGroupFamily>aurora-postgresql16</DBParameterGroupFamily><Description>d</Description>
<DBClusterParameterGroupArn>arn:aws:rds:us-east-1:123456789012:cluster-pg:orders</DBClusterParameterGroupArn></DBClusterParameterGroup></DBClusterParameterGroups></DescribeDBClusterParameterGroupsResult></DescribeDBClusterParameterGroupsResponse>`)
	case "DescribeDBClusterParameters":
		var b strings.Builder
		for _, k := range slices.Sorted(maps.Keys(f.applyType)) {
			v, set := f.params[k]
			if !set && form.Get("Source") == "user" {
				continue
			}
			fmt.Fprintf(&b, "<Parameter><ParameterName>%s</ParameterName><ApplyType>%s</ApplyType>", k, f.applyType[k])
			if set {
				fmt.Fprintf(&b, "<ParameterValue>%s</ParameterValue><Source>user</Source>", v)
			}
			b.WriteString("</Parameter>")
		}
		fmt.Fprintf(w, `<DescribeDBClusterParametersResponse><DescribeDBClusterParametersResult><Parameters>%s</Parameters></DescribeDBClusterParametersResult></DescribeDBClusterParametersResponse>`, b.String())
	case "ListTagsForResource":
		fmt.Fprint(w, `<ListTagsForResourceResponse><ListTagsForResourceResult><TagList/></ListTagsForResourceResult></ListTagsForResourceResponse>`)
	case "ModifyDBClusterParameterGroup", "ResetDBClusterParameterGroup":
		var sent []string
		for i := 1; ; i++ {
			prefix := fmt.Sprintf("Parameters.Parameter.%d.", i)
			name := form.Get(prefix + "ParameterName")
			if name == "" {
				break
			}
			method := form.Get(prefix + "ApplyMethod")
			if f.applyType[name] == "static" && method != "pending-reboot" {
				// RDS refuses to apply a static parameter at once.
				http.Error(w, "<ErrorResponse><Error><Code>InvalidParameterCombination</Code></Error></ErrorResponse>", http.StatusBadRequest)
				return
			}
			sent = append(sent, name+"="+method)
			if action == "ModifyDBClusterParameterGroup" {
				f.params[name] = form.Get(prefix + "ParameterValue")
			} else {
				delete(f.params, name)
			}
		}
		f.writes = append(f.writes, strings.TrimSuffix(action, "DBClusterParameterGroup")+" "+strings.Join(sent, ","))
		fmt.Fprintf(w, `<%[1]sResponse><%[1]sResult><DBClusterParameterGroupName>orders</DBClusterParameterGroupName></%[1]sResult></%[1]sResponse>`, action)
	default:
		http.Error(w, "unexpected "+action, http.StatusBadRequest)
	}
}

// syncClusterParameters observes the group of spec against f and updates
// it when the observation differs, returning the writes of the pass.
func syncClusterParameters(t *testing.T, f *fakeClusterParameters, spec v1alpha1.DBClusterParameterGroupSpec) []string {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	ext := dbclusterparametergroup.Kind().Connect(cfg, managed.ClientOptions{})
	f.mu.Lock()
	f.writes = nil
	f.mu.Unlock()
	spec.Name = aws.String("orders")
	g := &v1alpha1.DBClusterParameterGroup{Spec: spec}
	obs, err := ext.Observe(context.Background(), g)
	if err != nil {
		t.Fatalf("observe: %v", err)
	}
	if len(obs.Diff) > 0 {
		if err := ext.Update(context.Background(), g, obs); err != nil {
			t.Fatalf("update of %v: %v", obs.Diff, err)
		}
	}
	return f.writes
}

func param(name, value string) v1alpha1.Parameter {
	return v1alpha1.Parameter{ParameterName: aws.String(name), ParameterValue: aws.String(value)}
}

// TestClusterParametersList resyncs the incumbent's deprecated
// spec.parameters of a DB cluster parameter group: its names and values
// reach RDS through ModifyDBClusterParameterGroup, an unchanged list costs
// no write, and a value changed behind the controller's back is set again.
func TestClusterParametersList(t *testing.T) {
	f := &fakeClusterParameters{applyType: map[string]string{"work_mem": "static", "max_connections": "static"}, params: map[string]string{}}
	list := []v1alpha1.Parameter{param("work_mem", "64"), param("max_connections", "200")}
	steps := []struct {
		reason string
		aws    func()
		writes []string
	}{
		{reason: "the list's entries are set", writes: []string{"Modify max_connections=pending-reboot,work_mem=pending-reboot"}},
		{reason: "an unchanged list costs no write"},
		{reason: "a value changed behind the controller's back is set again",
			aws: func() { f.params["work_mem"] = "8" }, writes: []string{"Modify work_mem=pending-reboot"}},
	}
	for _, s := range steps {
		if s.aws != nil {
			f.mu.Lock()
			s.aws()
			f.mu.Unlock()
		}
		if got := syncClusterParameters(t, f, v1alpha1.DBClusterParameterGroupSpec{Parameters: list}); !slices.Equal(got, s.writes) {
			t.Errorf("%s: writes %q, want %q", s.reason, got, s.writes)
		}
	}
	if want := map[string]string{"work_mem": "64", "max_connections": "200"}; !maps.Equal(f.params, want) {
		t.Errorf("RDS holds %v, want %v", f.params, want)
	}
}

// TestClusterParameterApplyMethod sets a dynamic and a static parameter
// never set before, and changes them again: as the incumbent, the dynamic
// one is applied immediately and the static one at the next reboot (RDS
// refuses immediate for a static parameter).
func TestClusterParameterApplyMethod(t *testing.T) {
	f := &fakeClusterParameters{applyType: map[string]string{"work_mem": "dynamic", "shared_buffers": "static"}, params: map[string]string{}}
	steps := []struct {
		reason string
		spec   map[string]string
		writes []string
	}{
		{reason: "new parameters: dynamic immediate, static pending-reboot",
			spec: map[string]string{"work_mem": "64", "shared_buffers": "128"}, writes: []string{"Modify shared_buffers=pending-reboot,work_mem=immediate"}},
		{reason: "a changed dynamic parameter is applied immediately",
			spec: map[string]string{"work_mem": "32", "shared_buffers": "128"}, writes: []string{"Modify work_mem=immediate"}},
	}
	for _, s := range steps {
		if got := syncClusterParameters(t, f, v1alpha1.DBClusterParameterGroupSpec{ParameterOverrides: s.spec}); !slices.Equal(got, s.writes) {
			t.Errorf("%s: writes %q, want %q", s.reason, got, s.writes)
		}
	}
}
