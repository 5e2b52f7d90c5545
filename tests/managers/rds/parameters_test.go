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
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbparametergroup"
)

// fakeParameters is one DB parameter group as RDS's query protocol serves
// it: DescribeDBParameterGroups, DescribeDBParameters (the user's
// parameters), ModifyDBParameterGroup and ResetDBParameterGroup, which
// moto 5.2.1 lacks. Each write is recorded with the names it carried.
type fakeParameters struct {
	mu     sync.Mutex
	params map[string]string
	writes []string // "Modify a,b" or "Reset c"
}

func (f *fakeParameters) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	case "DescribeDBParameterGroups":
		fmt.Fprint(w, `<DescribeDBParameterGroupsResponse><DescribeDBParameterGroupsResult><DBParameterGroups><DBParameterGroup>
<DBParameterGroupName>orders</DBParameterGroupName><DBParameterGroupFamily>postgres16</DBParameterGroupFamily><Description>d</Description>
<DBParameterGroupArn>arn:aws:rds:us-east-1:123456789012:pg:orders</DBParameterGroupArn></DBParameterGroup></DBParameterGroups></DescribeDBParameterGroupsResult></DescribeDBParameterGroupsResponse>`)
	case "DescribeDBParameters":
		// Without Source=user RDS lists the engine's parameters too: the
		// fake's engine knows only those set, with no ApplyType.
		var b strings.Builder
		for _, k := range slices.Sorted(maps.Keys(f.params)) {
			fmt.Fprintf(&b, "<Parameter><ParameterName>%s</ParameterName><ParameterValue>%s</ParameterValue></Parameter>", k, f.params[k])
		}
		fmt.Fprintf(w, `<DescribeDBParametersResponse><DescribeDBParametersResult><Parameters>%s</Parameters></DescribeDBParametersResult></DescribeDBParametersResponse>`, b.String())
	case "ListTagsForResource":
		fmt.Fprint(w, `<ListTagsForResourceResponse><ListTagsForResourceResult><TagList/></ListTagsForResourceResult></ListTagsForResourceResponse>`)
	case "ModifyDBParameterGroup", "ResetDBParameterGroup":
		var names []string
		for i := 1; ; i++ {
			prefix := fmt.Sprintf("Parameters.Parameter.%d.", i)
			name := form.Get(prefix + "ParameterName")
			if name == "" {
				break
			}
			if m := form.Get(prefix + "ApplyMethod"); m != "pending-reboot" {
				http.Error(w, "ApplyMethod "+m, http.StatusBadRequest)
				return
			}
			names = append(names, name)
			if action == "ModifyDBParameterGroup" {
				f.params[name] = form.Get(prefix + "ParameterValue")
			} else {
				delete(f.params, name)
			}
		}
		if len(names) > 20 {
			http.Error(w, "more than 20 parameters", http.StatusBadRequest)
			return
		}
		f.writes = append(f.writes, strings.TrimSuffix(action, "DBParameterGroup")+" "+strings.Join(names, ","))
		fmt.Fprintf(w, `<%[1]sResponse><%[1]sResult><DBParameterGroupName>orders</DBParameterGroupName></%[1]sResult></%[1]sResponse>`, action)
	default:
		http.Error(w, "unexpected "+action, http.StatusBadRequest)
	}
}

// TestParameterOverrides resyncs a DB parameter group's
// parameterOverrides against the fake, checking the writes of each pass:
// 25 new parameters take two ModifyDBParameterGroup calls (RDS takes 20
// at most), keys the spec drops are reset by ResetDBParameterGroup, a
// value changed behind the controller's back is set again, and an
// unchanged map costs no write.
func TestParameterOverrides(t *testing.T) {
	f := &fakeParameters{params: map[string]string{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	ext := dbparametergroup.Kind().Connect(cfg, managed.ClientOptions{})
	many := map[string]string{}
	var first20, last5 []string
	for i := range 25 {
		k := fmt.Sprintf("p%02d", i)
		many[k] = fmt.Sprint(i)
		if i < 20 {
			first20 = append(first20, k)
		} else {
			last5 = append(last5, k)
		}
	}
	steps := []struct {
		reason string
		spec   map[string]string
		aws    func()
		writes []string
	}{
		{reason: "25 parameters take two Modify calls of at most 20",
			spec: many, writes: []string{"Modify " + strings.Join(first20, ","), "Modify " + strings.Join(last5, ",")}},
		{reason: "an unchanged map costs no write", spec: many},
		{reason: "keys the spec drops are reset, and nothing set",
			spec: map[string]string{"p00": "0", "p01": "1"}, writes: []string{"Reset " + strings.Join(slices.Concat(first20[2:], last5[:2]), ","), "Reset " + strings.Join(last5[2:], ",")}},
		{reason: "a value changed behind the controller's back is set again",
			spec: map[string]string{"p00": "0", "p01": "1"}, aws: func() { f.params["p01"] = "9" }, writes: []string{"Modify p01"}},
	}
	for _, s := range steps {
		f.mu.Lock()
		if s.aws != nil {
			s.aws()
		}
		f.writes = nil
		f.mu.Unlock()
		g := &v1alpha1.DBParameterGroup{Spec: v1alpha1.DBParameterGroupSpec{Name: aws.String("orders"), ParameterOverrides: s.spec}}
		obs, err := ext.Observe(context.Background(), g)
		if err != nil {
			t.Fatalf("%s: observe: %v", s.reason, err)
		}
		if len(obs.Diff) > 0 {
			if err := ext.Update(context.Background(), g, obs); err != nil {
				t.Fatalf("%s: update of %v: %v", s.reason, obs.Diff, err)
			}
		}
		if !slices.Equal(f.writes, s.writes) {
			t.Errorf("%s: writes %q, want %q", s.reason, f.writes, s.writes)
		}
	}
	if len(f.params) != 2 || f.params["p01"] != "1" {
		t.Errorf("RDS holds %v at the end, want p00 and p01=1", f.params)
	}
}
