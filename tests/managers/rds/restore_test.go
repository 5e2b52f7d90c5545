package rds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/runtime/managed"

	"github.com/kubesmith/kubesmith/generated/rds/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/rds/resources/dbinstance"
)

// fakeCreates answers RDS's operations that make a DB instance with the
// instance, recording each call's form.
type fakeCreates struct {
	mu    sync.Mutex
	calls []url.Values
}

func (f *fakeCreates) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.calls = append(f.calls, r.PostForm)
	action := r.PostForm.Get("Action")
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%[1]sResponse><%[1]sResult><DBInstance><DBInstanceIdentifier>%[2]s</DBInstanceIdentifier><DBInstanceStatus>creating</DBInstanceStatus>
<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:%[2]s</DBInstanceArn></DBInstance></%[1]sResult></%[1]sResponse>`, action, r.PostForm.Get("DBInstanceIdentifier"))
}

// TestCreateVariants creates DB instances from three specs: a plain one
// is made by CreateDBInstance, one naming a snapshot is restored from it
// by RestoreDBInstanceFromDBSnapshot, and one naming a source instance is
// its read replica by CreateDBInstanceReadReplica; each call carries the
// spec's identifier and class, and the status is filled from the answer.
func TestCreateVariants(t *testing.T) {
	f := &fakeCreates{}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), BaseEndpoint: aws.String(srv.URL)}
	ext := dbinstance.Kind().Connect(cfg, managed.ClientOptions{})
	cases := []struct {
		reason string
		spec   func(s *v1alpha1.DBInstanceSpec)
		action string
		member string // the member the variant must carry
	}{
		{reason: "a plain spec is created", spec: func(*v1alpha1.DBInstanceSpec) {}, action: "CreateDBInstance", member: "Engine"},
		{reason: "a spec naming a snapshot is restored from it",
			spec:   func(s *v1alpha1.DBInstanceSpec) { s.DBSnapshotIdentifier = aws.String("orders-snap") },
			action: "RestoreDBInstanceFromDBSnapshot", member: "DBSnapshotIdentifier"},
		{reason: "a spec naming a source instance is its read replica",
			spec:   func(s *v1alpha1.DBInstanceSpec) { s.SourceDBInstanceIdentifier = aws.String("orders") },
			action: "CreateDBInstanceReadReplica", member: "SourceDBInstanceIdentifier"},
	}
	for i, c := range cases {
		id := fmt.Sprintf("db-%d", i)
		db := &v1alpha1.DBInstance{Spec: v1alpha1.DBInstanceSpec{
			DBInstanceIdentifier: aws.String(id), Engine: aws.String("postgres"), DBInstanceClass: aws.String("db.t3.micro"),
		}}
		c.spec(&db.Spec)
		if err := ext.Create(context.Background(), db); err != nil {
			t.Fatalf("%s: create: %v", c.reason, err)
		}
		f.mu.Lock()
		last := f.calls[len(f.calls)-1]
		f.mu.Unlock()
		if last.Get("Action") != c.action || last.Get("DBInstanceIdentifier") != id || last.Get("DBInstanceClass") != "db.t3.micro" || !last.Has(c.member) {
			t.Errorf("%s: called %v, want %s with the identifier, the class and %s", c.reason, last, c.action, c.member)
		}
		if aws.ToString(db.Status.DBInstanceStatus) != "creating" {
			t.Errorf("%s: status dbInstanceStatus %q, want creating from the answer", c.reason, aws.ToString(db.Status.DBInstanceStatus))
		}
	}
}
