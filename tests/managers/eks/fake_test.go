// Package eks runs the generated EKS Addon, AccessEntry and
// PodIdentityAssociation managers, alone and under the shared reconciler,
// against a fake EKS over HTTP: moto 5.2.1 implements none of the three
// kinds (it answers their routes with an HTML 404; generated/eks/README.md
// lists the gaps), so their create, read, update and delete are checked
// here, against EKS's REST JSON protocol as AWS documents it.
package eks

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

const (
	account = "123456789012"
	region  = "us-west-2"
)

// call is one request the fake served: its operation, JSON body (or, for
// a GET or DELETE, its query), the path's cluster and path parameters.
type call struct {
	op      string
	cluster string
	params  []string
	body    map[string]any
}

// fakeEKS keeps add-ons, access entries with their access policies, pod
// identity associations and tags, and records every call.
type fakeEKS struct {
	mu       sync.Mutex
	addons   map[string]map[string]any            // cluster/name -> addon
	entries  map[string]map[string]any            // cluster/principal -> access entry
	policies map[string]map[string]map[string]any // cluster/principal -> policy ARN -> associated policy
	assocs   map[string]map[string]any            // cluster/id -> association
	tags     map[string]map[string]string         // ARN -> tags
	calls    []call
	nextID   int
	// fail answers an operation with this AWS error code once, and
	// unimplemented answers it as moto does a route it lacks.
	fail          map[string]string
	unimplemented map[string]bool
}

func newFake(t *testing.T) (*fakeEKS, aws.Config) {
	t.Helper()
	f := &fakeEKS{
		addons: map[string]map[string]any{}, entries: map[string]map[string]any{}, policies: map[string]map[string]map[string]any{},
		assocs: map[string]map[string]any{}, tags: map[string]map[string]string{}, fail: map[string]string{}, unimplemented: map[string]bool{},
	}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
}

// route names the operation of a request by its method and path, as
// EKS's model binds them, with the path's parameters unescaped.
func route(method string, seg []string) (string, []string) {
	n := len(seg)
	switch {
	case n >= 2 && seg[0] == "tags":
		return map[string]string{"GET": "ListTagsForResource", "POST": "TagResource", "DELETE": "UntagResource"}[method], []string{strings.Join(seg[1:], "/")}
	case n < 3 || seg[0] != "clusters":
		return "", nil
	}
	params := []string{seg[1]}
	if n > 3 {
		params = append(params, seg[3])
	}
	if n > 5 {
		params = append(params, seg[5])
	}
	byMethod := func(get, post, del string) string {
		return map[string]string{"GET": get, "POST": post, "DELETE": del}[method]
	}
	switch {
	case seg[2] == "addons" && n == 3:
		return byMethod("ListAddons", "CreateAddon", ""), params
	case seg[2] == "addons" && n == 4:
		return byMethod("DescribeAddon", "", "DeleteAddon"), params
	case seg[2] == "addons" && n == 5 && seg[4] == "update":
		return byMethod("", "UpdateAddon", ""), params
	case seg[2] == "access-entries" && n == 3:
		return byMethod("ListAccessEntries", "CreateAccessEntry", ""), params
	case seg[2] == "access-entries" && n == 4:
		return byMethod("DescribeAccessEntry", "UpdateAccessEntry", "DeleteAccessEntry"), params
	case seg[2] == "access-entries" && n == 5 && seg[4] == "access-policies":
		return byMethod("ListAssociatedAccessPolicies", "AssociateAccessPolicy", ""), params
	case seg[2] == "access-entries" && n == 6 && seg[4] == "access-policies":
		return byMethod("", "", "DisassociateAccessPolicy"), params
	case seg[2] == "pod-identity-associations" && n == 3:
		return byMethod("ListPodIdentityAssociations", "CreatePodIdentityAssociation", ""), params
	case seg[2] == "pod-identity-associations" && n == 4:
		return byMethod("DescribePodIdentityAssociation", "UpdatePodIdentityAssociation", "DeletePodIdentityAssociation"), params
	}
	return "", nil
}

