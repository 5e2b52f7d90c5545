package ec2

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/ec2/resources/internetgateway"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// The InternetGateway's routeTables are listed by DescribeRouteTables
// filtered on association.gateway-id, which moto 5.2.1 answers with HTTP
// 500; this fake EC2 serves the gateway's calls instead, as AWS documents
// them.

// association is one route table association: the table and the subnet
// or gateway it is associated with.
type association struct{ table, target string }

// fakeRoutes is an EC2 holding one internet gateway, igw-1, attached to
// vpc-1, and route table associations by ID. It records every call as
// "Action" (with its route table or association, for writes).
type fakeRoutes struct {
	mu      sync.Mutex
	assocs  map[string]association
	next    int
	calls   []string
	deleted bool
}

func newFakeRoutes(t *testing.T, assocs map[string]association) (*fakeRoutes, aws.Config) {
	t.Helper()
	f := &fakeRoutes{assocs: assocs}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

func (f *fakeRoutes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		ec2Error(w, "InvalidRequest", err.Error())
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	form := r.PostForm
	action := form.Get("Action")
	w.Header().Set("Content-Type", "text/xml")
	switch action {
	case "DescribeInternetGateways":
		f.calls = append(f.calls, action)
		items := ""
		if !f.deleted {
			items = `<item><internetGatewayId>igw-1</internetGatewayId><attachmentSet><item><vpcId>vpc-1</vpcId><state>available</state></item></attachmentSet></item>`
		}
		answer(w, action, `<internetGatewaySet>`+items+`</internetGatewaySet>`)
	case "DescribeRouteTables":
		f.calls = append(f.calls, action)
		if form.Get("Filter.1.Name") != "association.gateway-id" || form.Get("Filter.2.Name") != "" {
			ec2Error(w, "InvalidParameterValue", "want one filter, association.gateway-id, got "+form.Encode())
			return
		}
		answer(w, action, `<routeTableSet>`+f.tables(form.Get("Filter.1.Value.1"))+`</routeTableSet>`)
	case "AssociateRouteTable":
		f.calls = append(f.calls, action+" "+form.Get("RouteTableId")+" "+form.Get("GatewayId"))
		f.next++
		id := fmt.Sprintf("rtbassoc-new%d", f.next)
		f.assocs[id] = association{form.Get("RouteTableId"), form.Get("GatewayId")}
		answer(w, action, `<associationId>`+id+`</associationId>`)
	case "DisassociateRouteTable":
		id := form.Get("AssociationId")
		f.calls = append(f.calls, action+" "+id)
		if _, ok := f.assocs[id]; !ok {
			ec2Error(w, "InvalidAssociationID.NotFound", id)
			return
		}
		delete(f.assocs, id)
		answer(w, action, `<return>true</return>`)
	case "DetachInternetGateway", "DeleteInternetGateway":
		f.calls = append(f.calls, action)
		f.deleted = f.deleted || action == "DeleteInternetGateway"
		answer(w, action, `<return>true</return>`)
	default:
		ec2Error(w, "InvalidAction", "the fake does not serve "+action)
	}
}

// tables lists, as AWS does, every route table with an association to
// the gateway, with all its associations (a subnet's too).
func (f *fakeRoutes) tables(gateway string) string {
	byTable := map[string][]string{}
	for id, a := range f.assocs {
		byTable[a.table] = append(byTable[a.table], id)
	}
	var out strings.Builder
	for _, table := range sortedKeys(byTable) {
		ids := byTable[table]
		if !slices.ContainsFunc(ids, func(id string) bool { return f.assocs[id].target == gateway }) {
			continue
		}
		sort.Strings(ids)
		fmt.Fprintf(&out, `<item><routeTableId>%s</routeTableId><associationSet>`, table)
		for _, id := range ids {
			member := "gatewayId"
			if strings.HasPrefix(f.assocs[id].target, "subnet-") {
				member = "subnetId"
			}
			fmt.Fprintf(&out, `<item><routeTableAssociationId>%s</routeTableAssociationId><routeTableId>%s</routeTableId><%s>%s</%s><main>false</main></item>`, id, table, member, f.assocs[id].target, member)
		}
		out.WriteString(`</associationSet></item>`)
	}
	return out.String()
}

// gatewayTables are the route tables associated with igw-1, sorted.
func (f *fakeRoutes) gatewayTables() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, a := range f.assocs {
		if a.target == "igw-1" {
			out = append(out, a.table)
		}
	}
	sort.Strings(out)
	return out
}

// writes are the recorded calls other than reads, in order.
func (f *fakeRoutes) writes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		if !strings.HasPrefix(c, "Describe") {
			out = append(out, c)
		}
	}
	return out
}

// count is how many recorded calls are op.
func (f *fakeRoutes) count(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == op {
			n++
		}
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func answer(w http.ResponseWriter, action, body string) {
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<%sResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId>%s</%sResponse>`, action, body, action)
}

func ec2Error(w http.ResponseWriter, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>r-1</RequestID></Response>`, code, msg)
}

// ownedGateway is a created InternetGateway igw-1 whose spec names the
// route tables (nil: no opinion).
func ownedGateway(tables []string) *v1alpha1.InternetGateway {
	cr := &v1alpha1.InternetGateway{}
	cr.Spec.RouteTables = tables
	cr.Status.InternetGatewayID = aws.String("igw-1")
	cr.Status.ACKResourceMetadata = &ackv1alpha1.ResourceMetadata{Ownership: ackv1alpha1.OwnershipCreated}
	return cr
}

