// Package s3 runs the generated S3 Bucket manager against a fake S3 over
// HTTP, for what the moto emulator cannot show: removing entries of keyed
// collections (moto 5.2.1 answers DELETE ?inventory&id= as DeleteBucket),
// the collections moto does not implement at all (analytics, metrics,
// intelligent tiering), paging, which configurations a resync reads, tags
// whose keys start with aws: (which only AWS itself sets), and the request
// the SDK builds: the location a create fills in and how the client
// addresses a bucket.
package s3

import (
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// fakeS3 is the part of S3 one bucket's manager talks to: HEAD on the
// bucket, single configurations (?website, ?tagging and the like) put,
// read and deleted as stored XML, and keyed collections (?analytics&id=…)
// put, deleted and listed, pageSize entries per page. Every call is
// recorded; tests count them as "METHOD ?sub" (with "&id=…" for an
// entry). A configuration never put reads as 404; a collection never put
// lists empty.
type fakeS3 struct {
	mu       sync.Mutex
	pageSize int
	host     string // the endpoint's host:port, a localhost name
	seen     []request
	single   map[string][]byte            // sub-resource -> body
	entries  map[string]map[string][]byte // collection -> id -> body
}

// request is what the server saw of one call.
type request struct {
	call, method, host, path, body string
}

// collections are the query keys of S3's keyed collections.
var collections = []string{"analytics", "inventory", "metrics", "intelligent-tiering"}

// newFake starts a fake S3 and returns it with a config for us-east-1 at
// its endpoint. The endpoint's host is localhost, not an IP, so the SDK
// addresses buckets path-style only when told to.
func newFake(t *testing.T, pageSize int) (*fakeS3, aws.Config) {
	t.Helper()
	f := &fakeS3{pageSize: pageSize, single: map[string][]byte{}, entries: map[string]map[string][]byte{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	f.host = "localhost:" + port
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String("http://" + f.host),
	}
	return f, cfg
}

// count is how many recorded calls start with op.
func (f *fakeS3) count(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.seen {
		if r.call == op || strings.HasPrefix(r.call, op+"&") {
			n++
		}
	}
	return n
}

// since returns the calls recorded after the first n.
func (f *fakeS3) since(n int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, r := range f.seen[n:] {
		out = append(out, r.call)
	}
	return out
}

// mark is the number of calls recorded so far, for since.
func (f *fakeS3) mark() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.seen)
}

// requests returns every call recorded, as the server saw it.
func (f *fakeS3) requests() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.seen)
}

// put stores an entry of a collection as S3 would after a put, for a
// change made behind the manager's back.
func (f *fakeS3) put(collection, id, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.entries[collection] == nil {
		f.entries[collection] = map[string][]byte{}
	}
	f.entries[collection][id] = []byte(body)
}

func (f *fakeS3) ids(collection string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for id := range f.entries[collection] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// body is what S3 holds for an entry of a collection.
func (f *fakeS3) body(collection, id string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return string(f.entries[collection][id])
}

// setTags gives the bucket a tag set, as AWS would report it: keys with
// aws: included. Nil leaves the bucket without tags.
func (f *fakeS3) setTags(tags map[string]string) {
	if tags == nil {
		return
	}
	var b strings.Builder
	b.WriteString("<Tagging><TagSet>")
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		b.WriteString("<Tag><Key>" + k + "</Key><Value>" + tags[k] + "</Value></Tag>")
	}
	b.WriteString("</TagSet></Tagging>")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.single["tagging"] = []byte(b.String())
}

// tagging is the body of PutBucketTagging.
type tagging struct {
	XMLName xml.Name `xml:"Tagging"`
	Tags    []struct {
		Key   string `xml:"Key"`
		Value string `xml:"Value"`
	} `xml:"TagSet>Tag"`
}

// tagsPut is the tag set of the last PutBucketTagging, nil if none came.
func (f *fakeS3) tagsPut(t *testing.T) map[string]string {
	t.Helper()
	var put map[string]string
	for _, r := range f.requests() {
		if r.call != "PUT ?tagging" {
			continue
		}
		var in tagging
		if err := xml.Unmarshal([]byte(r.body), &in); err != nil {
			t.Fatalf("PutBucketTagging body %q: %v", r.body, err)
		}
		put = map[string]string{}
		for _, tag := range in.Tags {
			put[tag.Key] = tag.Value
		}
	}
	return put
}

var xmlDecl = regexp.MustCompile(`^<\?xml[^>]*\?>`)

func (f *fakeS3) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	q := r.URL.Query()
	sub := ""
	for k, v := range q {
		if len(v) == 1 && v[0] == "" && k != "x-id" {
			sub = k
		}
	}
	id := q.Get("id")
	call := r.Method + " ?" + sub
	if id != "" {
		call += "&id=" + id
	}
	f.seen = append(f.seen, request{call, r.Method, r.Host, r.URL.Path, string(body)})
	switch {
	case r.Method == http.MethodHead:
		w.Header().Set("x-amz-bucket-region", "us-east-1")
	case slices.Contains(collections, sub):
		f.collection(w, r.Method, sub, id, q.Get("continuation-token"), body)
	case r.Method == http.MethodPut:
		f.single[sub] = body
	case r.Method == http.MethodDelete:
		delete(f.single, sub)
		w.WriteHeader(http.StatusNoContent)
	case f.single[sub] != nil:
		_, _ = w.Write(f.single[sub])
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "<Error><Code>NoSuch%sConfiguration</Code><Message>none</Message></Error>", sub)
	}
}

func (f *fakeS3) collection(w http.ResponseWriter, method, sub, id, token string, body []byte) {
	if f.entries[sub] == nil {
		f.entries[sub] = map[string][]byte{}
	}
	switch method {
	case http.MethodPut:
		f.entries[sub][id] = body
		return
	case http.MethodDelete:
		delete(f.entries[sub], id)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	var ids []string
	for k := range f.entries[sub] {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	from, _ := strconv.Atoi(token)
	to := min(from+f.pageSize, len(ids))
	var b strings.Builder
	b.WriteString(`<ListResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`)
	for _, k := range ids[from:to] {
		b.WriteString(xmlDecl.ReplaceAllString(string(f.entries[sub][k]), ""))
	}
	if to < len(ids) {
		fmt.Fprintf(&b, "<IsTruncated>true</IsTruncated><NextContinuationToken>%d</NextContinuationToken>", to)
	} else {
		b.WriteString("<IsTruncated>false</IsTruncated>")
	}
	b.WriteString("</ListResult>")
	_, _ = w.Write([]byte(b.String()))
}