func (f *fakeEKS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var seg []string
	for _, s := range strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/") {
		u, err := url.PathUnescape(s)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		seg = append(seg, u)
	}
	op, params := route(r.Method, seg)
	body := map[string]any{}
	if r.Method == http.MethodPost {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			fail(w, http.StatusBadRequest, "BadRequestException", err.Error())
			return
		}
	}
	for k, v := range r.URL.Query() {
		body[k] = v
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c := call{op: op, params: params, body: body}
	if op != "" && !strings.HasSuffix(op, "Resource") {
		c.cluster = params[0]
	}
	f.calls = append(f.calls, c)
	if op == "" || f.unimplemented[op] {
		// moto's answer to a route it lacks: an HTML page, no AWS error.
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		_, _ = fmt.Fprint(w, "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>")
		return
	}
	if code := f.fail[op]; code != "" {
		delete(f.fail, op)
		fail(w, http.StatusBadRequest, code, op+" refused by the test")
		return
	}
	status, out := f.serve(op, params, body)
	w.Header().Set("Content-Type", "application/json")
	if status != http.StatusOK {
		fail(w, status, out["code"].(string), out["message"].(string))
		return
	}
	_ = json.NewEncoder(w).Encode(out)
}

// notFound is EKS's answer for a missing resource.
func notFound(what string) (int, map[string]any) {
	return http.StatusNotFound, map[string]any{"code": "ResourceNotFoundException", "message": "No " + what + " found"}
}

// serve runs one operation on the fake's state.
func (f *fakeEKS) serve(op string, p []string, in map[string]any) (int, map[string]any) {
	switch op {
	case "ListTagsForResource":
		return http.StatusOK, map[string]any{"tags": f.tags[p[0]]}
	case "TagResource":
		if f.tags[p[0]] == nil {
			f.tags[p[0]] = map[string]string{}
		}
		for k, v := range in["tags"].(map[string]any) {
			f.tags[p[0]][k] = v.(string)
		}
		return http.StatusOK, map[string]any{}
	case "UntagResource":
		for _, k := range in["tagKeys"].([]string) {
			delete(f.tags[p[0]], k)
		}
		return http.StatusOK, map[string]any{}
	}
	if strings.Contains(op, "Addon") {
		return f.serveAddon(op, p, in)
	}
	if strings.Contains(op, "Access") {
		return f.serveAccess(op, p, in)
	}
	return f.serveAssociation(op, p, in)
}

func (f *fakeEKS) serveAddon(op string, p []string, in map[string]any) (int, map[string]any) {
	switch op {
	case "CreateAddon":
		key := p[0] + "/" + in["addonName"].(string)
		if _, ok := f.addons[key]; ok {
			return http.StatusConflict, map[string]any{"code": "ResourceInUseException", "message": "Addon already exists"}
		}
		a := map[string]any{"clusterName": p[0], "status": "CREATING", "addonVersion": "v1.18.0-eksbuild.1",
			"addonArn": "arn:aws:eks:" + region + ":" + account + ":addon/" + key + "/abc"}
		for _, k := range []string{"addonName", "addonVersion", "serviceAccountRoleArn", "configurationValues"} {
			if v, ok := in[k]; ok {
				a[k] = v
			}
		}
		f.addons[key] = a
		f.tagNew(a["addonArn"].(string), in)
		return http.StatusOK, map[string]any{"addon": a}
	case "DescribeAddon", "DeleteAddon":
		a, ok := f.addons[p[0]+"/"+p[1]]
		if !ok {
			return notFound("addon " + p[1])
		}
		if op == "DeleteAddon" {
			delete(f.addons, p[0]+"/"+p[1])
		}
		return http.StatusOK, map[string]any{"addon": a}
	case "UpdateAddon":
		a, ok := f.addons[p[0]+"/"+p[1]]
		if !ok {
			return notFound("addon " + p[1])
		}
		for _, k := range []string{"addonVersion", "serviceAccountRoleArn", "configurationValues"} {
			if v, ok := in[k]; ok {
				a[k] = v
			}
		}
		return http.StatusOK, map[string]any{"update": map[string]any{"id": "u-1", "status": "InProgress", "type": "AddonUpdate"}}
	}
	return http.StatusBadRequest, map[string]any{"code": "BadRequestException", "message": "unexpected " + op}
}

