package s3

import (
	"fmt"
	"io"
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
// bucket, single configurations (?website and the like) put, read and
// deleted as stored XML, and keyed collections (?analytics&id=…) put,
// deleted and listed, pageSize entries per page. Every call is recorded
// as "METHOD ?sub" (with "&id=…" for an entry), which is what the tests
// count. A configuration never put reads as 404; a collection never put
// lists empty.
type fakeS3 struct {
	mu       sync.Mutex
	pageSize int
	calls    []string
	single   map[string][]byte            // sub-resource -> body
	entries  map[string]map[string][]byte // collection -> id -> body
}

// collections are the query keys of S3's keyed collections.
var collections = []string{"analytics", "inventory", "metrics", "intelligent-tiering"}

func newFake(t *testing.T, pageSize int) (*fakeS3, aws.Config) {
	f := &fakeS3{pageSize: pageSize, single: map[string][]byte{}, entries: map[string]map[string][]byte{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL), // an IP host: path-style addressing
	}
	return f, cfg
}

// count is how many recorded calls start with op.
func (f *fakeS3) count(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == op || strings.HasPrefix(c, op+"&") {
			n++
		}
	}
	return n
}

// since returns the calls recorded after the first n, and their number.
func (f *fakeS3) since(n int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls[n:])
}

func (f *fakeS3) mark() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
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
	f.calls = append(f.calls, call)
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

// body is what S3 holds for an entry of a collection.
func (f *fakeS3) body(collection, id string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return string(f.entries[collection][id])
}
