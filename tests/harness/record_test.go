package harness

import (
	"testing"
)

// Lines as moto 5.2.1 writes them (headers trimmed), from boto3 calls.
const recordingSample = `{"headers": {"Host": "127.0.0.1:5999", "X-Amz-Target": "DynamoDB_20120810.ListTables", "Content-Type": "application/x-amz-json-1.0"}, "method": "POST", "url": "http://127.0.0.1:5999/", "body": "e30=", "body_encoded": true}
{"headers": {"Host": "127.0.0.1:5999", "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Content-Length": "35"}, "method": "POST", "url": "http://127.0.0.1:5999/", "body": "QWN0aW9uPUxpc3RVc2VycyZWZXJzaW9uPTIwMTAtMDUtMDg=", "body_encoded": true}
{"headers": {"Host": "127.0.0.1:5999"}, "method": "GET", "url": "http://127.0.0.1:5999/abc?encoding-type=url", "body": "", "body_encoded": false}
{"headers": {"Host": "127.0.0.1:5999"}, "method": "PUT", "url": "http://127.0.0.1:5999/abc?tagging", "body": "PFRhZ2dpbmc+", "body_encoded": true}
{"headers": {"Host": "127.0.0.1:5999"}, "method": "GET", "url": "http://127.0.0.1:5999/?Action=DescribeVpcs&Version=2016-11-15", "body": "", "body_encoded": false}

`

func TestParseRecording(t *testing.T) {
	calls, err := parseRecording([]byte(recordingSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ListTables", "ListUsers", "GET /abc", "PUT /abc?tagging", "DescribeVpcs"}
	if len(calls) != len(want) {
		t.Fatalf("parsed %d calls, want %d", len(calls), len(want))
	}
	for i, c := range calls {
		if got := c.Operation(); got != want[i] {
			t.Errorf("call %d: Operation() = %q, want %q", i, got, want[i])
		}
	}
	if got := string(calls[0].Body); got != "{}" {
		t.Errorf("decoded body %q, want {}", got)
	}
	if got := string(calls[3].Body); got != "<Tagging>" {
		t.Errorf("decoded body %q, want <Tagging>", got)
	}
	if got := CountOperations(append(calls, calls[0]))["ListTables"]; got != 2 {
		t.Errorf("CountOperations ListTables = %d, want 2", got)
	}
}
