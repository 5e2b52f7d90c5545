package compare

import (
	"reflect"
	"strconv"
	"testing"
)

type cidr struct{ CIDR, Description *string }

type pair struct{ GroupID, UserID *string }

type rule struct {
	Protocol         *string
	FromPort, ToPort *int64
	Ranges           []cidr
	Pairs            []pair
}

func str(s string) *string { return &s }
func num(n int64) *int64   { return &n }

func tcp(port int64, ranges ...string) rule {
	r := rule{Protocol: str("tcp"), FromPort: num(port), ToPort: num(port)}
	for _, c := range ranges {
		r.Ranges = append(r.Ranges, cidr{CIDR: str(c)})
	}
	return r
}

func TestElements(t *testing.T) {
	cases := []struct {
		reason            string
		desired, observed []rule
		add, remove       []rule
	}{
		{reason: "two CIDRs in one rule equal AWS's two rules of one CIDR each, in any order",
			desired:  []rule{tcp(443, "10.0.0.0/16", "10.1.0.0/16")},
			observed: []rule{tcp(443, "10.1.0.0/16"), tcp(443, "10.0.0.0/16")}},
		{reason: "two rules the spec wrote apart equal AWS's one grouped rule",
			desired:  []rule{tcp(22, "10.0.0.0/16"), tcp(22, "10.1.0.0/16")},
			observed: []rule{tcp(22, "10.0.0.0/16", "10.1.0.0/16")}},
		{reason: "a CIDR AWS lacks is added alone, not the whole rule",
			desired:  []rule{tcp(443, "10.0.0.0/16", "10.1.0.0/16")},
			observed: []rule{tcp(443, "10.0.0.0/16")},
			add:      []rule{tcp(443, "10.1.0.0/16")}},
		{reason: "a CIDR the spec lacks is removed alone",
			desired:  []rule{tcp(443, "10.0.0.0/16")},
			observed: []rule{tcp(443, "10.0.0.0/16", "10.1.0.0/16")},
			remove:   []rule{tcp(443, "10.1.0.0/16")}},
		{reason: "another port is another rule",
			desired:  []rule{tcp(80, "10.0.0.0/16")},
			observed: []rule{tcp(443, "10.0.0.0/16")},
			add:      []rule{tcp(80, "10.0.0.0/16")}, remove: []rule{tcp(443, "10.0.0.0/16")}},
		{reason: "nil desired is the empty set: all observed are removed",
			observed: []rule{{Protocol: str("-1"), Ranges: []cidr{{CIDR: str("0.0.0.0/0")}}}},
			remove:   []rule{{Protocol: str("-1"), Ranges: []cidr{{CIDR: str("0.0.0.0/0")}}}}},
		{reason: "a member the spec leaves unset (the pair's account, which AWS fills in) is no opinion",
			desired:  []rule{{Protocol: str("-1"), Pairs: []pair{{GroupID: str("sg-1")}}}},
			observed: []rule{{Protocol: str("-1"), Pairs: []pair{{GroupID: str("sg-1"), UserID: str("123")}}}}},
		{reason: "a description the spec sets and AWS lacks differs",
			desired:  []rule{{Protocol: str("tcp"), FromPort: num(1), ToPort: num(1), Ranges: []cidr{{CIDR: str("10.0.0.0/8"), Description: str("office")}}}},
			observed: []rule{tcp(1, "10.0.0.0/8")},
			add:      []rule{{Protocol: str("tcp"), FromPort: num(1), ToPort: num(1), Ranges: []cidr{{CIDR: str("10.0.0.0/8"), Description: str("office")}}}},
			remove:   []rule{tcp(1, "10.0.0.0/8")}},
		{reason: "one CIDR and one group pair in one rule are two elements",
			desired:  []rule{{Protocol: str("tcp"), FromPort: num(5), ToPort: num(5), Ranges: []cidr{{CIDR: str("10.0.0.0/8")}}, Pairs: []pair{{GroupID: str("sg-1")}}}},
			observed: []rule{{Protocol: str("tcp"), FromPort: num(5), ToPort: num(5), Pairs: []pair{{GroupID: str("sg-1"), UserID: str("1")}}}},
			add:      []rule{tcp(5, "10.0.0.0/8")}},
	}
	for _, c := range cases {
		add, remove := Elements(c.desired, c.observed)
		if !reflect.DeepEqual(add, c.add) || !reflect.DeepEqual(remove, c.remove) {
			t.Errorf("%s:\n add %s, want %s\n remove %s, want %s", c.reason, show(add), show(c.add), show(remove), show(c.remove))
		}
	}
}

func show(rules []rule) string {
	out := "["
	for _, r := range rules {
		out += *r.Protocol
		if r.FromPort != nil {
			out += ":" + strconv.FormatInt(*r.FromPort, 10)
		}
		for _, c := range r.Ranges {
			out += " " + *c.CIDR
		}
		for _, p := range r.Pairs {
			out += " " + *p.GroupID
		}
		out += ";"
	}
	return out + "]"
}
