package harness

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// RecordedCall is one request from moto's recorder (retries are separate calls).
type RecordedCall struct {
	Method  string
	URL     *url.URL
	Headers http.Header
	Body    []byte
}

// recorderLine is one JSON line of /moto-api/recorder/download-recording in moto 5.2.1.
type recorderLine struct {
	Headers     map[string]string `json:"headers"`
	Method      string            `json:"method"`
	URL         string            `json:"url"`
	Body        string            `json:"body"`
	BodyEncoded bool              `json:"body_encoded"` // body is base64
}

// StartRecording clears moto's recording and starts recording. The recorder is
// global like reset: it sees every client of this moto.
func (m *Moto) StartRecording(t testing.TB) {
	t.Helper()
	if err := m.startRecording(); err != nil {
		t.Fatal(err)
	}
}

func (m *Moto) startRecording() error {
	for _, p := range []string{"/moto-api/recorder/reset-recording", "/moto-api/recorder/start-recording"} {
		if _, err := m.call(http.MethodPost, p); err != nil {
			return err
		}
	}
	return nil
}

// StopRecording stops recording; what was recorded stays downloadable.
func (m *Moto) StopRecording(t testing.TB) {
	t.Helper()
	if _, err := m.call(http.MethodPost, "/moto-api/recorder/stop-recording"); err != nil {
		t.Fatal(err)
	}
}

// Recording returns the calls recorded since StartRecording, oldest first.
func (m *Moto) Recording(t testing.TB) []RecordedCall {
	t.Helper()
	data, err := m.call(http.MethodGet, "/moto-api/recorder/download-recording")
	if err != nil {
		t.Fatal(err)
	}
	calls, err := parseRecording(data)
	if err != nil {
		t.Fatal(err)
	}
	return calls
}

func parseRecording(data []byte) ([]RecordedCall, error) {
	var calls []RecordedCall
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20) // a line holds a whole request body
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l recorderLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("recording line %d: %v", n, err)
		}
		c := RecordedCall{Method: l.Method, Headers: http.Header{}, Body: []byte(l.Body)}
		for k, v := range l.Headers {
			c.Headers.Set(k, v)
		}
		if l.BodyEncoded {
			body, err := base64.StdEncoding.DecodeString(l.Body)
			if err != nil {
				return nil, fmt.Errorf("recording line %d body: %v", n, err)
			}
			c.Body = body
		}
		u, err := url.Parse(l.URL)
		if err != nil {
			return nil, fmt.Errorf("recording line %d url: %v", n, err)
		}
		c.URL = u
		calls = append(calls, c)
	}
	return calls, sc.Err()
}

// Operation names the API call: "ListTables" for awsJson (X-Amz-Target),
// "DescribeVpcs" for awsQuery and ec2 (Action=), and for REST services the method,
// path and sub-resources, e.g. "PUT /bucket?tagging".
func (c RecordedCall) Operation() string {
	if target := c.Headers.Get("X-Amz-Target"); target != "" {
		return target[strings.LastIndex(target, ".")+1:]
	}
	if action := c.URL.Query().Get("Action"); action != "" {
		return action
	}
	if strings.HasPrefix(c.Headers.Get("Content-Type"), "application/x-www-form-urlencoded") {
		if form, err := url.ParseQuery(string(c.Body)); err == nil && form.Get("Action") != "" {
			return form.Get("Action")
		}
	}
	// Sub-resources are the valueless query keys (?tagging, ?policy); keys with
	// values (encoding-type=url, list-type=2) are parameters.
	var sub []string
	for k, v := range c.URL.Query() {
		if len(v) == 1 && v[0] == "" {
			sub = append(sub, k)
		}
	}
	sort.Strings(sub)
	op := c.Method + " " + c.URL.Path
	if len(sub) > 0 {
		op += "?" + strings.Join(sub, "&")
	}
	return op
}

// CountOperations counts calls by Operation, retries included.
func CountOperations(calls []RecordedCall) map[string]int {
	counts := map[string]int{}
	for _, c := range calls {
		counts[c.Operation()]++
	}
	return counts
}
