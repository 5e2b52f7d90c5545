// Package rds runs the generated RDS managers against a fake RDS over
// HTTP, for what the moto emulator cannot show: moto applies a
// ModifyDBInstance at once and never reports PendingModifiedValues.
package rds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbinstance"
)

// fakeRDS is one DB instance as RDS's query protocol serves it to
// DescribeDBInstances and ListTagsForResource; every call is recorded by
// its action.
type fakeRDS struct {
	mu      sync.Mutex
	status  string
	class   string
	storage int
	// pending holds PendingModifiedValues' members, "" for none.
	pending string
	seen    []string
}

func (f *fakeRDS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	action := r.PostForm.Get("Action")
	f.seen = append(f.seen, action)
	w.Header().Set("Content-Type", "text/xml")
	switch action {
	case "DescribeDBInstances":
		fmt.Fprintf(w, `<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances><DBInstance>
<DBInstanceIdentifier>orders</DBInstanceIdentifier><DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:orders</DBInstanceArn>
<DBInstanceStatus>%s</DBInstanceStatus><Engine>postgres</Engine><DBInstanceClass>%s</DBInstanceClass><AllocatedStorage>%d</AllocatedStorage>
<PendingModifiedValues>%s</PendingModifiedValues></DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>`,
			f.status, f.class, f.storage, f.pending)
	case "ListTagsForResource":
		fmt.Fprint(w, `<ListTagsForResourceResponse><ListTagsForResourceResult><TagList/></ListTagsForResourceResult></ListTagsForResourceResponse>`)
	default:
		http.Error(w, "unexpected "+action, http.StatusBadRequest)
	}
}

// TestPendingModifiedValues observes one DB instance whose change RDS has
// accepted but not yet made: a desired value RDS reports pending is no
// difference (no second ModifyDBInstance), a desired value beyond it is,
// and while RDS works on the instance the observation says pending.
func TestPendingModifiedValues(t *testing.T) {
	f := &fakeRDS{}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	ext := dbinstance.Kind().Connect(cfg, managed.ClientOptions{})
	cases := []struct {
		reason  string
		status  string
		pending string
		storage int64
		class   string
		diff    []string
		busy    string
	}{
		{reason: "values RDS reports pending, as the spec asks, are no difference",
			status: "available", pending: "<AllocatedStorage>50</AllocatedStorage><DBInstanceClass>db.t3.small</DBInstanceClass>",
			storage: 50, class: "db.t3.small"},
		{reason: "a desired value beyond the pending one is a difference",
			status: "available", pending: "<AllocatedStorage>50</AllocatedStorage>",
			storage: 60, class: "db.t3.micro", diff: []string{"allocatedStorage"}},
		{reason: "with nothing pending, a value RDS has not got is a difference",
			status: "available", storage: 50, class: "db.t3.small", diff: []string{"allocatedStorage", "dbInstanceClass"}},
		{reason: "while RDS modifies the instance it is pending, and its pending value still no difference",
			status: "modifying", pending: "<AllocatedStorage>50</AllocatedStorage>",
			storage: 50, class: "db.t3.micro", busy: "modifying"},
	}
	for _, c := range cases {
		f.mu.Lock()
		f.status, f.class, f.storage, f.pending = c.status, "db.t3.micro", 20, c.pending
		f.mu.Unlock()
		db := &v1alpha1.DBInstance{Spec: v1alpha1.DBInstanceSpec{
			DBInstanceIdentifier: aws.String("orders"), Engine: aws.String("postgres"),
			DBInstanceClass: aws.String(c.class), AllocatedStorage: aws.Int64(c.storage),
		}}
		obs, err := ext.Observe(context.Background(), db)
		if err != nil {
			t.Fatalf("%s: observe: %v", c.reason, err)
		}
		if !obs.Exists || !slices.Equal(obs.Diff, c.diff) {
			t.Errorf("%s: exists %v, diff %v, want %v", c.reason, obs.Exists, obs.Diff, c.diff)
		}
		if obs.Pending != c.busy {
			t.Errorf("%s: pending %q, want %q", c.reason, obs.Pending, c.busy)
		}
	}
}