func (f *fakeEKS) serveAccess(op string, p []string, in map[string]any) (int, map[string]any) {
	if op == "CreateAccessEntry" {
		key := p[0] + "/" + in["principalArn"].(string)
		if _, ok := f.entries[key]; ok {
			return http.StatusConflict, map[string]any{"code": "ResourceInUseException", "message": "The specified access entry resource is already in use on this cluster."}
		}
		e := map[string]any{"clusterName": p[0], "principalArn": in["principalArn"], "type": "STANDARD",
			"accessEntryArn": "arn:aws:eks:" + region + ":" + account + ":access-entry/" + key, "username": in["principalArn"]}
		for _, k := range []string{"kubernetesGroups", "type", "username"} {
			if v, ok := in[k]; ok {
				e[k] = v
			}
		}
		f.entries[key] = e
		f.policies[key] = map[string]map[string]any{}
		f.tagNew(e["accessEntryArn"].(string), in)
		return http.StatusOK, map[string]any{"accessEntry": e}
	}
	key := p[0] + "/" + p[1]
	e, ok := f.entries[key]
	if !ok {
		return notFound("access entry " + p[1])
	}
	switch op {
	case "DescribeAccessEntry":
		return http.StatusOK, map[string]any{"accessEntry": e}
	case "UpdateAccessEntry":
		for _, k := range []string{"kubernetesGroups", "username"} {
			if v, ok := in[k]; ok {
				e[k] = v
			}
		}
		return http.StatusOK, map[string]any{"accessEntry": e}
	case "DeleteAccessEntry":
		delete(f.entries, key)
		delete(f.policies, key)
		return http.StatusOK, map[string]any{}
	case "AssociateAccessPolicy":
		pol := map[string]any{"policyArn": in["policyArn"], "accessScope": in["accessScope"], "associatedAt": 1.7e9}
		f.policies[key][in["policyArn"].(string)] = pol
		return http.StatusOK, map[string]any{"clusterName": p[0], "principalArn": p[1], "associatedAccessPolicy": pol}
	case "DisassociateAccessPolicy":
		if _, ok := f.policies[key][p[2]]; !ok {
			return notFound("access policy " + p[2])
		}
		delete(f.policies[key], p[2])
		return http.StatusOK, map[string]any{}
	case "ListAssociatedAccessPolicies":
		var out []any
		for _, arn := range slicesSorted(f.policies[key]) {
			out = append(out, f.policies[key][arn])
		}
		return http.StatusOK, map[string]any{"clusterName": p[0], "principalArn": p[1], "associatedAccessPolicies": out}
	}
	return http.StatusBadRequest, map[string]any{"code": "BadRequestException", "message": "unexpected " + op}
}

func (f *fakeEKS) serveAssociation(op string, p []string, in map[string]any) (int, map[string]any) {
	fields := []string{"roleArn", "targetRoleArn", "disableSessionTags", "policy"}
	if op == "CreatePodIdentityAssociation" {
		f.nextID++
		id := fmt.Sprintf("a-%d", f.nextID)
		a := map[string]any{"clusterName": p[0], "associationId": id, "namespace": in["namespace"], "serviceAccount": in["serviceAccount"],
			"associationArn": "arn:aws:eks:" + region + ":" + account + ":podidentityassociation/" + p[0] + "/" + id}
		for _, k := range fields {
			if v, ok := in[k]; ok {
				a[k] = v
			}
		}
		f.assocs[p[0]+"/"+id] = a
		f.tagNew(a["associationArn"].(string), in)
		return http.StatusOK, map[string]any{"association": a}
	}
	key := p[0] + "/" + p[1]
	a, ok := f.assocs[key]
	if !ok {
		return notFound("association " + p[1])
	}
	switch op {
	case "DescribePodIdentityAssociation":
	case "UpdatePodIdentityAssociation":
		for _, k := range fields {
			if v, ok := in[k]; ok {
				a[k] = v
			}
		}
	case "DeletePodIdentityAssociation":
		delete(f.assocs, key)
	default:
		return http.StatusBadRequest, map[string]any{"code": "BadRequestException", "message": "unexpected " + op}
	}
	return http.StatusOK, map[string]any{"association": a}
}

// tagNew records the tags a create sent.
func (f *fakeEKS) tagNew(arn string, in map[string]any) {
	f.tags[arn] = map[string]string{}
	if t, ok := in["tags"].(map[string]any); ok {
		for k, v := range t {
			f.tags[arn][k] = v.(string)
		}
	}
}

func fail(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Errortype", code)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": msg})
}

// ops returns the operations called since the last call of ops, and
// forgets them.
func (f *fakeEKS) ops() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		out = append(out, c.op)
	}
	f.calls = nil
	return out
}

// last returns the latest call of op, or fails the test.
func (f *fakeEKS) last(t *testing.T, op string) call {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.calls) - 1; i >= 0; i-- {
		if f.calls[i].op == op {
			return f.calls[i]
		}
	}
	t.Fatalf("no %s call; calls: %v", op, f.calls)
	return call{}
}

// writes are the operations among ops that change something.
func writes(ops []string) []string {
	return slices.DeleteFunc(slices.Clone(ops), func(op string) bool {
		return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "List")
	})
}

// sentKeys are the members a call's body set, less the request token the
// SDK fills itself.
func sentKeys(c call) []string {
	var keys []string
	for k := range c.body {
		if k != "clientRequestToken" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func slicesSorted[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
