// Package ec2 runs generated EC2 managers against a fake EC2 over HTTP,
// for answers moto never gives: a batch call (DeleteVpcEndpoints) that
// answers success while listing the item it failed on.
package ec2

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/ec2/resources/vpcendpoint"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// deleteAnswer is DeleteVpcEndpoints' answer listing one failed item;
// "" for code lists none.
func deleteAnswer(code, id string) string {
	items := ""
	if code != "" {
		items = fmt.Sprintf(`<item><error><code>%s</code><message>failed for %s</message></error><resourceId>%s</resourceId></item>`, code, id, id)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<DeleteVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><unsuccessful>` + items + `</unsuccessful></DeleteVpcEndpointsResponse>`
}

// fakeEC2 answers every DeleteVpcEndpoints with 200 and the item code,
// and records the endpoint IDs each call named.
func fakeEC2(t *testing.T, code string, seen *[]string) aws.Config {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.PostForm.Get("Action") != "DeleteVpcEndpoints" {
			http.Error(w, "only DeleteVpcEndpoints", http.StatusBadRequest)
			return
		}
		id := r.PostForm.Get("VpcEndpointId.1")
		*seen = append(*seen, listed(r.PostForm, "VpcEndpointId")...)
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, deleteAnswer(code, id))
	}))
	t.Cleanup(srv.Close)
	return aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

// listed returns the values of a query-protocol list: name.1, name.2 …
func listed(form url.Values, name string) []string {
	var out []string
	for i := 1; form.Has(fmt.Sprintf("%s.%d", name, i)); i++ {
		out = append(out, form.Get(fmt.Sprintf("%s.%d", name, i)))
	}
	return out
}

// TestDeleteUnsuccessful deletes a VPCEndpoint through its generated
// manager while EC2 answers DeleteVpcEndpoints with 200 and an
// Unsuccessful item: the delete names the one endpoint, and the item
// counts as the error it carries, never as success.
func TestDeleteUnsuccessful(t *testing.T) {
	cases := []struct {
		reason, code string
		wantErr      bool
	}{
		{"an empty Unsuccessful list is success", "", false},
		{"an item whose code says not found means already gone", "InvalidVpcEndpointId.NotFound", false},
		{"any other item is the failure of the delete, with its code", "DependencyViolation", true},
	}
	for _, c := range cases {
		var seen []string
		ext := vpcendpoint.Kind().Connect(fakeEC2(t, c.code, &seen), managed.ClientOptions{})
		cr := &v1alpha1.VPCEndpoint{}
		cr.Status.VPCEndpointID = aws.String("vpce-0123")
		err := ext.Delete(context.Background(), cr)
		if len(seen) != 1 || seen[0] != "vpce-0123" {
			t.Errorf("%s: DeleteVpcEndpoints named %v, want [vpce-0123]", c.reason, seen)
		}
		if (err != nil) != c.wantErr {
			t.Errorf("%s: Delete returned %v, want error %t", c.reason, err, c.wantErr)
		}
		if c.wantErr && managed.ErrorCode(err) != c.code {
			t.Errorf("%s: the error's code is %q, want %q", c.reason, managed.ErrorCode(err), c.code)
		}
	}
}
