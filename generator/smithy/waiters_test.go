package smithy

import (
	"reflect"
	"testing"
)

// TestWaitable reads smithy.waiters#waitable as AWS's models write it on
// DynamoDB's DescribeTable.
func TestWaitable(t *testing.T) {
	m, err := Parse([]byte(`{"smithy": "2.0", "shapes": {
	  "ex#DescribeTable": {"type": "operation", "traits": {"smithy.waiters#waitable": {
	    "TableNotExists": {"acceptors": [{"state": "success", "matcher": {"errorType": "ResourceNotFoundException"}}], "minDelay": 20},
	    "TableExists": {"acceptors": [
	      {"state": "success", "matcher": {"output": {"path": "Table.TableStatus", "expected": "ACTIVE", "comparator": "stringEquals"}}},
	      {"state": "retry", "matcher": {"errorType": "ResourceNotFoundException"}},
	      {"state": "success", "matcher": {"success": true}}
	    ], "minDelay": 20}}}}}}`), "waiters.json")
	if err != nil {
		t.Fatal(err)
	}
	got := mustShape(t, m, "ex#DescribeTable").Traits.Waiters
	want := []Waiter{
		{Name: "TableExists", Acceptors: []Acceptor{
			{State: "success", Path: "Table.TableStatus", Expected: "ACTIVE", Comparator: "stringEquals"},
			{State: "retry", ErrorType: "ResourceNotFoundException"},
			{State: "success"},
		}},
		{Name: "TableNotExists", Acceptors: []Acceptor{{State: "success", ErrorType: "ResourceNotFoundException"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("waiters sorted by name, each acceptor's matcher decoded:\n got %+v\nwant %+v", got, want)
	}
}
