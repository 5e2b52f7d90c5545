package ec2

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/kubesmith/kubesmith/generated/ec2/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/generated/ec2/resources/securitygroup"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// ec2Call is one call the fake EC2 received: its action, and its form.
type ec2Call struct {
	action string
	form   url.Values
}

// fakeTagIndex answers DescribeTags with the security groups in tagged
// and DescribeSecurityGroups with the groups its GroupId list names (all
// groups in groups when it names none, as EC2 does), recording every call.
func fakeTagIndex(t *testing.T, tagged, groups []string, calls *[]ec2Call) aws.Config {
	t.Helper()
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		action := r.PostForm.Get("Action")
		mu.Lock()
		*calls = append(*calls, ec2Call{action, r.PostForm})
		mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		var items strings.Builder
		switch action {
		case "DescribeTags":
			for _, id := range tagged {
				fmt.Fprintf(&items, `<item><resourceId>%s</resourceId><resourceType>security-group</resourceType><key>services.k8s.aws/name</key><value>lost</value></item>`, id)
			}
			fmt.Fprintf(w, `<DescribeTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><tagSet>%s</tagSet></DescribeTagsResponse>`, items.String())
		case "DescribeSecurityGroups":
			named := listed(r.PostForm, "GroupId")
			if len(named) == 0 {
				named = groups
			}
			for _, id := range named {
				fmt.Fprintf(&items, `<item><groupId>%s</groupId><groupName>%s</groupName></item>`, id, id)
			}
			fmt.Fprintf(w, `<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><securityGroupInfo>%s</securityGroupInfo></DescribeSecurityGroupsResponse>`, items.String())
		default:
			http.Error(w, "unexpected "+action, http.StatusBadRequest)
		}
	}))
	t.Cleanup(srv.Close)
	return aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

// filters returns a query-protocol Filter list as name -> values.
func filters(form url.Values) map[string][]string {
	out := map[string][]string{}
	for i := 1; form.Has(fmt.Sprintf("Filter.%d.Name", i)); i++ {
		out[form.Get(fmt.Sprintf("Filter.%d.Name", i))] = listed(form, fmt.Sprintf("Filter.%d.Value", i))
	}
	return out
}

// TestFindCreatedUsesTagIndex looks for what a lost CreateSecurityGroup
// made through the generated manager. EC2 answers a DescribeSecurityGroups
// filtered by tags alone by reading the tags of every group (moto: 21 s
// at 1,000 groups), so the lookup first asks DescribeTags which security
// groups carry the tag naming the object, and describes only those, with
// the same tag filters; when none does it describes nothing.
func TestFindCreatedUsesTagIndex(t *testing.T) {
	tags := map[string]string{"services.k8s.aws/namespace": "ns", "services.k8s.aws/name": "lost"}
	cases := []struct {
		reason    string
		tagged    []string
		want      int
		wantID    string
		describes int
	}{
		{"the one group DescribeTags names is described by its ID and found", []string{"sg-1"}, 1, "sg-1", 1},
		{"two groups named alike are both described and left to a person", []string{"sg-1", "sg-2"}, 2, "", 1},
		{"no group carrying the tag means none was made, without describing any", nil, 0, "", 0},
	}
	for _, c := range cases {
		var calls []ec2Call
		ext := securitygroup.Kind().Connect(fakeTagIndex(t, c.tagged, []string{"sg-1", "sg-2", "sg-3"}, &calls), managed.ClientOptions{})
		finder := ext.(managed.Finder[*v1alpha1.SecurityGroup])
		ctx := managed.WithNameTag(managed.WithDefaultTags(context.Background(), tags), "services.k8s.aws/name", "lost")
		cr := &v1alpha1.SecurityGroup{}
		n, err := finder.FindCreated(ctx, cr, time.Now().Add(-time.Minute))
		if err != nil || n != c.want || aws.ToString(cr.Status.ID) != c.wantID {
			t.Errorf("%s: FindCreated = %d, %v with status.id %q; want %d with %q", c.reason, n, err, aws.ToString(cr.Status.ID), c.want, c.wantID)
		}
		var index, describes int
		for _, call := range calls {
			f := filters(call.form)
			switch call.action {
			case "DescribeTags":
				index++
				want := map[string][]string{"resource-type": {"security-group"}, "key": {"services.k8s.aws/name"}, "value": {"lost"}}
				if fmt.Sprint(f) != fmt.Sprint(want) {
					t.Errorf("%s: DescribeTags filters %v, want %v", c.reason, f, want)
				}
			case "DescribeSecurityGroups":
				describes++
				if ids := listed(call.form, "GroupId"); strings.Join(ids, ",") != strings.Join(c.tagged, ",") {
					t.Errorf("%s: DescribeSecurityGroups named groups %v, want those DescribeTags gave, %v", c.reason, ids, c.tagged)
				}
				if len(f) != len(tags) || f["tag:services.k8s.aws/name"] == nil {
					t.Errorf("%s: DescribeSecurityGroups filters %v, want the default tags", c.reason, f)
				}
			}
		}
		if index != 1 || describes != c.describes {
			t.Errorf("%s: %d DescribeTags and %d DescribeSecurityGroups calls, want 1 and %d", c.reason, index, describes, c.describes)
		}
	}
}
