package harness

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// Faults is an HTTP proxy in front of moto that answers chosen awsJson
// operations (by X-Amz-Target) with an AWS error of our choice, such as
// the throttling or 5xx answers moto never gives, and passes everything
// else through.
type Faults struct {
	srv *httptest.Server

	mu     sync.Mutex
	faults map[string]fault // by operation
	hits   map[string]int
}

type fault struct {
	status int
	code   string
}

// StartFaults proxies to target (a URL such as Moto.Endpoint()). Cleanup
// stops it.
func StartFaults(t testing.TB, target string) *Faults {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	f := &Faults{faults: map[string]fault{}, hits: map[string]int{}}
	pass := httputil.NewSingleHostReverseProxy(u)
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := r.Header.Get("X-Amz-Target")
		op := target[strings.LastIndex(target, ".")+1:]
		f.mu.Lock()
		ft, ok := f.faults[op]
		if ok {
			f.hits[op]++
		}
		f.mu.Unlock()
		if !ok {
			pass.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		w.WriteHeader(ft.status)
		fmt.Fprintf(w, `{"__type":"com.amazonaws.dynamodb.v20120810#%s","message":"injected by the test harness"}`, ft.code)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// URL is the proxy's endpoint.
func (f *Faults) URL() string { return f.srv.URL }

// Fail makes op answer with an AWS error of code and HTTP status.
func (f *Faults) Fail(op string, status int, code string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults[op] = fault{status: status, code: code}
}

// Clear lets op through to moto again.
func (f *Faults) Clear(op string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.faults, op)
}

// Hits is how many calls of op got the injected error.
func (f *Faults) Hits(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[op]
}
