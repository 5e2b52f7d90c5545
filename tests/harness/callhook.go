package harness

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// CallHook is an HTTP proxy in front of an AWS endpoint that lets a test
// act between AWS doing a call and the caller hearing of it: the moment a
// controller can die or lose an answer, which only chance would hit
// otherwise.
type CallHook struct {
	srv *httptest.Server
}

// AfterCall decides, once AWS has answered the operation op, whether the
// caller gets the answer. Returning false drops the connection instead, so
// the caller sees a network error after the call took effect.
type AfterCall func(op string) (deliver bool)

// StartCallHook proxies to target (a URL such as Moto.Endpoint()) and runs
// after on every answered call. Cleanup stops it.
func StartCallHook(t testing.TB, target string, after AfterCall) *CallHook {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatalf("call hook target %q: %v", target, err)
	}
	h := &CallHook{srv: httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		forward(w, r, u, after)
	}))}
	t.Cleanup(h.srv.Close)
	return h
}

// URL is the proxy's address, to use as an AWS endpoint.
func (h *CallHook) URL() string { return h.srv.URL }

func forward(w http.ResponseWriter, r *http.Request, target *url.URL, after AfterCall) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	// AWS finishes a call whose caller died, so the hook hears every answer.
	out, err := http.NewRequestWithContext(context.WithoutCancel(r.Context()), r.Method, target.String()+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out.Header = r.Header.Clone()
	out.Host = r.Host
	resp, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if !after(operationOf(r, body)) {
		hijackAndClose(w)
		return
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}

// operationOf names the call: the JSON protocols' X-Amz-Target
// ("DynamoDB_20120810.CreateBackup"), or the query protocol's Action.
func operationOf(r *http.Request, body []byte) string {
	if t := r.Header.Get("X-Amz-Target"); t != "" {
		return t[strings.LastIndex(t, ".")+1:]
	}
	if v, err := url.ParseQuery(string(body)); err == nil && v.Get("Action") != "" {
		return v.Get("Action")
	}
	return r.Method + " " + r.URL.Path
}

func hijackAndClose(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("call hook: the response writer cannot be hijacked")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0) // a reset, as when the answer is lost on the way
	}
	_ = conn.Close()
}