// TestInternetGatewayRouteTables observes and updates an InternetGateway's
// routeTables through its generated manager against a fake EC2: the
// gateway's associations are read by DescribeRouteTables filtered on the
// gateway (a subnet's association on the same table does not count), a
// table the spec lacks is disassociated by its association's ID before
// the spec's tables are associated by AssociateRouteTable's GatewayId, and
// a spec without routeTables costs no DescribeRouteTables.
func TestInternetGatewayRouteTables(t *testing.T) {
	cases := []struct {
		reason     string
		assocs     map[string]association
		spec       []string
		wantDiff   bool
		wantWrites []string
		wantTables []string
		wantLists  int
	}{
		{
			reason:     "a table the spec names and AWS lacks is associated with the gateway",
			assocs:     map[string]association{"rtbassoc-s": {"rtb-a", "subnet-1"}},
			spec:       []string{"rtb-a"},
			wantDiff:   true,
			wantWrites: []string{"AssociateRouteTable rtb-a igw-1"},
			wantTables: []string{"rtb-a"},
			wantLists:  2,
		},
		{
			reason:     "a table associated out of band is disassociated first, then the spec's associated",
			assocs:     map[string]association{"rtbassoc-b": {"rtb-b", "igw-1"}},
			spec:       []string{"rtb-a"},
			wantDiff:   true,
			wantWrites: []string{"DisassociateRouteTable rtbassoc-b", "AssociateRouteTable rtb-a igw-1"},
			wantTables: []string{"rtb-a"},
			wantLists:  2,
		},
		{
			reason:     "AWS matches the spec (beside a subnet's association on the same table): no difference, no write",
			assocs:     map[string]association{"rtbassoc-a": {"rtb-a", "igw-1"}, "rtbassoc-s": {"rtb-a", "subnet-1"}},
			spec:       []string{"rtb-a"},
			wantTables: []string{"rtb-a"},
			wantLists:  1,
		},
		{
			reason:     "an empty list disassociates every table",
			assocs:     map[string]association{"rtbassoc-a": {"rtb-a", "igw-1"}},
			spec:       []string{},
			wantDiff:   true,
			wantWrites: []string{"DisassociateRouteTable rtbassoc-a"},
			wantLists:  2,
		},
		{
			reason:     "no routeTables in the spec is no opinion and costs no list",
			assocs:     map[string]association{"rtbassoc-a": {"rtb-a", "igw-1"}},
			wantTables: []string{"rtb-a"},
		},
	}
	for _, c := range cases {
		f, cfg := newFakeRoutes(t, c.assocs)
		ext := internetgateway.Kind().Connect(cfg, managed.ClientOptions{})
		cr := ownedGateway(c.spec)
		ctx := context.Background()
		obs, err := ext.Observe(ctx, cr)
		if err != nil {
			t.Fatalf("%s: Observe: %v", c.reason, err)
		}
		if got := obs.Changed("routeTables"); got != c.wantDiff {
			t.Errorf("%s: routeTables differ %t (diff %v), want %t", c.reason, got, obs.Diff, c.wantDiff)
		}
		if len(obs.Diff) > 0 {
			if err := ext.Update(ctx, cr, obs); err != nil {
				t.Fatalf("%s: Update: %v", c.reason, err)
			}
		}
		if got := f.writes(); !slices.Equal(got, c.wantWrites) {
			t.Errorf("%s: writes %q, want %q", c.reason, got, c.wantWrites)
		}
		if got := f.gatewayTables(); !slices.Equal(got, c.wantTables) {
			t.Errorf("%s: igw-1 is associated with %v, want %v", c.reason, got, c.wantTables)
		}
		if got := f.count("DescribeRouteTables"); got != c.wantLists {
			t.Errorf("%s: %d DescribeRouteTables calls, want %d", c.reason, got, c.wantLists)
		}
	}
}

// TestInternetGatewayDeleteUnlinks deletes an InternetGateway whose spec
// names route tables, by value or only by reference: its associations go
// first, then it is detached and deleted, so no route table is left
// associated with a deleted gateway.
func TestInternetGatewayDeleteUnlinks(t *testing.T) {
	cases := []struct {
		reason     string
		spec       []string
		refs       bool
		wantWrites []string
	}{
		{"tables named by value", []string{"rtb-a"}, false,
			[]string{"DisassociateRouteTable rtbassoc-a", "DetachInternetGateway", "DeleteInternetGateway"}},
		{"tables named only by a reference, resolved or not", nil, true,
			[]string{"DisassociateRouteTable rtbassoc-a", "DetachInternetGateway", "DeleteInternetGateway"}},
		{"no tables in the spec: the associations are no concern of the object", nil, false,
			[]string{"DetachInternetGateway", "DeleteInternetGateway"}},
	}
	for _, c := range cases {
		f, cfg := newFakeRoutes(t, map[string]association{"rtbassoc-a": {"rtb-a", "igw-1"}})
		ext := internetgateway.Kind().Connect(cfg, managed.ClientOptions{})
		cr := ownedGateway(c.spec)
		cr.Spec.VPC = aws.String("vpc-1")
		cr.Status.Attachments = []v1alpha1.InternetGatewayAttachment{{VPCID: aws.String("vpc-1"), State: aws.String("available")}}
		if c.refs {
			cr.Spec.RouteTableRefs = []ackv1alpha1.AWSResourceReferenceWrapper{{From: &ackv1alpha1.AWSResourceReference{Name: aws.String("rtb")}}}
		}
		if err := ext.Delete(context.Background(), cr); err != nil {
			t.Fatalf("%s: Delete: %v", c.reason, err)
		}
		if got := f.writes(); !slices.Equal(got, c.wantWrites) {
			t.Errorf("%s: writes %q, want %q", c.reason, got, c.wantWrites)
		}
	}
}
